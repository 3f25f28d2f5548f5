using System.Security.Cryptography;

namespace QaBot.Ingestion.Sync;

/// <summary>A file's bytes and their SHA-256.</summary>
public sealed record FileContent(byte[] Bytes, string ContentHash);

/// <summary>Reads a corpus file within the size limit; says why when it cannot.</summary>
public sealed class FileReader(IngestOptions options)
{
    /// <summary>The content, or null and a reason a person can act on.</summary>
    public async Task<(FileContent? Content, string? Failure)> ReadAsync(CorpusFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Length > options.MaxFileBytes)
        {
            return (null, $"file is {file.Length:N0} bytes, over the limit of {options.MaxFileBytes:N0} (Ingest:MaxFileBytes)");
        }

        try
        {
            var bytes = await File.ReadAllBytesAsync(file.FullPath, cancellationToken);
            if (bytes.Length > options.MaxFileBytes)
            {
                return (null, $"file is {bytes.Length:N0} bytes, over the limit of {options.MaxFileBytes:N0} (Ingest:MaxFileBytes)");
            }

            return (new FileContent(bytes, Convert.ToHexStringLower(SHA256.HashData(bytes))), null);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return (null, $"unreadable: {exception.Message}");
        }
    }
}
