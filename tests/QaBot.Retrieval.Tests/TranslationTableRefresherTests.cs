using Microsoft.Extensions.Logging;
using Moq;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using QaBot.Analysis;
using QaBot.Core;
using QaBot.Core.Configuration;
using QaBot.Index.Sqlite;
using QaBot.Retrieval.Translation;
using QaBot.Testing;

namespace QaBot.Retrieval.Tests;

/// <summary>
/// The translation table against crashes: a fault injected right after each commit of the index stops the run
/// there, as a kill would; the next run, whose own ingest finds nothing changed, must leave the same table as an
/// ingest that was never interrupted.
/// </summary>
public sealed class TranslationTableRefresherTests : IDisposable
{
    private const string EnglishPath = "en.txt";
    private const string GermanPath = "de.txt";
    private static readonly string[] EnglishPassages = ["The cow stands in the meadow behind the barn.", "The farmer milks every cow twice a day."];
    private static readonly string[] GermanPassages = ["Die Kuh steht auf der Weide hinter der Scheune.", "Der Bauer melkt jede Kuh zweimal am Tag."];

    private readonly TemporaryDirectory _folder = new();

    public enum CrashingRun
    {
        /// <summary>A German document is added; the crash follows the commit of the document.</summary>
        AddAfterDocument,

        /// <summary>A German document is added; the crash follows the commit of the new table, before its basis.</summary>
        AddAfterTable,

        /// <summary>A German document is added; the crash follows the commit of the table's basis, before its fingerprint.</summary>
        AddAfterBasis,

        /// <summary>A German document is added; the crash follows the commit of the fingerprint, the run's last.</summary>
        AddAfterFingerprint,

        /// <summary>A German document is added with vectors pending; the crash follows the final manifest entry.</summary>
        AddAfterManifestUpdate,

        /// <summary>The German document is removed; the crash follows the commit of the removal.</summary>
        RemoveAfterRemoval,
    }

    [Theory]
    [InlineData(CrashingRun.AddAfterDocument)]
    [InlineData(CrashingRun.AddAfterTable)]
    [InlineData(CrashingRun.AddAfterBasis)]
    [InlineData(CrashingRun.AddAfterFingerprint)]
    [InlineData(CrashingRun.AddAfterManifestUpdate)]
    [InlineData(CrashingRun.RemoveAfterRemoval)]
    public async Task RefreshAsync_NextRunAfterCrashAtCommitPoint_RebuildsTableOfCommittedDocuments(CrashingRun run)
    {
        // Arrange: a built table over the documents before the crashing run.
        var removing = run == CrashingRun.RemoveAfterRemoval;
        var database = _folder.Combine("crashed", "index.db");
        var faults = new CommitFaults();
        using (var index = Open(database, faults.Observe))
        {
            await index.AddPassagesAsync(EnglishPath, Languages.English, EnglishPassages);
            if (removing)
            {
                await index.AddPassagesAsync(GermanPath, Languages.German, GermanPassages);
            }

            await RefresherFor(index).RefreshAsync(collectionChanged: true, CancellationToken.None);

            // Act 1: the crashing run.
            faults.Arm(run switch
            {
                CrashingRun.AddAfterDocument => (IndexCommitPoint.DocumentReplaced, 1),
                CrashingRun.AddAfterTable => (IndexCommitPoint.BlobWritten, 1),
                CrashingRun.AddAfterBasis => (IndexCommitPoint.BlobWritten, 2),
                CrashingRun.AddAfterFingerprint => (IndexCommitPoint.BlobWritten, 3),
                CrashingRun.AddAfterManifestUpdate => (IndexCommitPoint.ManifestEntryUpdated, 1),
                _ => (IndexCommitPoint.DocumentRemoved, 1),
            });
            await Assert.ThrowsAsync<SimulatedCrashException>(() => CrashingRunAsync(index, run));
        }

        // Act 2: the next run; its ingest found every file unchanged.
        byte[] repaired;
        using (var index = Open(database))
        {
            await RefresherFor(index).RefreshAsync(collectionChanged: false, CancellationToken.None);
            repaired = (await index.ReadBlobAsync(TranslationTableStore.BlobName, CancellationToken.None))!;
        }

        // Assert: the table of the same documents ingested without a crash.
        Assert.Equal(await UninterruptedTableAsync(withGerman: !removing), repaired);
    }

    [Fact]
    public async Task RefreshAsync_DocumentsPutBackAfterACrashBeforeTheFingerprint_RebuildsTheirTable()
    {
        // Arrange: a table over the English document; a run adds the German one and stops after the new table's
        // basis, before its fingerprint; the next run removes the German document again and stops before its refresh.
        // The manifest is now the one the stored fingerprint was made for, but the stored table is not its table.
        var database = _folder.Combine("put-back", "index.db");
        var faults = new CommitFaults();
        using (var index = Open(database, faults.Observe))
        {
            await index.AddPassagesAsync(EnglishPath, Languages.English, EnglishPassages);
            await RefresherFor(index).RefreshAsync(collectionChanged: true, CancellationToken.None);
            faults.Arm((IndexCommitPoint.BlobWritten, 2));
            await Assert.ThrowsAsync<SimulatedCrashException>(() => CrashingRunAsync(index, CrashingRun.AddAfterBasis));
        }

        using (var index = Open(database))
        {
            await index.RemoveDocumentAsync(GermanPath, CancellationToken.None);
        }

        // Act: a run whose ingest found nothing changed.
        byte[] repaired;
        using (var index = Open(database))
        {
            await RefresherFor(index).RefreshAsync(collectionChanged: false, CancellationToken.None);
            repaired = (await index.ReadBlobAsync(TranslationTableStore.BlobName, CancellationToken.None))!;
        }

        // Assert
        Assert.Equal(await UninterruptedTableAsync(withGerman: false), repaired);
    }

    [Fact]
    public async Task RefreshAsync_NothingChangedSinceLastBuild_WritesNothing()
    {
        // Arrange
        var faults = new CommitFaults();
        using var index = Open(_folder.Combine("same", "index.db"), faults.Observe);
        await index.AddPassagesAsync(GermanPath, Languages.German, GermanPassages);
        await RefresherFor(index).RefreshAsync(collectionChanged: true, CancellationToken.None);
        var written = faults.Count(IndexCommitPoint.BlobWritten);

        // Act
        await RefresherFor(index).RefreshAsync(collectionChanged: false, CancellationToken.None);

        // Assert
        Assert.Equal(written, faults.Count(IndexCommitPoint.BlobWritten));
    }

    [Theory]
    [InlineData(false, "Updated")]
    [InlineData(true, "Built")]
    public async Task RefreshAsync_DocumentAddedToBuiltTable_UpdatesFromItsBasisElseBuildsToTheSameBytes(bool basisReplaced, string secondRefresh)
    {
        // Arrange: a table built over the English document (its stored basis replaced by garbage, or kept), then a
        // German document added.
        using var index = Open(_folder.Combine(basisReplaced ? "garbage" : "updated", "index.db"));
        await index.AddPassagesAsync(EnglishPath, Languages.English, EnglishPassages);
        using var logs = new LogCapture();
        var logger = logs.CreateLogger<TranslationTableRefresher>();
        await RefresherFor(index, logger).RefreshAsync(collectionChanged: true, CancellationToken.None);
        if (basisReplaced)
        {
            await index.WriteBlobAsync(TranslationTableStore.BasisBlobName, [1, 2, 3], CancellationToken.None);
        }

        await index.AddPassagesAsync(GermanPath, Languages.German, GermanPassages);

        // Act
        await RefresherFor(index, logger).RefreshAsync(collectionChanged: true, CancellationToken.None);

        // Assert: updated from a basis that describes the table, built afresh otherwise; the very bytes of a fresh build either way.
        Assert.Equal(["Built", secondRefresh], TableRefreshes(logs));
        Assert.Equal(await UninterruptedTableAsync(withGerman: true), (await index.ReadBlobAsync(TranslationTableStore.BlobName, CancellationToken.None))!);
    }

    [Fact]
    public async Task RefreshAsync_OneDocumentAdded_ReadsOnlyItsPassagesAndGivesTheFreshTable()
    {
        // Arrange: a table built over two documents; a third is added. Passages read are recorded.
        const string SecondGermanPath = "de2.txt";
        string[] secondGerman = ["Die Kuh (cow) gibt Milch.", "Der Stall hat ein neues Dach."];
        using var index = Open(_folder.Combine("mined", "index.db"));
        await index.AddPassagesAsync(EnglishPath, Languages.English, EnglishPassages);
        await index.AddPassagesAsync(GermanPath, Languages.German, GermanPassages);
        await RefresherFor(index).RefreshAsync(collectionChanged: true, CancellationToken.None);
        await index.AddPassagesAsync(SecondGermanPath, Languages.German, secondGerman);
        var read = new List<Guid>();
        var recording = Recording(index, read);

        // Act
        await RefresherFor(recording.Object).RefreshAsync(collectionChanged: true, CancellationToken.None);

        // Assert: only the new document's passages were read, and the table is a fresh build's.
        Assert.Equal(new[] { ChunkId.For(SecondGermanPath, 0), ChunkId.For(SecondGermanPath, 1) }.Order(), read.Order());
        using var fresh = Open(_folder.Combine("mined-fresh", "index.db"));
        await fresh.AddPassagesAsync(EnglishPath, Languages.English, EnglishPassages);
        await fresh.AddPassagesAsync(GermanPath, Languages.German, GermanPassages);
        await fresh.AddPassagesAsync(SecondGermanPath, Languages.German, secondGerman);
        await RefresherFor(fresh).RefreshAsync(collectionChanged: true, CancellationToken.None);
        Assert.Equal(
            await fresh.ReadBlobAsync(TranslationTableStore.BlobName, CancellationToken.None),
            await index.ReadBlobAsync(TranslationTableStore.BlobName, CancellationToken.None));
    }

    public void Dispose() => _folder.Dispose();

    // The index as the refresher uses it, with the ids of every passage it reads recorded.
    private static Mock<IChunkIndex> Recording(SqliteChunkIndex index, List<Guid> read)
    {
        var mock = new Mock<IChunkIndex>(MockBehavior.Strict);
        mock.Setup(i => i.ReadManifestAsync(It.IsAny<CancellationToken>())).Returns((CancellationToken t) => index.ReadManifestAsync(t));
        mock.Setup(i => i.ReadBlobAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).Returns((string n, CancellationToken t) => index.ReadBlobAsync(n, t));
        mock.Setup(i => i.WriteBlobAsync(It.IsAny<string>(), It.IsAny<byte[]>(), It.IsAny<CancellationToken>()))
            .Returns((string n, byte[] c, CancellationToken t) => index.WriteBlobAsync(n, c, t));
        mock.Setup(i => i.GetStatisticsAsync(It.IsAny<CancellationToken>())).Returns((CancellationToken t) => index.GetStatisticsAsync(t));
        mock.Setup(i => i.ReadVocabularyAsync(It.IsAny<CancellationToken>())).Returns((CancellationToken t) => index.ReadVocabularyAsync(t));
        mock.Setup(i => i.GetChunksAsync(It.IsAny<IReadOnlyCollection<Guid>>(), It.IsAny<CancellationToken>()))
            .Returns((IReadOnlyCollection<Guid> ids, CancellationToken t) =>
            {
                read.AddRange(ids);
                return index.GetChunksAsync(ids, t);
            });
        return mock;
    }

    // "Built" or "Updated", per refresh that wrote a table, in order.
    private static string[] TableRefreshes(LogCapture logs) =>
        [.. logs.Entries.Select(e => e.Contains("Updated the translation table", StringComparison.Ordinal) ? "Updated"
            : e.Contains("Built the translation table", StringComparison.Ordinal) ? "Built" : "").Where(e => e.Length > 0)];

    private async Task CrashingRunAsync(SqliteChunkIndex index, CrashingRun run)
    {
        switch (run)
        {
            case CrashingRun.RemoveAfterRemoval:
                await index.RemoveDocumentAsync(GermanPath, CancellationToken.None);
                break;
            case CrashingRun.AddAfterManifestUpdate:
                // As ingest writes a document whose vectors are stored outside the transaction (see CorpusSynchronizer).
                await index.AddPassagesAsync(GermanPath, Languages.German, GermanPassages);
                var entry = (await index.ReadManifestAsync(CancellationToken.None))[GermanPath];
                await index.UpdateManifestEntryAsync(entry with { PipelineVersion = entry.PipelineVersion + ";vectors" }, CancellationToken.None);
                break;
            default:
                await index.AddPassagesAsync(GermanPath, Languages.German, GermanPassages);
                break;
        }

        await RefresherFor(index).RefreshAsync(collectionChanged: true, CancellationToken.None);
    }

    private async Task<byte[]> UninterruptedTableAsync(bool withGerman)
    {
        using var index = Open(_folder.Combine("reference", Guid.NewGuid().ToString("N"), "index.db"));
        await index.AddPassagesAsync(EnglishPath, Languages.English, EnglishPassages);
        if (withGerman)
        {
            await index.AddPassagesAsync(GermanPath, Languages.German, GermanPassages);
        }

        await RefresherFor(index).RefreshAsync(collectionChanged: true, CancellationToken.None);
        return (await index.ReadBlobAsync(TranslationTableStore.BlobName, CancellationToken.None))!;
    }

    private static SqliteChunkIndex Open(string path, Action<IndexCommitPoint>? afterCommit = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new SqliteChunkIndex(new SqliteIndexOptions { DatabasePath = path, AfterCommit = afterCommit });
    }

    private TranslationTableRefresher RefresherFor(IChunkIndex index, ILogger<TranslationTableRefresher>? logger = null) => new(
        index,
        TextAnalyzer.Default,
        new TranslationTableStore(index),
        Options.Create(new TranslationOptions { GlossaryPath = string.Empty }),
        Options.Create(new CorpusOptions { Path = _folder.Path }),
        logger ?? NullLogger<TranslationTableRefresher>.Instance);

    /// <summary>Counts commits and throws after the armed one.</summary>
    private sealed class CommitFaults
    {
        private readonly Dictionary<IndexCommitPoint, int> _counts = [];
        private (IndexCommitPoint Point, int Occurrence)? _armed;

        public void Arm((IndexCommitPoint Point, int Occurrence) fault)
        {
            _armed = fault;
            _counts.Clear();
        }

        public int Count(IndexCommitPoint point) => _counts.GetValueOrDefault(point);

        public void Observe(IndexCommitPoint point)
        {
            _counts[point] = Count(point) + 1;
            if (_armed is { } armed && armed.Point == point && armed.Occurrence == _counts[point])
            {
                _armed = null;
                throw new SimulatedCrashException();
            }
        }
    }

    private sealed class SimulatedCrashException() : Exception("simulated crash right after a commit");
}
