namespace QaBot.Ingestion.Sync;

/// <summary>
/// Lists the entries of one folder, not recursively. A seam so a test can make a folder unlistable
/// (tests run as root, whom chmod 000 does not stop).
/// </summary>
public interface IFolderLister
{
    /// <summary>The entries; throws <see cref="UnauthorizedAccessException"/> or <see cref="IOException"/> when the folder cannot be listed.</summary>
    IReadOnlyList<FileSystemInfo> List(DirectoryInfo folder);
}

/// <summary>The real file system. Errors are thrown, not skipped: an unlisted folder must not look empty.</summary>
public sealed class FileSystemFolderLister : IFolderLister
{
    private static readonly EnumerationOptions OneLevel = new() { RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = 0 };

    public IReadOnlyList<FileSystemInfo> List(DirectoryInfo folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return folder.EnumerateFileSystemInfos("*", OneLevel).ToList();
    }
}
