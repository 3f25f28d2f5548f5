using System.Text.Json;
using QaBot.Cli.Commands;
using QaBot.Testing;

namespace QaBot.Cli.Tests.Commands;

[Collection(ConsoleTestGroup.Name)]
public sealed class BenchCollectionTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Invoke_BenchCollection_MeasuresACopyAndLeavesTheCollectionUnchanged()
    {
        var corpus = TestCorpus.CopyTo(_directory);
        var before = Directory.EnumerateFiles(corpus).ToDictionary(f => f, File.ReadAllText);
        var json = _directory.Combine("bench.json");
        using var console = new ConsoleCapture();

        var exitCode = await QaBotCommandLine.Build()
            .Parse(["bench", "--collection", corpus, "--queries", "5", "--work", _directory.Combine("work"), "--json", json])
            .InvokeAsync();

        Assert.Equal(ExitCodes.Success, exitCode);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var root = report.RootElement;
        Assert.Equal("collection", root.GetProperty("mode").GetString());
        Assert.Equal(before.Count, root.GetProperty("files").GetInt32());
        Assert.Equal(0, root.GetProperty("failed_files").GetInt32());
        Assert.True(root.GetProperty("chunks").GetInt32() > 0);
        Assert.True(root.GetProperty("ingest_mb_per_s").GetDouble() > 0);
        Assert.True(root.GetProperty("one_file_change_seconds").GetDouble() >= 0);
        Assert.Contains("ingest MB/s incl. table", console.Out, StringComparison.Ordinal);
        Assert.All(before, file => Assert.Equal(file.Value, File.ReadAllText(file.Key)));
    }

    [Fact]
    public async Task Invoke_BenchCollectionMissingFolder_FailsNamingTheFolder()
    {
        var missing = _directory.Combine("no-such-collection");
        using var console = new ConsoleCapture();

        var exitCode = await QaBotCommandLine.Build().Parse(["bench", "--collection", missing]).InvokeAsync();

        Assert.NotEqual(ExitCodes.Success, exitCode);
        Assert.Contains(missing, console.Error, StringComparison.Ordinal);
        Assert.Contains("does not exist", console.Error, StringComparison.Ordinal);
    }
}
