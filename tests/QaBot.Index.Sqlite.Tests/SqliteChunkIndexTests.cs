using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Moq;
using QaBot.Core;
using QaBot.Testing;

namespace QaBot.Index.Sqlite.Tests;

public sealed class SqliteChunkIndexTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly SqliteChunkIndex _index;

    public SqliteChunkIndexTests()
    {
        _index = new SqliteChunkIndex(new SqliteIndexOptions { DatabasePath = _directory.Combine("index.db") });
    }

    public void Dispose()
    {
        _index.Dispose();
        _directory.Dispose();
    }

    private static ManifestEntry Entry(string path, string hash = "h1") =>
        new(path, hash, "v1", 0, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private static IndexedChunk Chunk(string path, int index, string text, params string[] terms) =>
        new(new Chunk(path, index, "Title " + path, "Section", null, index + 1, index + 2, "en", text), terms);

    [Fact]
    public async Task ReplaceDocumentAsync_NewDocument_IsInManifestAndSearchable()
    {
        await _index.ReplaceDocumentAsync(Entry("a.txt"), [Chunk("a.txt", 0, "drones fly", "drone", "fly")], CancellationToken.None);

        var manifest = await _index.ReadManifestAsync(CancellationToken.None);
        var hits = await _index.SearchLexicalAsync(["drone"], 10, CancellationToken.None);

        Assert.Equal(1, manifest["a.txt"].ChunkCount);
        var hit = Assert.Single(hits);
        Assert.Equal(ChunkId.For("a.txt", 0), hit.ChunkId);
        Assert.True(hit.Score > 0);
    }

    [Fact]
    public async Task ReplaceDocumentAsync_ExistingDocument_ReplacesAllItsChunks()
    {
        await _index.ReplaceDocumentAsync(Entry("a.txt"), [Chunk("a.txt", 0, "old", "old"), Chunk("a.txt", 1, "old two", "old", "two")], CancellationToken.None);

        await _index.ReplaceDocumentAsync(Entry("a.txt", "h2"), [Chunk("a.txt", 0, "new", "new")], CancellationToken.None);

        Assert.Empty(await _index.SearchLexicalAsync(["old"], 10, CancellationToken.None));
        Assert.Single(await _index.SearchLexicalAsync(["new"], 10, CancellationToken.None));
        var statistics = await _index.GetStatisticsAsync(CancellationToken.None);
        Assert.Equal(1, statistics.ChunkCount);
        Assert.Equal("h2", (await _index.ReadManifestAsync(CancellationToken.None))["a.txt"].ContentHash);
    }

    [Fact]
    public async Task ReplaceDocumentAsync_CancelledMidway_LeavesPreviousVersionWhole()
    {
        await _index.ReplaceDocumentAsync(Entry("a.txt"), [Chunk("a.txt", 0, "old", "old")], CancellationToken.None);
        var duplicateIndex = new[] { Chunk("a.txt", 0, "new", "new"), Chunk("a.txt", 0, "clash", "clash") };

        // Two chunks with the same id violate the unique key after the first insert: the transaction must roll back.
        await Assert.ThrowsAnyAsync<Exception>(() => _index.ReplaceDocumentAsync(Entry("a.txt", "h2"), duplicateIndex, CancellationToken.None));

        Assert.Single(await _index.SearchLexicalAsync(["old"], 10, CancellationToken.None));
        Assert.Empty(await _index.SearchLexicalAsync(["new"], 10, CancellationToken.None));
        Assert.Equal("h1", (await _index.ReadManifestAsync(CancellationToken.None))["a.txt"].ContentHash);
    }

    [Fact]
    public async Task RemoveDocumentAsync_ExistingDocument_RemovesChunksTermsAndManifestEntry()
    {
        await _index.ReplaceDocumentAsync(Entry("a.txt"), [Chunk("a.txt", 0, "drones", "drone")], CancellationToken.None);
        await _index.ReplaceDocumentAsync(Entry("b.txt"), [Chunk("b.txt", 0, "drones", "drone")], CancellationToken.None);

        await _index.RemoveDocumentAsync("a.txt", CancellationToken.None);

        var hit = Assert.Single(await _index.SearchLexicalAsync(["drone"], 10, CancellationToken.None));
        Assert.Equal(ChunkId.For("b.txt", 0), hit.ChunkId);
        Assert.False((await _index.ReadManifestAsync(CancellationToken.None)).ContainsKey("a.txt"));
        var vocabulary = await _index.ReadVocabularyAsync(CancellationToken.None);
        Assert.Equal(1, Assert.Single(vocabulary, v => v.Term == "drone").ChunkFrequency);
    }

    [Fact]
    public async Task SearchLexicalAsync_RarerTermMatched_RanksHigher()
    {
        await _index.ReplaceDocumentAsync(Entry("a.txt"), [
            Chunk("a.txt", 0, "", "ai", "chip"),
            Chunk("a.txt", 1, "", "ai", "nvidia"),
            Chunk("a.txt", 2, "", "ai", "cloud"),
        ], CancellationToken.None);

        var hits = await _index.SearchLexicalAsync(["ai", "nvidia"], 10, CancellationToken.None);

        Assert.Equal(3, hits.Count);
        Assert.Equal(ChunkId.For("a.txt", 1), hits[0].ChunkId);
        Assert.True(hits[0].Score > hits[1].Score);
    }

    [Fact]
    public async Task SearchLexicalAsync_TermsWithQuotesAndDecimals_AreMatchedLiterally()
    {
        await _index.ReplaceDocumentAsync(Entry("a.txt"), [Chunk("a.txt", 0, "", "1.2", "billion")], CancellationToken.None);

        Assert.Single(await _index.SearchLexicalAsync(["1.2"], 10, CancellationToken.None));
        Assert.Empty(await _index.SearchLexicalAsync(["1"], 10, CancellationToken.None));
        Assert.Empty(await _index.SearchLexicalAsync(["\"or\" NEAR", ""], 10, CancellationToken.None));
    }

    [Fact]
    public async Task GetChunksAsync_KnownIds_ReturnsStoredFields()
    {
        var date = new DateTimeOffset(2021, 7, 14, 13, 17, 10, TimeSpan.Zero);
        var chunk = new Chunk("dir/a.md", 3, "标题", null, date, 10, 12, "zh", "正文");
        await _index.ReplaceDocumentAsync(Entry("dir/a.md"), [new IndexedChunk(chunk, ["正文"])], CancellationToken.None);

        var stored = Assert.Single(await _index.GetChunksAsync([chunk.Id, Guid.NewGuid()], CancellationToken.None));

        Assert.Equal(chunk, stored);
    }

    [Fact]
    public async Task GetChunkFrequenciesAsync_MixedTerms_CountsChunksAndZeroForAbsent()
    {
        await _index.ReplaceDocumentAsync(Entry("a.txt"), [Chunk("a.txt", 0, "", "ai", "ai"), Chunk("a.txt", 1, "", "ai")], CancellationToken.None);

        var frequencies = await _index.GetChunkFrequenciesAsync(["ai", "absent"], CancellationToken.None);

        Assert.Equal(2, frequencies["ai"]);
        Assert.Equal(0, frequencies["absent"]);
    }

    [Fact]
    public async Task WriteBlobAsync_SameNameTwice_KeepsLatest()
    {
        await _index.WriteBlobAsync("table", [1, 2], CancellationToken.None);
        await _index.WriteBlobAsync("table", [3], CancellationToken.None);

        Assert.Equal([3], await _index.ReadBlobAsync("table", CancellationToken.None));
        Assert.Null(await _index.ReadBlobAsync("missing", CancellationToken.None));
    }

    [Fact]
    public async Task GetStatisticsAsync_TwoLanguages_CountsPerLanguage()
    {
        var zh = new IndexedChunk(new Chunk("b.txt", 0, "t", null, null, 1, 1, "zh", "中文"), ["中文"]);
        await _index.ReplaceDocumentAsync(Entry("a.txt"), [Chunk("a.txt", 0, "", "x")], CancellationToken.None);
        await _index.ReplaceDocumentAsync(Entry("b.txt"), [zh], CancellationToken.None);

        var statistics = await _index.GetStatisticsAsync(CancellationToken.None);

        Assert.Equal(2, statistics.DocumentCount);
        Assert.Equal(1, statistics.ChunksByLanguage["zh"]);
        Assert.Equal(1, statistics.ChunksByLanguage["en"]);
        Assert.True(statistics.SizeBytes > 0);
    }

    [Fact]
    public async Task GetChunksAsync_ChunkWithColumnsHeadingPathAndPage_ReadsThemBack()
    {
        // Arrange
        var chunk = new Chunk("manual.pdf", 0, "Manual", "4.3.1 Configuration", null, 7, 7, "en", "Edit the file.")
        {
            StartColumn = 120,
            EndColumn = 480,
            HeadingPath = ["Chapter 4", "4.3 PAM", "4.3.1 Configuration"],
            Page = 12,
        };
        await _index.ReplaceDocumentAsync(Entry("manual.pdf"), [new IndexedChunk(chunk, ["edit"])], CancellationToken.None);

        // Act
        var stored = Assert.Single(await _index.GetChunksAsync([chunk.Id], CancellationToken.None));

        // Assert
        Assert.Equal((120, 480, 12), (stored.StartColumn, stored.EndColumn, stored.Page));
        Assert.Equal(chunk.HeadingPath, stored.HeadingPath);
        Assert.Equal(chunk with { HeadingPath = stored.HeadingPath }, stored);
    }

    [Fact]
    public async Task ReadManifestAsync_IndexOfTheOldSchema_EmptiedWithAWarningAndWritableAgain()
    {
        // Arrange: a version-1 file, whose chunks table has no column, heading or page fields.
        var path = _directory.Combine("old.db");
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                INSERT INTO meta VALUES ('schema_version', '1');
                CREATE TABLE documents (source_path TEXT PRIMARY KEY, content_hash TEXT NOT NULL, pipeline_version TEXT NOT NULL, chunk_count INTEGER NOT NULL, ingested_at TEXT NOT NULL);
                INSERT INTO documents VALUES ('a.txt', 'h', 'v', 1, '2026-01-01T00:00:00+00:00');
                CREATE TABLE chunks (id INTEGER PRIMARY KEY, chunk_uuid BLOB NOT NULL UNIQUE, source_path TEXT NOT NULL, chunk_index INTEGER NOT NULL, title TEXT NOT NULL, section TEXT, date TEXT, start_line INTEGER NOT NULL, end_line INTEGER NOT NULL, language TEXT NOT NULL, text TEXT NOT NULL);
                """;
            await command.ExecuteNonQueryAsync();
        }

        var logger = new Mock<ILogger<SqliteChunkIndex>>();
        logger.Setup(l => l.IsEnabled(It.IsAny<LogLevel>())).Returns(true);
        using var index = new SqliteChunkIndex(new SqliteIndexOptions { DatabasePath = path }, logger.Object);

        // Act
        var manifest = await index.ReadManifestAsync(CancellationToken.None);
        var chunk = new Chunk("b.txt", 0, "t", null, null, 1, 1, "en", "text") { StartColumn = 3 };
        await index.ReplaceDocumentAsync(Entry("b.txt"), [new IndexedChunk(chunk, ["text"])], CancellationToken.None);

        // Assert
        Assert.Empty(manifest);
        Assert.Equal(3, Assert.Single(await index.GetChunksAsync([chunk.Id], CancellationToken.None)).StartColumn);
        logger.Verify(
            l => l.Log(LogLevel.Warning, It.IsAny<EventId>(), It.Is<It.IsAnyType>((v, _) => v.ToString()!.Contains("schema version 1", StringComparison.Ordinal)), null, It.IsAny<Func<It.IsAnyType, Exception?, string>>()),
            Times.Once);
    }
}

public sealed class SqliteChunkIndexReopenTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task ReadManifestAsync_ReopenedFile_KeepsEverythingWritten()
    {
        var options = new SqliteIndexOptions { DatabasePath = _directory.Combine("index.db") };
        var entry = new ManifestEntry("a.txt", "h1", "v1", 1, DateTimeOffset.UnixEpoch);
        var chunk = new IndexedChunk(new Chunk("a.txt", 0, "t", null, null, 1, 1, "en", "text"), ["text"]);
        using (var first = new SqliteChunkIndex(options))
        {
            await first.ReplaceDocumentAsync(entry, [chunk], CancellationToken.None);
        }

        using var second = new SqliteChunkIndex(options);

        Assert.True((await second.ReadManifestAsync(CancellationToken.None)).ContainsKey("a.txt"));
        Assert.Single(await second.SearchLexicalAsync(["text"], 5, CancellationToken.None));
    }
}
