using QaBot.Cli.Commands;
using QaBot.Testing;

namespace QaBot.Cli.Tests.Commands;

[Collection(ConsoleTestGroup.Name)]
public sealed class StatusCommandTests(IngestedCorpusFixture fixture) : IClassFixture<IngestedCorpusFixture>, IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Status_IngestedIndex_ShowsReadyCountsModelsAndLastIngest()
    {
        // Arrange
        using var console = new ConsoleCapture();

        // Act
        var exitCode = await QaBotCommandLine.Build().Parse(["status", "--corpus", fixture.CorpusPath, "--data", fixture.DataPath]).InvokeAsync();

        // Assert
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("Index:            ready", console.Out, StringComparison.Ordinal);
        Assert.Contains("Documents:        5", console.Out, StringComparison.Ordinal);
        Assert.Matches(@"Chunks:\s+\d", console.Out);
        Assert.Matches(@"Last ingest:\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ", console.Out);
        Assert.Contains("Embedding model:  none (lexical only)", console.Out, StringComparison.Ordinal);
        Assert.Contains("Chat model:       none (extractive answers)", console.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_EmptyDataFolder_ShowsEmptyAndNeverIngests()
    {
        // Arrange
        using var console = new ConsoleCapture();

        // Act
        var exitCode = await QaBotCommandLine.Build().Parse(["status", "--corpus", fixture.CorpusPath, "--data", _directory.Combine("data")]).InvokeAsync();

        // Assert
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("Index:            empty", console.Out, StringComparison.Ordinal);
        Assert.Contains("Last ingest:      never", console.Out, StringComparison.Ordinal);
        Assert.Contains("Documents:        0", console.Out, StringComparison.Ordinal);
    }
}
