using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using QaBot.Core;
using QaBot.Testing;

namespace QaBot.Index.Sqlite.Tests;

/// <summary>Broken index files found at start-up: one message naming the file and the fix, and a way out.</summary>
public sealed class IndexIntegrityTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly string _path;

    public IndexIntegrityTests()
    {
        _path = _directory.Combine("index.db");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReadManifestAsync_TruncatedFile_DamagedNamingTheFileAndRebuild(bool readOnly)
    {
        // Arrange
        await BuildIndexAsync(documents: 40);
        var length = new FileInfo(_path).Length;
        using (var file = File.OpenWrite(_path))
        {
            file.SetLength(length / 2);
        }

        using var index = Open(readOnly);

        // Act
        var exception = await Assert.ThrowsAsync<SqliteIndexException>(() => index.ReadManifestAsync(CancellationToken.None));

        // Assert
        Assert.Equal(IndexProblem.Damaged, exception.Problem);
        Assert.StartsWith($"The index {_path} is damaged (", exception.Message, StringComparison.Ordinal);
        Assert.EndsWith("Run 'qabot ingest --rebuild' to move it aside and rebuild it from the corpus.", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', exception.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReadManifestAsync_GarbageInTheMiddle_DamagedAndNothingReadAsUnchanged(bool readOnly)
    {
        // Arrange: 64 KB of random bytes over the middle of a file several times that size.
        await BuildIndexAsync(documents: 120);
        var length = new FileInfo(_path).Length;
        Assert.True(length > 4 * 65_536, $"the index has only {length} bytes");
        using (var file = new FileStream(_path, FileMode.Open, FileAccess.Write))
        {
            file.Position = length / 2 / 4096 * 4096;
            file.Write(new Random(7).GetItems<byte>(Enumerable.Range(0, 256).Select(i => (byte)i).ToArray(), 65_536));
        }

        using var index = Open(readOnly);

        // Act
        var exception = await Assert.ThrowsAsync<SqliteIndexException>(() => index.ReadManifestAsync(CancellationToken.None));

        // Assert
        Assert.Equal(IndexProblem.Damaged, exception.Problem);
        Assert.Contains(_path, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadManifestAsync_AnotherApplicationsDatabase_ForeignAndLeftAsItWas()
    {
        // Arrange
        await using (var connection = new SqliteConnection($"Data Source={_path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5);";
            await command.ExecuteNonQueryAsync();
        }

        var before = Hash(_path);
        using var index = Open(readOnly: false);

        // Act
        var exception = await Assert.ThrowsAsync<SqliteIndexException>(() => index.ReadManifestAsync(CancellationToken.None));

        // Assert
        Assert.Equal(IndexProblem.Foreign, exception.Problem);
        Assert.StartsWith($"{_path} is not a QaBot index (a SQLite database without QaBot's meta table; it has invoices).", exception.Message, StringComparison.Ordinal);
        Assert.Equal(before, Hash(_path));
    }

    [Fact]
    public async Task ReadManifestAsync_NotASqliteFile_ForeignNamingTheFile()
    {
        // Arrange
        _directory.WriteFile("index.db", string.Concat(Enumerable.Repeat("This is a text file, not a database.\n", 200)));
        using var index = Open(readOnly: true);

        // Act
        var exception = await Assert.ThrowsAsync<SqliteIndexException>(() => index.ReadManifestAsync(CancellationToken.None));

        // Assert
        Assert.Equal(IndexProblem.Foreign, exception.Problem);
        Assert.StartsWith($"{_path} is not a QaBot index (not a SQLite database).", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadManifestAsync_IndexOfANewerSchema_TooNewAndNotEmptied()
    {
        // Arrange
        await BuildIndexAsync(documents: 2);
        var current = await ScalarAsync("SELECT value FROM meta WHERE key = 'schema_version'");
        await ExecuteAsync("UPDATE meta SET value = '99' WHERE key = 'schema_version'");
        var before = Hash(_path);
        using var index = Open(readOnly: false);

        // Act
        var exception = await Assert.ThrowsAsync<SqliteIndexException>(() => index.ReadManifestAsync(CancellationToken.None));
        index.Dispose();

        // Assert
        Assert.Equal(IndexProblem.TooNew, exception.Problem);
        Assert.Equal($"The index {_path} was written by a newer QaBot (schema 99; this version reads {current}). Use that version, or run 'qabot ingest --rebuild' to move it aside and rebuild it for this one.", exception.Message);
        Assert.Equal(before, Hash(_path));
    }

    [Fact]
    public async Task ReadOnlyIndex_Queried_FileAndJournalModeUnchanged()
    {
        // Arrange: a rollback-journal file shows any start-up write (the journal mode would become WAL, meta would be rewritten).
        await BuildIndexAsync(documents: 3);
        await ExecuteAsync("PRAGMA journal_mode = DELETE");
        var before = Hash(_path);
        var index = Open(readOnly: true);

        // Act
        var manifest = await index.ReadManifestAsync(CancellationToken.None);
        var hits = await index.SearchLexicalAsync(["term1"], 5, CancellationToken.None);
        var statistics = await index.GetStatisticsAsync(CancellationToken.None);
        index.Dispose();

        // Assert
        Assert.Equal(3, manifest.Count);
        Assert.Single(hits);
        Assert.Equal(3, statistics.DocumentCount);
        Assert.Equal(before, Hash(_path));
        Assert.Equal("delete", await ScalarAsync("PRAGMA journal_mode"));
        Assert.False(File.Exists(_path + "-wal"));
    }

    [Fact]
    public async Task ReadOnlyIndex_Write_RefusedBySqliteUntilWritesAreEnabled()
    {
        // Arrange
        await BuildIndexAsync(documents: 1);
        using var index = Open(readOnly: true);
        await index.ReadManifestAsync(CancellationToken.None);

        // Act
        var refused = await Assert.ThrowsAsync<SqliteException>(() => index.RemoveDocumentAsync("doc0.txt", CancellationToken.None));
        await index.EnableWritesAsync(CancellationToken.None);
        await index.RemoveDocumentAsync("doc0.txt", CancellationToken.None);

        // Assert
        Assert.Equal(IndexProblem.ReadOnly, SqliteIndexException.FromSqlite(refused, _path)?.Problem);
        Assert.Empty(await index.ReadManifestAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ReadOnlyIndex_NoFileYet_CreatedEmpty()
    {
        // Arrange
        using var index = Open(readOnly: true);

        // Act
        var manifest = await index.ReadManifestAsync(CancellationToken.None);

        // Assert: a missing index has nothing to protect, so it is created for the first-use ingest.
        Assert.Empty(manifest);
        Assert.True(File.Exists(_path));
    }

    [Fact]
    public async Task ReadManifestAsync_DataFolderCannotBeCreated_OneLineNamingTheFolder()
    {
        // Arrange: the data folder would have to be created inside a regular file (a permission error would not stop root).
        _directory.WriteFile("plain-file", "x");
        var folder = _directory.Combine("plain-file", "data");
        using var index = new SqliteChunkIndex(new SqliteIndexOptions { DatabasePath = Path.Combine(folder, "index.db") });

        // Act
        var exception = await Assert.ThrowsAsync<SqliteIndexException>(() => index.ReadManifestAsync(CancellationToken.None));

        // Assert
        Assert.Equal(IndexProblem.ReadOnly, exception.Problem);
        Assert.Equal($"The data folder {folder} cannot be written, so the index cannot be created there. Set Data:Path (--data) to a writable folder.", exception.Message);
    }

    [Fact]
    public async Task FromSqlite_DiskFull_OneLineNamingTheIndex()
    {
        // Arrange: a page limit makes SQLite fail exactly as on a full disk.
        await using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE t (x BLOB); PRAGMA max_page_count = 3;";
        await command.ExecuteNonQueryAsync();
        command.CommandText = "INSERT INTO t VALUES (randomblob(100000));";
        var full = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());

        // Act
        var exception = SqliteIndexException.FromSqlite(full, _path);

        // Assert
        Assert.Equal(IndexProblem.DiskFull, exception?.Problem);
        Assert.StartsWith($"The disk holding the index {_path} is full;", exception?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResetAsync_DamagedFile_MovedAsideWithItsJournalAndANewIndexWritable()
    {
        // Arrange
        await BuildIndexAsync(documents: 40);
        using (var file = File.OpenWrite(_path))
        {
            file.SetLength(file.Length / 2);
        }

        var damaged = Hash(_path);
        using var index = Open(readOnly: false);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 4, 3, 2, 1, TimeSpan.Zero));

        // Act
        var reset = await index.ResetAsync(time, CancellationToken.None);
        await index.ReplaceDocumentAsync(Entry("new.txt"), [Chunk("new.txt", "fresh")], CancellationToken.None);

        // Assert
        var aside = _path + ".broken-20260504T030201Z";
        Assert.Equal(aside, reset.MovedTo);
        Assert.Equal(damaged, Hash(aside));
        Assert.Equal($"Moved the index {_path} aside to {aside} (damaged); rebuilding it from corpus.", reset.Describe("corpus"));
        Assert.Equal(["new.txt"], (await index.ReadManifestAsync(CancellationToken.None)).Keys);
    }

    [Fact]
    public async Task ResetAsync_SoundFile_DeletedAndStartedEmpty()
    {
        // Arrange
        await BuildIndexAsync(documents: 3);
        using var index = Open(readOnly: false);
        await index.ReadManifestAsync(CancellationToken.None);

        // Act
        var reset = await index.ResetAsync(TimeProvider.System, CancellationToken.None);

        // Assert
        Assert.Null(reset.MovedTo);
        Assert.Empty(await index.ReadManifestAsync(CancellationToken.None));
        Assert.Empty(Directory.GetFiles(_directory.Path, "*.broken-*"));
    }

    private SqliteChunkIndex Open(bool readOnly) => new(new SqliteIndexOptions { DatabasePath = _path, ReadOnly = readOnly });

    private static ManifestEntry Entry(string path) => new(path, "h", "v1", 1, DateTimeOffset.UnixEpoch);

    private static IndexedChunk Chunk(string path, params string[] terms) =>
        new(new Chunk(path, 0, "Title", null, null, 1, 1, "en", string.Join(' ', terms) + " " + new string('x', 2_000)), terms);

    /// <summary>An index of <paramref name="documents"/> documents of about 2 KB each; the instance is closed afterwards.</summary>
    private async Task BuildIndexAsync(int documents)
    {
        using var index = Open(readOnly: false);
        for (var i = 0; i < documents; i++)
        {
            await index.ReplaceDocumentAsync(Entry($"doc{i}.txt"), [Chunk($"doc{i}.txt", $"term{i}", "shared")], CancellationToken.None);
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private async Task<string?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync() as string;
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}
