using QaBot.Cli.Commands;
using QaBot.Testing;

namespace QaBot.Cli.Tests.Commands;

[Collection(ConsoleTestGroup.Name)]
public sealed class CommandLineErrorTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Invoke_InvalidConfigurationValue_ExitCode2AndMessageNamesTheKey()
    {
        // Arrange
        var corpus = TestCorpus.CopyTo(_directory);
        using var console = new ConsoleCapture();

        // Act
        var exitCode = await InvokeAsync("ingest", "--corpus", corpus, "--data", _directory.Combine("data"), "--config", "Retrieval:RrfK=0");

        // Assert
        Assert.Equal(ExitCodes.ConfigurationError, exitCode);
        Assert.Contains("Configuration error:", console.Error, StringComparison.Ordinal);
        Assert.Contains("Retrieval:RrfK", console.Error, StringComparison.Ordinal);
        Assert.Contains("QABOT__Retrieval__RrfK", console.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_directory.Combine("data", "index.db")), "nothing may be ingested with a bad configuration");
    }

    [Theory]
    [InlineData("--chunks", "--chunks", "0")]
    [InlineData("--queries", "--queries", "0")]
    [InlineData("--concurrency", "--load", "--concurrency", "0")]
    [InlineData("--workers", "--load", "--workers", "-1")]
    public async Task Invoke_BenchWithANumberBelowItsLeast_ExitCode1AndOneLineNamingTheOption(string option, params string[] args)
    {
        // Arrange
        using var console = new ConsoleCapture();

        // Act
        var exitCode = await InvokeAsync(["bench", "--work", _directory.Combine("bench"), .. args]);

        // Assert
        Assert.Equal(ExitCodes.Error, exitCode);
        Assert.Contains(option + ":", console.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", console.Error + console.Out, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_directory.Combine("bench")), "nothing may be generated for a rejected command line");
    }

    [Fact]
    public async Task Invoke_UnknownCommand_OneMessageNamingIt()
    {
        // Arrange
        using var console = new ConsoleCapture();

        // Act
        var exitCode = await InvokeAsync("frobnicate");

        // Assert
        Assert.Equal(ExitCodes.Error, exitCode);
        Assert.Contains("'frobnicate'", console.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Required command was not provided", console.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_NoCommand_ShowsTheCommandsAndExits1()
    {
        // Arrange
        using var console = new ConsoleCapture();

        // Act
        var exitCode = await InvokeAsync();

        // Assert
        Assert.Equal(ExitCodes.Error, exitCode);
        Assert.Contains("ingest", console.Out, StringComparison.Ordinal);
        Assert.Contains("ask", console.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_ConfigWithoutEquals_ExitCode1AndMessageShowsTheExpectedForm()
    {
        // Arrange
        using var console = new ConsoleCapture();

        // Act
        var exitCode = await InvokeAsync("ingest", "--data", _directory.Combine("data"), "--config", "Retrieval:RrfK");

        // Assert
        Assert.Equal(ExitCodes.Error, exitCode);
        Assert.Contains("--config expects KEY=VALUE, got 'Retrieval:RrfK'.", console.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_IngestWithMissingCorpusFolder_ExitCode1AndMessageNamesTheFolder()
    {
        // Arrange
        var missing = _directory.Combine("no-articles-here");
        using var console = new ConsoleCapture();

        // Act
        var exitCode = await InvokeAsync("ingest", "--corpus", missing, "--data", _directory.Combine("data"));

        // Assert
        Assert.True(exitCode == ExitCodes.Error, $"exit {exitCode}\nout: {console.Out}\nerror: {console.Error}");
        Assert.Contains($"Error: The corpus folder '{missing}' does not exist.", console.Error, StringComparison.Ordinal);
        Assert.Contains("Corpus:Path", console.Error, StringComparison.Ordinal);
        Assert.Empty(console.Out);
    }

    [Fact]
    public async Task Invoke_EvalWithMissingSet_ExitCode1AndMessageNamesTheFile()
    {
        // Arrange
        var missing = _directory.Combine("missing.jsonl");
        using var console = new ConsoleCapture();

        // Act
        var exitCode = await InvokeAsync("eval", "--set", missing, "--corpus", _directory.Combine("corpus"), "--data", _directory.Combine("data"));

        // Assert
        Assert.Equal(ExitCodes.Error, exitCode);
        Assert.Contains(missing, console.Error, StringComparison.Ordinal);
    }

    private static Task<int> InvokeAsync(params string[] args) => QaBotCommandLine.Build().Parse(args).InvokeAsync();
}
