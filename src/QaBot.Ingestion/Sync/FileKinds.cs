using Mono.Unix.Native;

namespace QaBot.Ingestion.Sync;

/// <summary>What a path is once symbolic links are followed.</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,

    /// <summary>A FIFO, device, socket: opening or reading one can block for ever or never end.</summary>
    Special,
}

/// <summary>
/// Tells a regular file from a FIFO or device before anything opens it. .NET's file attributes cannot
/// (a FIFO and /dev/zero look like empty files), so on Unix this asks stat(2).
/// </summary>
public static class FileKinds
{
    public static FileKind Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (OperatingSystem.IsWindows())
        {
            return Directory.Exists(path) ? FileKind.Directory : File.Exists(path) ? FileKind.Regular : FileKind.Missing;
        }

        if (Syscall.stat(path, out var status) != 0)
        {
            return FileKind.Missing;
        }

        return (status.st_mode & FilePermissions.S_IFMT) switch
        {
            FilePermissions.S_IFREG => FileKind.Regular,
            FilePermissions.S_IFDIR => FileKind.Directory,
            _ => FileKind.Special,
        };
    }

    /// <summary>The path with every symbolic link resolved, or null when the links loop or cannot be read.</summary>
    public static string? RealPath(string path) => RealPath(path, 0);

    // Resolved component by component (like realpath(3)) so a link in a parent folder counts too; the depth
    // bound ends a link loop such as 'a -> a' where the kernel would answer ELOOP.
    private static string? RealPath(string path, int depth)
    {
        if (depth > 40)
        {
            return null;
        }

        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? string.Empty;
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            string? target;
            try
            {
                target = new FileInfo(current).LinkTarget;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return null;
            }

            if (target is not null)
            {
                var resolved = RealPath(Path.Combine(Path.GetDirectoryName(current) ?? root, target), depth + 1);
                if (resolved is null)
                {
                    return null;
                }

                current = resolved;
            }
        }

        return current;
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or inside it (both real paths).</summary>
    public static bool IsInside(string path, string folder)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(folder);
        var prefix = folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar;
        return path == folder || path.StartsWith(prefix, StringComparison.Ordinal);
    }
}
