using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using QaBot.Core.Configuration;

namespace QaBot.Embeddings.Models;

/// <summary>Told how a download goes, so the CLI can draw a progress bar.</summary>
public interface IDownloadProgress
{
    void FileStarted(string name, long? totalBytes);

    void BytesReceived(long receivedBytes);

    void FileDone(string name, bool skipped);
}

/// <summary>The model could not be downloaded or failed its checksum; the message says why and what to do.</summary>
public sealed class ModelDownloadException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Fetches a catalog model's files into its folder. Each file is written to a temporary name, checked
/// against its published SHA-256 and only then renamed, so a folder never holds a half or corrupt file.
/// Files already present with the right digest are not fetched again.
/// </summary>
public sealed class ModelDownloader(HttpClient http)
{
    public async Task PullAsync(KnownModel model, string folder, Uri? baseAddressOverride, IDownloadProgress? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        Directory.CreateDirectory(folder);
        var baseAddress = (baseAddressOverride ?? model.BaseAddress).WithTrailingSlash();

        foreach (var file in model.Files)
        {
            var target = Path.Combine(folder, file.LocalName);
            if (File.Exists(target) && string.Equals(await Sha256Async(target, cancellationToken), file.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                progress?.FileDone(file.LocalName, skipped: true);
                continue;
            }

            await DownloadAsync(new Uri(baseAddress, file.RemotePath), file, target, progress, cancellationToken);
            progress?.FileDone(file.LocalName, skipped: false);
        }
    }

    private async Task DownloadAsync(Uri address, ModelFile file, string target, IDownloadProgress? progress, CancellationToken cancellationToken)
    {
        var partial = target + ".part";
        try
        {
            using var response = await SendAsync(address, cancellationToken);
            progress?.FileStarted(file.LocalName, response.Content.Headers.ContentLength ?? file.SizeBytes);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var source = await response.Content.ReadAsStreamAsync(cancellationToken))
            await using (var destination = File.Create(partial))
            {
                var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
                try
                {
                    long received = 0;
                    int read;
                    while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
                    {
                        hash.AppendData(buffer, 0, read);
                        await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                        received += read;
                        progress?.BytesReceived(received);
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }

            var digest = Convert.ToHexStringLower(hash.GetHashAndReset());
            if (!string.Equals(digest, file.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new ModelDownloadException($"{address} has SHA-256 {digest}, expected {file.Sha256}. The file was not kept; try again, or check Embeddings:DownloadBaseUrl if you use a mirror.");
            }

            File.Move(partial, target, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(Uri address, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(address, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new ModelDownloadException($"Could not reach {address.GetLeftPart(UriPartial.Authority)} ({exception.Message}). Without the model, QaBot keeps answering with lexical search only (Embeddings:Provider=none).", exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ModelDownloadException($"{address.GetLeftPart(UriPartial.Authority)} did not answer in time. Without the model, QaBot keeps answering with lexical search only (Embeddings:Provider=none).", exception);
        }

        if (!response.IsSuccessStatusCode)
        {
            var status = string.Create(CultureInfo.InvariantCulture, $"{(int)response.StatusCode} {response.ReasonPhrase}");
            response.Dispose();
            throw new ModelDownloadException($"{address} answered {status}.");
        }

        return response;
    }

    private static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}
