using Microsoft.Extensions.Time.Testing;
using QaBot.Core;
using QaBot.Index.Qdrant.Index;
using QaBot.Index.Qdrant.Tests.Fakes;

namespace QaBot.Index.Qdrant.Tests.Index;

/// <summary>The ingest record as a point of the collection, over the real gRPC protocol (the in-process fake Qdrant).</summary>
public sealed class QdrantIngestProgressStoreTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
    private FakeQdrantServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeQdrantServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Assert.Empty(_server.Rejections);
    }

    private IngestRun Running(int done, string owner = "job pid 1 #abc") =>
        new(owner, IngestRunStatus.Running, done, 400, FromEmpty: true, _time.GetUtcNow().AddMinutes(-2), _time.GetUtcNow());

    [Fact]
    public async Task ReadLatestAsync_WrittenByAnotherMachine_RoundTripsEveryField()
    {
        using var job = new QdrantHarness(_server.Url, timeProvider: _time);
        using var bot = new QdrantHarness(_server.Url, timeProvider: _time);
        var written = new IngestRun("job pid 1 #abc", IngestRunStatus.Failed, 120, 400, true, _time.GetUtcNow().AddMinutes(-2), _time.GetUtcNow(), "Qdrant went away");

        await new QdrantIngestProgressStore(job.Collection).WriteAsync(written, CancellationToken.None);
        var read = await new QdrantIngestProgressStore(bot.Collection).ReadLatestAsync(CancellationToken.None);

        Assert.Equal(written, read);
    }

    [Fact]
    public async Task ReadLatestAsync_NoIngestYet_ReturnsNull()
    {
        using var harness = new QdrantHarness(_server.Url, timeProvider: _time);

        Assert.Null(await new QdrantIngestProgressStore(harness.Collection).ReadLatestAsync(CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_EveryHeartbeat_KeepsOnePointThatIsNoDocument()
    {
        using var harness = new QdrantHarness(_server.Url, timeProvider: _time);
        var store = new QdrantIngestProgressStore(harness.Collection);

        await store.WriteAsync(Running(1), CancellationToken.None);
        _time.Advance(IngestRun.HeartbeatInterval);
        await store.WriteAsync(Running(2), CancellationToken.None);

        var points = _server.Engine.Collections["qabot-test"].Points.Values.Where(p => p.Payload["kind"].StringValue == "ingest_progress").ToList();
        Assert.Single(points);
        Assert.Equal(2, (await store.ReadLatestAsync(CancellationToken.None))!.FilesDone);
        Assert.Empty(await harness.Index.ReadManifestAsync(CancellationToken.None));
        Assert.Equal(0, (await harness.Index.GetStatisticsAsync(CancellationToken.None)).DocumentCount);
    }

    [Fact]
    public async Task ReadLatestAsync_HeartbeatStale_RunCountsAsInterrupted()
    {
        using var harness = new QdrantHarness(_server.Url, timeProvider: _time);
        var store = new QdrantIngestProgressStore(harness.Collection);
        await store.WriteAsync(Running(120), CancellationToken.None);

        _time.Advance(IngestRun.StaleAfter + TimeSpan.FromSeconds(1));
        var read = (await store.ReadLatestAsync(CancellationToken.None))!;

        Assert.True(read.WasInterrupted(_time.GetUtcNow()));
        Assert.Equal(IndexPhase.Empty, read.ToIndexState(_time.GetUtcNow(), hasDocuments: false).Phase);
    }
}
