#pragma warning disable CA1001 // Disposed in IAsyncLifetime.DisposeAsync, which xunit calls after each test.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QaBot.Cli.Commands;
using QaBot.Cli.Hosting;
using QaBot.Core;
using QaBot.Ingestion.Sync;
using QaBot.Qdrant.Index;
using QaBot.Qdrant.Rest;
using QaBot.Qdrant.Tests.Fakes;
using QaBot.Testing;

namespace QaBot.Qdrant.Tests.Index;

/// <summary>The real host with <c>Index:Provider=qdrant</c> against the fake Qdrant: ingest of the real corpus, answers, a lost server mid-ingest.</summary>
public sealed class QdrantEndToEndTests : IAsyncLifetime
{
    private readonly TemporaryDirectory _directory = new();
    private FakeQdrantServer _server = null!;
    private string _corpus = "";

    public async Task InitializeAsync()
    {
        _server = await FakeQdrantServer.StartAsync(apiKey: "e2e-key");
        _corpus = TestCorpus.CopyTo(_directory);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _directory.Dispose();
    }

    private IHost BuildHost() => QaBotHost.Build(
        QaBotCommandLine.Build().Parse(["ingest"]),
        settings: new Dictionary<string, string?>
        {
            ["Index:Provider"] = "qdrant",
            ["Qdrant:Url"] = _server.BaseUrl.ToString(),
            ["Qdrant:ApiKey"] = "e2e-key",
            ["Qdrant:Collection"] = "e2e",
            ["Qdrant:MaxAttempts"] = "2",
            ["Qdrant:RetryBaseDelay"] = "00:00:00",
            ["Corpus:Path"] = _corpus,
            ["Data:Path"] = _directory.Combine("data"),
        });

    [Fact]
    public async Task Ingest_RealCorpusIntoQdrant_AnswersFromItAndARerunChangesNothing()
    {
        using var host = BuildHost();
        await host.StartAsync();
        var synchronizer = host.Services.GetRequiredService<CorpusSynchronizer>();

        var first = await synchronizer.SynchronizeAsync(_corpus, null, CancellationToken.None);
        var answer = await host.Services.GetRequiredService<IAnswerService>().AnswerAsync(new Question("How many industrial enterprises are in the East Guangdong Binhai Bay New Area?"), CancellationToken.None);
        var second = await synchronizer.SynchronizeAsync(_corpus, null, CancellationToken.None);
        await host.StopAsync();

        Assert.IsType<QdrantChunkIndex>(host.Services.GetRequiredService<IChunkIndex>());
        Assert.Equal(5, first.Count(FileOutcome.Added));
        Assert.False(answer.Refused, answer.Text);
        Assert.Contains("004_f9dad41751f58670.txt", answer.CitedSources);
        Assert.Equal(5, second.Count(FileOutcome.Unchanged));
        Assert.Empty(_server.SpecViolations);
    }

    [Fact]
    public async Task Ingest_QdrantLostMidRun_StopsWithAClearErrorAndTheNextRunCompletes()
    {
        using (var host = BuildHost())
        {
            await host.StartAsync();
            _server.GoAwayAfter(24); // Set-up takes about 12 calls, each file 4: the server dies during the third file.

            var error = await Assert.ThrowsAsync<QdrantUnavailableException>(() => host.Services.GetRequiredService<CorpusSynchronizer>().SynchronizeAsync(_corpus, null, CancellationToken.None));

            Assert.Contains("after 2 attempt(s)", error.Message, StringComparison.Ordinal);
        }

        _server.Recover();
        using var rerun = BuildHost();
        await rerun.StartAsync();
        var before = await rerun.Services.GetRequiredService<IChunkIndex>().ReadManifestAsync(CancellationToken.None);
        var report = await rerun.Services.GetRequiredService<CorpusSynchronizer>().SynchronizeAsync(_corpus, null, CancellationToken.None);

        Assert.InRange(before.Count, 1, 4);
        Assert.Equal(5 - before.Count, report.Count(FileOutcome.Added));
        Assert.Equal(before.Count, report.Count(FileOutcome.Unchanged));
        Assert.Equal(5, (await rerun.Services.GetRequiredService<IChunkIndex>().ReadManifestAsync(CancellationToken.None)).Count);
    }
}
