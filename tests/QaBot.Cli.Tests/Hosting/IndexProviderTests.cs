using System.Net;
using System.Net.Sockets;
using QaBot.Cli.Commands;
using QaBot.Testing;

namespace QaBot.Cli.Tests.Hosting;

[Collection(ConsoleTestGroup.Name)]
public sealed class IndexProviderTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Invoke_UnknownIndexProvider_ExitCode2AndMessageNamesTheKeyAndChoices()
    {
        using var console = new ConsoleCapture();

        var exitCode = await InvokeAsync("ask", "question", "--data", _directory.Combine("data"), "--config", "Index:Provider=elastic");

        Assert.Equal(ExitCodes.ConfigurationError, exitCode);
        Assert.Contains("Index:Provider: 'elastic' is not one of embedded, qdrant.", console.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_AskWithQdrantUnreachable_ExitCode1AfterBoundedRetriesWithMessageNamingTheUrlKey()
    {
        var port = ClosedLoopbackPort();
        using var console = new ConsoleCapture();

        var exitCode = await InvokeAsync(
            "ask", "question", "--corpus", TestCorpus.CopyTo(_directory), "--data", _directory.Combine("data"),
            "--config", "Index:Provider=qdrant", "--config", $"Qdrant:Url=http://127.0.0.1:{port}/",
            "--config", "Qdrant:MaxAttempts=2", "--config", "Qdrant:RetryBaseDelay=00:00:00");

        Assert.True(exitCode == ExitCodes.Error, $"exit {exitCode}\nerror: {console.Error}");
        Assert.Contains($"Error: Qdrant at http://127.0.0.1:{port}/ could not check readiness after 2 attempt(s)", console.Error, StringComparison.Ordinal);
        Assert.Contains("Qdrant:Url", console.Error, StringComparison.Ordinal);
        Assert.Empty(console.Out);
    }

    [Fact]
    public async Task Invoke_QdrantCollectionNameInvalid_ExitCode2NamingTheKey()
    {
        using var console = new ConsoleCapture();

        var exitCode = await InvokeAsync("ask", "question", "--config", "Index:Provider=qdrant", "--config", "Qdrant:Collection=no spaces/please");

        Assert.Equal(ExitCodes.ConfigurationError, exitCode);
        Assert.Contains("Qdrant:Collection", console.Error, StringComparison.Ordinal);
        Assert.Contains("QABOT__Qdrant__Collection", console.Error, StringComparison.Ordinal);
    }

    private static Task<int> InvokeAsync(params string[] args) => QaBotCommandLine.Build().Parse(args).InvokeAsync();

    private static int ClosedLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
