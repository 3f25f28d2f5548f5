using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using QaBot.Core;
using QaBot.Testing;

namespace QaBot.Index.Sqlite.Tests;

public sealed class SqliteIngestProgressStoreTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
    private readonly SqliteChunkIndex _index;
    private readonly SqliteIngestProgressStore _store;

    public SqliteIngestProgressStoreTests()
    {
        _index = new SqliteChunkIndex(new SqliteIndexOptions { DatabasePath = _directory.Combine("index.db") });
        _store = new SqliteIngestProgressStore(_index);
    }

    public void Dispose()
    {
        _index.Dispose();
        _directory.Dispose();
    }

    private IngestRun Running(int done, int total, string owner = "job pid 1 #abc") =>
        new(owner, IngestRunStatus.Running, done, total, FromEmpty: true, _time.GetUtcNow(), _time.GetUtcNow());

    [Fact]
    public async Task ReadLatestAsync_AfterWrite_RoundTripsEveryField()
    {
        var written = new IngestRun("job pid 7 #a1b2c3", IngestRunStatus.Failed, 120, 400, FromEmpty: true,
            _time.GetUtcNow().AddMinutes(-3).AddTicks(1234567), _time.GetUtcNow(), "disk full");

        await _store.WriteAsync(written, CancellationToken.None);
        var read = await _store.ReadLatestAsync(CancellationToken.None);

        Assert.Equal(written, read);
    }

    [Fact]
    public async Task ReadLatestAsync_NothingWritten_ReturnsNull()
    {
        Assert.Null(await _store.ReadLatestAsync(CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_NewRunAfterACrashedOne_OverwritesTheRecord()
    {
        await _store.WriteAsync(Running(120, 400, owner: "crashed"), CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(1));

        await _store.WriteAsync(Running(0, 400, owner: "next"), CancellationToken.None);

        var read = await _store.ReadLatestAsync(CancellationToken.None);
        Assert.Equal(("next", 0, _time.GetUtcNow()), (read!.Owner, read.FilesDone, read.HeartbeatAt));
    }

    [Fact]
    public async Task ReadLatestAsync_ReadOnlyIndexOfAnotherProcess_SeesEachWriteOfTheIngestingOne()
    {
        await _store.WriteAsync(Running(1, 10), CancellationToken.None);
        using var reader = new SqliteChunkIndex(new SqliteIndexOptions { DatabasePath = _index.DatabasePath, ReadOnly = true });
        var readerStore = new SqliteIngestProgressStore(reader);
        var first = await readerStore.ReadLatestAsync(CancellationToken.None);

        await _store.WriteAsync(Running(3, 10), CancellationToken.None);
        var second = await readerStore.ReadLatestAsync(CancellationToken.None);

        Assert.Equal((1, 3), (first!.FilesDone, second!.FilesDone));
    }

    [Fact]
    public async Task ReadLatestAsync_IndexWrittenBeforeProgressRecordsExisted_ReturnsNull()
    {
        await _index.ReadManifestAsync(CancellationToken.None);
        await using (var connection = new SqliteConnection($"Data Source={_index.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TABLE ingest_progress";
            await drop.ExecuteNonQueryAsync();
        }

        using var older = new SqliteChunkIndex(new SqliteIndexOptions { DatabasePath = _index.DatabasePath, ReadOnly = true });

        Assert.Null(await new SqliteIngestProgressStore(older).ReadLatestAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData(15, true, IndexPhase.Ingesting)]
    [InlineData(16, false, IndexPhase.Empty)]
    public async Task ReadLatestAsync_HeartbeatAge_LiveUntilThreeMissedHeartbeats(int secondsSinceHeartbeat, bool live, IndexPhase phase)
    {
        await _store.WriteAsync(Running(120, 400), CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(secondsSinceHeartbeat));

        var read = (await _store.ReadLatestAsync(CancellationToken.None))!;
        var now = _time.GetUtcNow();

        Assert.Equal(live, read.IsLive(now));
        Assert.Equal(!live, read.WasInterrupted(now));
        Assert.Equal(phase, read.ToIndexState(now, hasDocuments: false).Phase);
    }

    [Fact]
    public async Task ReadLatestAsync_StaleRunWithCommittedDocuments_IndexIsReady()
    {
        await _store.WriteAsync(Running(120, 400), CancellationToken.None);
        _time.Advance(IngestRun.StaleAfter + TimeSpan.FromSeconds(1));

        var read = (await _store.ReadLatestAsync(CancellationToken.None))!;

        Assert.Equal(IndexState.Ready, read.ToIndexState(_time.GetUtcNow(), hasDocuments: true));
    }
}
