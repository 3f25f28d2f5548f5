using System.Security.Cryptography;

namespace QaBot.Ingestion.Sync;

/// <summary>A file's bytes and their SHA-256.</summary>
public sealed record FileContent(byte[] Bytes, string ContentHash);

/// <summary>The content, or null and a reason a person can act on; <paramref name="Vanished"/> when the file was deleted since the scan.</summary>
public sealed record FileRead(FileContent? Content, string? Failure, bool Vanished = false);

/// <summary>
/// Reads a corpus file within the size limit; says why when it cannot. Only a regular file is opened, and
/// at most Ingest:MaxFileBytes + 1 bytes are read whatever size it reports, so a file that grows while read
/// cannot exhaust memory.
/// </summary>
public sealed class FileReader(IngestOptions options)
{
    private const int CopyBufferBytes = 81_920;

    public async Task<FileRead> ReadAsync(CorpusFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Length > options.MaxFileBytes)
        {
            return Fail(OverLimit(file.Length));
        }

        // Checked again at read time: the path may have been replaced by a FIFO or device since the scan.
        switch (FileKinds.Of(file.FullPath))
        {
            case FileKind.Missing:
                return new FileRead(null, "vanished between scan and read", Vanished: true);
            case FileKind.Regular:
                break;
            default:
                return Fail("not a regular file (a FIFO, device or socket); not read");
        }

        try
        {
            using var handle = File.OpenHandle(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read);
            var length = RandomAccess.GetLength(handle);
            if (length > options.MaxFileBytes)
            {
                return Fail(OverLimit(length));
            }

            var bytes = await ReadBoundedAsync(handle, length, cancellationToken);
            if (bytes is null)
            {
                return Fail($"file grew over the limit of {options.MaxFileBytes:N0} bytes (Ingest:MaxFileBytes) while it was read");
            }

            return new FileRead(new FileContent(bytes, Convert.ToHexStringLower(SHA256.HashData(bytes))), null);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return new FileRead(null, "vanished between scan and read", Vanished: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Fail($"unreadable: {exception.Message}");
        }
    }

    private static FileRead Fail(string reason) => new(null, reason);

    private string OverLimit(long length) => $"file is {length:N0} bytes, over the limit of {options.MaxFileBytes:N0} (Ingest:MaxFileBytes)";

    /// <summary>The bytes, or null when there are more than the limit (read stops at limit + 1).</summary>
    private async Task<byte[]?> ReadBoundedAsync(Microsoft.Win32.SafeHandles.SafeFileHandle handle, long reportedLength, CancellationToken cancellationToken)
    {
        var limit = options.MaxFileBytes + 1;
        using var memory = new MemoryStream((int)Math.Min(Math.Min(reportedLength + 1, limit), Array.MaxLength));
        var buffer = new byte[CopyBufferBytes];
        long offset = 0;
        while (offset < limit)
        {
            var read = await RandomAccess.ReadAsync(handle, buffer.AsMemory(0, (int)Math.Min(buffer.Length, limit - offset)), offset, cancellationToken);
            if (read == 0)
            {
                break;
            }

            memory.Write(buffer, 0, read);
            offset += read;
        }

        return offset > options.MaxFileBytes ? null : memory.ToArray();
    }
}
