using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using QaBot.Analysis;
using QaBot.Core;
using QaBot.Index.Sqlite;
using QaBot.Ingestion.Chunking;
using QaBot.Ingestion.Reading;
using QaBot.Ingestion.Reading.Office;
using QaBot.Ingestion.Sync;
using QaBot.Testing;

namespace QaBot.Ingestion.Tests.Sync;

/// <summary>The ingest's record for other processes: when it is written, what it says, and that it never stops an ingest.</summary>
public sealed class IngestProgressRecorderTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);
    private static readonly IngestOwner Owner = new("here pid 1 #000001");

    private readonly TemporaryDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(Start);
    private readonly InMemoryIngestProgressStore _store = new();
    private readonly LogCapture _logs = new();

    public void Dispose()
    {
        _logs.Dispose();
        _directory.Dispose();
    }

    private IngestProgressRecorder Recorder() => new(Owner, _time, _logs.CreateLogger<IngestProgressRecorder>(), _store);

    [Fact]
    public async Task StartAsync_NewRun_WritesRunningRecordAtOnce()
    {
        await using var run = await Recorder().StartAsync(400, fromEmpty: true, CancellationToken.None);

        var record = Assert.Single(_store.Writes);
        Assert.Equal(new IngestRun(Owner.Id, IngestRunStatus.Running, 0, 400, true, Start, Start), record);
    }

    [Fact]
    public async Task FileDone_SeveralWithinOneInterval_WrittenOnceAtTheNextTick()
    {
        await using var run = (await Recorder().StartAsync(10, fromEmpty: true, CancellationToken.None))!;
        run.FileDone();
        run.FileDone();
        run.FileDone();

        _time.Advance(IngestProgressRecorder.MinWriteInterval);
        var written = await _store.WaitForWriteAsync(r => r.FilesDone == 3);

        Assert.Equal(2, _store.Writes.Count);
        Assert.Equal((IngestRunStatus.Running, Start + IngestProgressRecorder.MinWriteInterval), (written.Status, written.HeartbeatAt));
    }

    [Fact]
    public async Task Heartbeat_NoFileDone_RewritesTheRecordEveryHeartbeatInterval()
    {
        await using var run = await Recorder().StartAsync(10, fromEmpty: true, CancellationToken.None);

        _time.Advance(IngestRun.HeartbeatInterval);
        var heartbeat = await _store.WaitForWriteAsync(r => r.HeartbeatAt > Start);

        Assert.Equal(Start + IngestRun.HeartbeatInterval, heartbeat.HeartbeatAt);
        Assert.Equal(2, _store.Writes.Count);
    }

    [Fact]
    public async Task CompleteAsync_Finished_WritesTheEndAndStopsTheHeartbeat()
    {
        var run = (await Recorder().StartAsync(2, fromEmpty: false, CancellationToken.None))!;
        run.FileDone();
        run.FileDone();

        await run.CompleteAsync(IngestRunStatus.Finished);
        await run.DisposeAsync();
        _time.Advance(IngestRun.HeartbeatInterval * 3);

        var last = _store.Writes[^1];
        Assert.Equal((IngestRunStatus.Finished, 2, 2), (last.Status, last.FilesDone, last.FilesTotal));
        Assert.Equal(2, _store.Writes.Count);
    }

    [Fact]
    public async Task StartAsync_AnotherProcessIngestsNow_WarnsAndStillRecordsThisRun()
    {
        _store.Latest = new IngestRun("job pid 1 #ffffff", IngestRunStatus.Running, 120, 400, true, Start.AddMinutes(-5), Start.AddSeconds(-3));

        await using var run = await Recorder().StartAsync(400, fromEmpty: false, CancellationToken.None);

        Assert.True(_logs.Contains("Another ingest is running on this index (job pid 1 #ffffff, 120 of 400 files, heartbeat 3 s ago)"));
        Assert.Equal(Owner.Id, _store.Latest!.Owner);
    }

    [Fact]
    public async Task SynchronizeAsync_FreshIndex_LastRecordIsFinishedWithEveryFileFromEmpty()
    {
        var corpus = TestCorpus.CopyTo(_directory);
        using var index = new SqliteChunkIndex(new SqliteIndexOptions { DatabasePath = _directory.Combine("index.db") });

        await Synchronizer(index).SynchronizeAsync(corpus, null, CancellationToken.None);
        var first = _store.Writes[^1];
        await Synchronizer(index).SynchronizeAsync(corpus, null, CancellationToken.None);
        var second = _store.Writes[^1];

        Assert.Equal((IngestRunStatus.Finished, 5, 5, true), (first.Status, first.FilesDone, first.FilesTotal, first.FromEmpty));
        Assert.Equal((IngestRunStatus.Finished, false), (second.Status, second.FromEmpty));
    }

    [Fact]
    public async Task SynchronizeAsync_Cancelled_LastRecordSaysInterrupted()
    {
        var corpus = TestCorpus.CopyTo(_directory);
        using var index = new SqliteChunkIndex(new SqliteIndexOptions { DatabasePath = _directory.Combine("index.db") });
        using var cancellation = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Synchronizer(index).SynchronizeAsync(corpus, new CancelOnFirstFile(cancellation), cancellation.Token));

        Assert.Equal(IngestRunStatus.Interrupted, _store.Writes[^1].Status);
    }

    [Fact]
    public async Task SynchronizeAsync_StoreUnreachable_IngestsAnywayAndWarnsOnce()
    {
        var corpus = TestCorpus.CopyTo(_directory);
        using var index = new SqliteChunkIndex(new SqliteIndexOptions { DatabasePath = _directory.Combine("index.db") });
        _store.Failure = new IOException("server gone");

        var report = await Synchronizer(index).SynchronizeAsync(corpus, null, CancellationToken.None);

        Assert.Equal(5, report.Count(FileOutcome.Added));
        Assert.Single(_logs.Entries, entry => entry.Contains("Could not write the ingest's progress record (server gone)", StringComparison.Ordinal));
    }

    private CorpusSynchronizer Synchronizer(SqliteChunkIndex index)
    {
        var options = new IngestOptions();
        var preparer = new DocumentPreparer(new DocumentParser(new ArticleParser()), new SentenceAwareChunker(new ChunkingOptions()), TextAnalyzer.Default, LanguageTags.Default);
        return new CorpusSynchronizer(
            new CorpusScanner(options), new FileReader(options), preparer, index, [], _time, NullLogger<CorpusSynchronizer>.Instance, progressRecorder: Recorder());
    }

    private sealed class CancelOnFirstFile(CancellationTokenSource cancellation) : IIngestProgress
    {
        public void Started(int fileCount)
        {
        }

        public void FileDone(FileResult result) => cancellation.Cancel();
    }
}
