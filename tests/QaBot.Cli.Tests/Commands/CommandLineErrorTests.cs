using QaBot.Cli.Commands;
using QaBot.Testing;

namespace QaBot.Cli.Tests.Commands;

[Collection(ConsoleTestGroup.Name)]
public sealed class CommandLineErrorTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Invoke_InvalidConfigurationValue_ExitCode2AndOneLineNamingTheKeyAndItsEnvironmentForm()
    {
        // Arrange
        var corpus = TestCorpus.CopyTo(_directory);
        using var console = new ConsoleCapture();

        // Act
        var exitCode = await InvokeAsync("ingest", "--corpus", corpus, "--data", _directory.Combine("data"), "--config", "Retrieval:RrfK=0");

        // Assert
        Assert.Equal(ExitCodes.ConfigurationError, exitCode);
        var line = AssertOneLine(console);
        Assert.Equal("Configuration error: The field Retrieval:RrfK must be between 1 and 1000. Set it in appsettings.json, as QABOT__Retrieval__RrfK, or with --config Retrieval:RrfK=VALUE.", line);
        Assert.DoesNotContain("Discord", console.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_directory.Combine("data", "index.db")), "nothing may be ingested with a bad configuration");
    }

    [Fact]
    public async Task Invoke_EmptyDataPath_OneLineNamingDataPathOnce()
    {
        // Arrange: the index, the embeddings and the bot all use Data; its failure must still be reported once.
        using var console = new ConsoleCapture();

        // Act
        var exitCode = await InvokeAsync("ask", "--config", "Data:Path=", "x");

        // Assert
        Assert.Equal(ExitCodes.ConfigurationError, exitCode);
        Assert.Equal("Configuration error: The Data:Path field is required. Set it in appsettings.json, as QABOT__Data__Path, or with --config Data:Path=VALUE.", AssertOneLine(console));
    }

    [Theory]
    [InlineData("Index:Provider", "elastic", "embedded, qdrant")]
    [InlineData("Chat:Provider", "anthropic", "none, openai, azure-openai")]
    [InlineData("Embeddings:Provider", "bert", "none, onnx, ollama, openai, azure-openai")]
    [InlineData("Embeddings:Pooling", "max", "mean, cls")]
    public async Task Invoke_UnknownEnumValue_OneLineNamingKeyValueAllowedValuesAndEnvironmentForm(string key, string value, string allowed)
    {
        // Arrange
        using var console = new ConsoleCapture();

        // Act
        var exitCode = await InvokeAsync("ask", "--data", _directory.Combine("data"), "--config", $"{key}={value}", "question");

        // Assert
        Assert.Equal(ExitCodes.ConfigurationError, exitCode);
        var environment = "QABOT__" + key.Replace(":", "__", StringComparison.Ordinal);
        Assert.Equal($"Configuration error: {key}: '{value}' is not one of {allowed}. Set it in appsettings.json, as {environment}, or with --config {key}=VALUE.", AssertOneLine(console));
    }

    [Fact]
    public async Task Invoke_SeveralConfigurationErrors_EachLineNamesItsOwnKey()
    {
        // Arrange
        using var console = new ConsoleCapture();

        // Act
        var exitCode = await InvokeAsync("ask", "--data", _directory.Combine("data"), "--config", "Chat:Provider=azure-openai", "--config", "Chat:Endpoint=https://x.openai.azure.com/", "question");

        // Assert
        Assert.Equal(ExitCodes.ConfigurationError, exitCode);
        var lines = console.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Configuration error: Chat:Deployment: required", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("as QABOT__Chat__Deployment, or with --config Chat:Deployment=VALUE.", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("Configuration error: Chat:ApiKey: required", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("as QABOT__Chat__ApiKey, or with --config Chat:ApiKey=VALUE.", lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--chunks", "--chunks", "0")]
    [InlineData("--queries", "--queries", "0")]
    [InlineData("--concurrency", "--load", "--concurrency", "0")]
    [InlineData("--workers", "--load", "--workers", "-1")]
    public async Task Invoke_BenchWithANumberBelowItsLeast_ExitCode2AndOneLineNamingTheOption(string option, params string[] args)
    {
        // Arrange
        using var console = new ConsoleCapture();

        // Act
        var exitCode = await InvokeAsync(["bench", "--work", _directory.Combine("bench"), .. args]);

        // Assert
        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.StartsWith($"Error: {option}: ", AssertOneLine(console), StringComparison.Ordinal);
        Assert.Empty(console.Out);
        Assert.False(Directory.Exists(_directory.Combine("bench")), "nothing may be generated for a rejected command line");
    }

    [Fact]
    public async Task Invoke_UnknownCommand_OneLineNamingIt()
    {
        // Arrange
        using var console = new ConsoleCapture();

        // Act
        var exitCode = await InvokeAsync("frobnicate");

        // Assert
        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Equal("Error: Unrecognized command or argument 'frobnicate'.", AssertOneLine(console));
        Assert.Empty(console.Out);
    }

    [Fact]
    public async Task Invoke_AskWithDataAtAFile_ExitCode4AndOneLineNamingTheIndex()
    {
        // Arrange: /dev/null is a file, so the data folder can be neither created nor written.
        using var console = new ConsoleCapture();

        // Act
        var exitCode = await InvokeAsync("ask", "--corpus", _directory.Combine("corpus"), "--data", "/dev/null", "hello");

        // Assert
        Assert.Equal(ExitCodes.IndexUnusable, exitCode);
        var line = AssertOneLine(console);
        Assert.StartsWith("Error: ", line, StringComparison.Ordinal);
        Assert.Contains("/dev/null", line, StringComparison.Ordinal);
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
    public async Task Invoke_ConfigWithoutEquals_ExitCode2AndOneLineShowingTheExpectedForm()
    {
        // Arrange
        using var console = new ConsoleCapture();

        // Act
        var exitCode = await InvokeAsync("ingest", "--data", _directory.Combine("data"), "--config", "Retrieval:RrfK");

        // Assert
        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Equal("Error: --config expects KEY=VALUE, got 'Retrieval:RrfK'.", AssertOneLine(console));
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

    /// <summary>The one line on standard error; no stack trace on either stream.</summary>
    private static string AssertOneLine(ConsoleCapture console)
    {
        Assert.DoesNotContain("   at ", console.Error + console.Out, StringComparison.Ordinal);
        return Assert.Single(console.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static Task<int> InvokeAsync(params string[] args) => QaBotCommandLine.InvokeAsync(args);
}
