#pragma warning disable CA1001 // Disposed in IAsyncLifetime.DisposeAsync, which xunit calls after each test.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QaBot.Cli.Commands;
using QaBot.Cli.Hosting;
using QaBot.Core;
using QaBot.Ingestion.Sync;
using QaBot.Index.Qdrant.Index;
using QaBot.Index.Qdrant.Tests.Fakes;
using QaBot.Index.Qdrant.Transport;
using QaBot.Testing;

namespace QaBot.Index.Qdrant.Tests.Index;

/// <summary>The real host with <c>Index:Provider=qdrant</c> against the fake gRPC Qdrant: ingest of the corpus, answers, a lost server mid-ingest.</summary>
public sealed class QdrantEndToEndTests : IAsyncLifetime
{
    /// <summary>The calls that change the collection; a rerun over unchanged files makes none of them.</summary>
    private static readonly string[] Writes = ["Points/Upsert", "Points/Delete", "Points/UpdateVectors", "Points/DeleteVectors", "Collections/Create", "Points/CreateFieldIndex"];

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
            ["Qdrant:Url"] = _server.Url.ToString(),
            ["Qdrant:ApiKey"] = "e2e-key",
            ["Qdrant:Collection"] = "e2e",
            ["Qdrant:MaxAttempts"] = "2",
            ["Qdrant:RetryBaseDelay"] = "00:00:00",
            ["Corpus:Path"] = _corpus,
            ["Data:Path"] = _directory.Combine("data"),
        });

    // Every run rewrites its ingest progress point (start, heartbeats, end); that is bookkeeping, not index data.
    private int WriteCount() => _server.Calls.Count(c => Writes.Any(w => c.Method.EndsWith(w, StringComparison.Ordinal)) && !IsProgressRecord(c.Request));

    private static bool IsProgressRecord(Google.Protobuf.IMessage request) =>
        request is global::Qdrant.Client.Grpc.UpsertPoints upsert && upsert.Points.All(p => p.Payload.TryGetValue("kind", out var kind) && kind.StringValue == "ingest_progress");

    [Fact]
    public async Task Ingest_CorpusIntoQdrant_AnswersWithCitationAndARerunWritesNothing()
    {
        using var host = BuildHost();
        await host.StartAsync();
        var synchronizer = host.Services.GetRequiredService<CorpusSynchronizer>();

        var first = await synchronizer.SynchronizeAsync(_corpus, null, CancellationToken.None);
        var answer = await host.Services.GetRequiredService<IAnswerService>().AnswerAsync(new Question("How many industrial enterprises are in the East Guangdong Binhai Bay New Area?"), CancellationToken.None);
        var writesBefore = WriteCount();
        var second = await synchronizer.SynchronizeAsync(_corpus, null, CancellationToken.None);
        var writesByRerun = WriteCount() - writesBefore;
        await host.StopAsync();

        Assert.IsType<QdrantChunkIndex>(host.Services.GetRequiredService<IChunkIndex>());
        Assert.Equal(5, first.Count(FileOutcome.Added));
        Assert.False(answer.Refused, answer.Text);
        Assert.Contains("004_f9dad41751f58670.txt", answer.CitedSources);
        Assert.Equal(5, second.Count(FileOutcome.Unchanged));
        Assert.Equal(0, writesByRerun);
        Assert.All(_server.Calls.Where(c => !c.Method.EndsWith("HealthCheck", StringComparison.Ordinal)), c => Assert.Equal("e2e-key", c.ApiKey));
        Assert.Empty(_server.Rejections);
    }

    [Fact]
    public async Task Ingest_QdrantUnavailableMidRun_StopsWithAClearErrorAndTheNextRunCompletes()
    {
        using (var host = BuildHost())
        {
            await host.StartAsync();
            var synchronizer = host.Services.GetRequiredService<CorpusSynchronizer>();
            await host.Services.GetRequiredService<IChunkIndex>().ReadManifestAsync(CancellationToken.None);
            _server.GoAwayAfter(10); // Each file takes about 4 calls: the server goes away during the third file.

            var error = await Assert.ThrowsAsync<QdrantUnavailableException>(() => synchronizer.SynchronizeAsync(_corpus, null, CancellationToken.None));

            Assert.Contains("after 2 attempt(s)", error.Message, StringComparison.Ordinal);
            Assert.Contains("Qdrant:Url", error.Message, StringComparison.Ordinal);
        }

        _server.Recover();
        using var rerun = BuildHost();
        await rerun.StartAsync();
        var index = rerun.Services.GetRequiredService<IChunkIndex>();
        var before = await index.ReadManifestAsync(CancellationToken.None);
        var report = await rerun.Services.GetRequiredService<CorpusSynchronizer>().SynchronizeAsync(_corpus, null, CancellationToken.None);

        Assert.InRange(before.Count, 1, 4);
        Assert.Equal(5 - before.Count, report.Count(FileOutcome.Added));
        Assert.Equal(before.Count, report.Count(FileOutcome.Unchanged));
        var manifest = await index.ReadManifestAsync(CancellationToken.None);
        var chunkPoints = await rerun.Services.GetRequiredService<QdrantGateway>().CountAsync("e2e", PointMessages.All(PointMessages.Equal("kind", "chunk")), CancellationToken.None);
        Assert.Equal(5, manifest.Count);
        Assert.Equal(manifest.Values.Sum(e => e.ChunkCount), chunkPoints); // No chunk of the cut-off run is left over.
        Assert.Empty(_server.Rejections);
    }

    [Fact]
    public async Task Ingest_ServerStoppedMidRun_RefusedConnectionsGiveAClearErrorAndTheNextRunCompletes()
    {
        using (var host = BuildHost())
        {
            await host.StartAsync();
            var index = host.Services.GetRequiredService<IChunkIndex>();
            var synchronizer = host.Services.GetRequiredService<CorpusSynchronizer>();
            await synchronizer.SynchronizeAsync(_corpus, null, CancellationToken.None);
            await index.RemoveDocumentAsync("004_f9dad41751f58670.txt", CancellationToken.None);
            await _server.StopListeningAsync();

            var error = await Assert.ThrowsAsync<QdrantUnavailableException>(() => synchronizer.SynchronizeAsync(_corpus, null, CancellationToken.None));

            Assert.Equal(Grpc.Core.StatusCode.Unavailable, error.StatusCode);
            Assert.Contains("Qdrant:Url", error.Message, StringComparison.Ordinal);
        }

        await _server.StartListeningAsync();
        using var rerun = BuildHost();
        await rerun.StartAsync();
        var report = await rerun.Services.GetRequiredService<CorpusSynchronizer>().SynchronizeAsync(_corpus, null, CancellationToken.None);

        Assert.Equal(1, report.Count(FileOutcome.Added));
        Assert.Equal(4, report.Count(FileOutcome.Unchanged));
        Assert.Empty(_server.Rejections);
    }
}
