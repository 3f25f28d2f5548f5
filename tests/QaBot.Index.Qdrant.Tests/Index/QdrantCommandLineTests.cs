using QaBot.Cli.Commands;
using QaBot.Index.Qdrant.Tests.Fakes;
using QaBot.Testing;

namespace QaBot.Index.Qdrant.Tests.Index;

/// <summary>Tests that swap Console.Error run alone: the console is process-wide.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class QdrantConsoleTestGroup
{
    public const string Name = "Qdrant console";
}

/// <summary>The <c>qabot</c> command against the fake gRPC Qdrant: what a user sees when the configuration is wrong.</summary>
[Collection(QdrantConsoleTestGroup.Name)]
public sealed class QdrantCommandLineTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Invoke_IngestWithWrongApiKey_OneLineNamingTheKeyAndExitCode1()
    {
        await using var server = await FakeQdrantServer.StartAsync(apiKey: "right-key");
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        int exitCode;
        try
        {
            exitCode = await QaBotCommandLine.Build().Parse(
            [
                "ingest", "--corpus", TestCorpus.CopyTo(_directory), "--data", _directory.Combine("data"),
                "--config", "Index:Provider=qdrant", "--config", $"Qdrant:Url={server.Url}", "--config", "Qdrant:ApiKey=wrong-key",
            ]).InvokeAsync();
        }
        finally
        {
            Console.SetError(original);
        }

        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = Assert.Single(lines);
        Assert.Equal(ExitCodes.Error, exitCode);
        Assert.StartsWith("Error: Qdrant at", line, StringComparison.Ordinal);
        Assert.Contains("refused the API key", line, StringComparison.Ordinal);
        Assert.Contains("Qdrant:ApiKey", line, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-key", line, StringComparison.Ordinal);
        Assert.Empty(server.Engine.Collections);
    }
}
