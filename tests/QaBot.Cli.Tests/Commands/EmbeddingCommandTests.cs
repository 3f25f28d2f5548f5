using QaBot.Cli.Commands;
using QaBot.Testing;

namespace QaBot.Cli.Tests.Commands;

/// <summary>Dense retrieval through the `qabot` commands, with the tiny test model and a loopback download host.</summary>
[Collection(ConsoleTestGroup.Name)]
public sealed class EmbeddingCommandTests : IDisposable
{
    private const string Question = "How many industrial enterprises are in the East Guangdong Binhai Bay New Area?";
    private static readonly string TinyModel = Path.Combine(AppContext.BaseDirectory, "TestModels", "tiny-bert");
    private readonly TemporaryDirectory _directory = new();
    private readonly string _corpus;

    public EmbeddingCommandTests()
    {
        _corpus = TestCorpus.CopyTo(_directory);
    }

    public void Dispose() => _directory.Dispose();

    private async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        using var console = new ConsoleCapture();
        var exitCode = await QaBotCommandLine.Build().Parse(["--corpus", _corpus, "--data", _directory.Combine("data"), .. args]).InvokeAsync();
        return (exitCode, console.Out, console.Error);
    }

    private static string[] Model(string pooling = "Mean") =>
        ["--config", "Embeddings:Provider=onnx", "--config", $"Embeddings:Path={TinyModel}", "--config", $"Embeddings:Pooling={pooling}"];

    [Fact]
    public async Task Ingest_TinyModel_StoresVectorsAndAskShowsBothLegsAndTheFusion()
    {
        var ingest = await RunAsync([.. Model(), "ingest"]);
        var ask = await RunAsync([.. Model(), "ask", "--debug", Question]);

        Assert.True(ingest.ExitCode == ExitCodes.Success, ingest.Error);
        Assert.Contains("embeddings: onnx:tiny-bert@", ingest.Out, StringComparison.Ordinal);
        Assert.True(ask.ExitCode == ExitCodes.Success, ask.Error);
        Assert.Contains("query original [en]", ask.Out, StringComparison.Ordinal);
        Assert.Contains("query dense [en]", ask.Out, StringComparison.Ordinal);
        Assert.Contains("cosine", ask.Out, StringComparison.Ordinal);
        Assert.Matches(@"<- .*original #\d+ .*dense #\d+", ask.Out);
    }

    [Fact]
    public async Task Ingest_ModelChanged_ReembedsEveryFileAndTheOldModelIsRefusedUntilThen()
    {
        await RunAsync([.. Model("Mean"), "ingest"]);

        var before = await RunAsync([.. Model("Cls"), "ask", Question]);
        var ingest = await RunAsync([.. Model("Cls"), "ingest"]);
        var after = await RunAsync([.. Model("Cls"), "ask", Question]);

        Assert.Equal(ExitCodes.Error, before.ExitCode);
        Assert.Contains(";mean;512 (4 dimensions)", before.Error, StringComparison.Ordinal);
        Assert.Contains(";cls;512 (4 dimensions)", before.Error, StringComparison.Ordinal);
        Assert.Contains("Ingest: 0 added, 5 updated", ingest.Out, StringComparison.Ordinal);
        Assert.Contains("replaced the vectors of onnx:tiny-bert@", ingest.Out, StringComparison.Ordinal);
        Assert.True(after.ExitCode == ExitCodes.Success, after.Error);
    }

    [Fact]
    public async Task ModelPull_NoNetwork_FailsClearlyAndAskStillAnswersLexically()
    {
        Uri closed;
        await using (var server = new LoopbackHttpServer(_ => new LoopbackResponse(404, [])))
        {
            closed = server.BaseUrl;
        }

        var pull = await RunAsync("--config", $"Embeddings:DownloadBaseUrl={closed}", "model", "pull", "multilingual-e5-small");
        var ask = await RunAsync("ask", Question);

        Assert.Equal(ExitCodes.Error, pull.ExitCode);
        Assert.Contains("Could not reach", pull.Error, StringComparison.Ordinal);
        Assert.Contains("lexical search only", pull.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_directory.Combine("data", "models", "multilingual-e5-small", "model.onnx")));
        Assert.True(ask.ExitCode == ExitCodes.Success, ask.Error);
        Assert.Contains("004_f9dad41751f58670.txt", ask.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_PoolingValueNotAMode_ConfigurationErrorNamingKeyAndValue()
    {
        var ask = await RunAsync("--config", "Embeddings:Provider=onnx", "--config", $"Embeddings:Path={TinyModel}", "--config", "Embeddings:Pooling=max", "ask", Question);

        Assert.Equal(ExitCodes.ConfigurationError, ask.ExitCode);
        Assert.Contains("Embeddings:Pooling: 'max' is not one of mean, cls.", ask.Error, StringComparison.Ordinal);
        Assert.Contains("QABOT__Embeddings__Pooling", ask.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", ask.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModelPull_UnknownName_FailsNamingTheKnownModels()
    {
        var pull = await RunAsync("model", "pull", "gpt-9");

        Assert.Equal(ExitCodes.Error, pull.ExitCode);
        Assert.Contains("'gpt-9' is not a known model; known: multilingual-e5-small", pull.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_CatalogModelNotPulled_FailsNamingThePullCommand()
    {
        var ask = await RunAsync("--config", "Embeddings:Provider=onnx", "--config", "Embeddings:Model=multilingual-e5-small", "ask", Question);

        Assert.Equal(ExitCodes.Error, ask.ExitCode);
        Assert.Contains("qabot model pull multilingual-e5-small", ask.Error, StringComparison.Ordinal);
    }
}
