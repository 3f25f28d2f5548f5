using System.Security.Cryptography;
using System.Text;
using QaBot.Embeddings.Models;
using QaBot.Testing;

namespace QaBot.Embeddings.Tests.Models;

public sealed class ModelDownloaderTests : IDisposable
{
    private static readonly byte[] ModelBytes = Encoding.UTF8.GetBytes("pretend onnx weights");
    private static readonly byte[] TokenizerBytes = Encoding.UTF8.GetBytes("pretend tokenizer");
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static KnownModel Model(string? tokenizerSha = null) => new(
        "test-model",
        new Uri("https://example.invalid/"),
        [
            new ModelFile("onnx/model.onnx", "model.onnx", ModelBytes.Length, Sha(ModelBytes)),
            new ModelFile("onnx/tok.model", "sentencepiece.bpe.model", TokenizerBytes.Length, tokenizerSha ?? Sha(TokenizerBytes)),
        ],
        PoolingMode.Mean, 512, "query: ", "passage: ", "test");

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static LoopbackResponse Serve(LoopbackRequest request) => request.PathAndQuery switch
    {
        "/mirror/onnx/model.onnx" => new LoopbackResponse(200, ModelBytes, "application/octet-stream"),
        "/mirror/onnx/tok.model" => new LoopbackResponse(200, TokenizerBytes, "application/octet-stream"),
        _ => new LoopbackResponse(404, []),
    };

    private sealed class RecordingProgress : IDownloadProgress
    {
        public List<string> Events { get; } = [];

        public long LastBytes { get; private set; }

        public void FileStarted(string name, long? totalBytes) => Events.Add($"start {name} {totalBytes}");

        public void BytesReceived(long receivedBytes) => LastBytes = receivedBytes;

        public void FileDone(string name, bool skipped) => Events.Add($"done {name} {(skipped ? "skipped" : "fetched")}");
    }

    [Fact]
    public async Task PullAsync_MatchingDigests_WritesEveryFileAndReportsProgress()
    {
        await using var server = new LoopbackHttpServer(Serve);
        using var http = new HttpClient();
        var progress = new RecordingProgress();

        await new ModelDownloader(http).PullAsync(Model(), _directory.Path, new Uri(server.BaseUrl, "mirror"), progress, CancellationToken.None);

        Assert.Equal(ModelBytes, File.ReadAllBytes(_directory.Combine("model.onnx")));
        Assert.Equal(TokenizerBytes, File.ReadAllBytes(_directory.Combine("sentencepiece.bpe.model")));
        Assert.Contains($"start model.onnx {ModelBytes.Length}", progress.Events);
        Assert.Contains("done sentencepiece.bpe.model fetched", progress.Events);
    }

    [Fact]
    public async Task PullAsync_SecondRun_SkipsFilesWithTheRightDigest()
    {
        await using var server = new LoopbackHttpServer(Serve);
        using var http = new HttpClient();
        var downloader = new ModelDownloader(http);
        await downloader.PullAsync(Model(), _directory.Path, new Uri(server.BaseUrl, "mirror/"), null, CancellationToken.None);
        var progress = new RecordingProgress();

        await downloader.PullAsync(Model(), _directory.Path, new Uri(server.BaseUrl, "mirror/"), progress, CancellationToken.None);

        Assert.Equal(["done model.onnx skipped", "done sentencepiece.bpe.model skipped"], progress.Events);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task PullAsync_WrongDigest_ThrowsAndKeepsNoFile()
    {
        await using var server = new LoopbackHttpServer(Serve);
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<ModelDownloadException>(() => new ModelDownloader(http).PullAsync(Model(tokenizerSha: new string('0', 64)), _directory.Path, new Uri(server.BaseUrl, "mirror/"), null, CancellationToken.None));

        Assert.Contains("SHA-256", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_directory.Combine("sentencepiece.bpe.model")));
        Assert.False(File.Exists(_directory.Combine("sentencepiece.bpe.model.part")));
    }

    [Fact]
    public async Task PullAsync_NotFound_ThrowsWithTheStatus()
    {
        await using var server = new LoopbackHttpServer(Serve);
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<ModelDownloadException>(() => new ModelDownloader(http).PullAsync(Model(), _directory.Path, new Uri(server.BaseUrl, "elsewhere/"), null, CancellationToken.None));

        Assert.Contains("404", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PullAsync_NoServer_ThrowsSayingLexicalSearchKeepsWorking()
    {
        Uri closed;
        await using (var server = new LoopbackHttpServer(Serve))
        {
            closed = server.BaseUrl;
        }

        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<ModelDownloadException>(() => new ModelDownloader(http).PullAsync(Model(), _directory.Path, closed, null, CancellationToken.None));

        Assert.Contains("Could not reach", error.Message, StringComparison.Ordinal);
        Assert.Contains("lexical search only", error.Message, StringComparison.Ordinal);
    }
}
