using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using QaBot.Core;

namespace QaBot.Index.Sqlite;

/// <summary>
/// The embedded default index: one SQLite file with documents, chunks, an FTS5 lexical index over the
/// analyzer's terms, room for dense vectors and named blobs. Each document is replaced in one transaction.
/// </summary>
public sealed partial class SqliteChunkIndex : IChunkIndex, IDisposable
{
    private readonly ILogger _logger;
    private readonly SqliteConnectionStrings _connections;
    private readonly Action<IndexCommitPoint>? _afterCommit;
    private readonly SemaphoreSlim _initialization = new(1, 1);
    private volatile bool _initialized;
    private bool _writable;
    private bool _immutable;
    private long _writeVersion;
    private (long Version, IndexStatistics Statistics)? _statistics;

    public SqliteChunkIndex(SqliteIndexOptions options, ILogger<SqliteChunkIndex>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        DatabasePath = Path.GetFullPath(options.DatabasePath);
        _connections = new SqliteConnectionStrings(DatabasePath);
        _writable = !options.ReadOnly;
        _afterCommit = options.AfterCommit;
    }

    public string DatabasePath { get; }

    /// <summary>Goes up with every write through this instance; caches derived from the index compare it.</summary>
    internal long WriteVersion => Interlocked.Read(ref _writeVersion);

    /// <summary>Records a write, so caches of counts and vectors are rebuilt on next use.</summary>
    internal void MarkChanged() => Interlocked.Increment(ref _writeVersion);

    /// <summary>Releases pooled connections so the file can be moved or deleted.</summary>
    public void Dispose()
    {
        _connections.ClearPools();
        _initialization.Dispose();
    }

    /// <summary>
    /// Opens an index that was opened read-only for writing from now on (the first-use ingest of a query
    /// command), creating it when it does not exist. A read-only file or folder is a <see cref="SqliteIndexException"/>.
    /// </summary>
    public async Task EnableWritesAsync(CancellationToken cancellationToken)
    {
        await _initialization.WaitAsync(cancellationToken);
        try
        {
            if (!_writable)
            {
                _writable = true;
                _initialized = false;
            }
        }
        finally
        {
            _initialization.Release();
        }

        await using var connection = await OpenAsync(cancellationToken);
    }

    /// <summary>
    /// Starts a new, empty index for <c>qabot ingest --rebuild</c>: a file that fails the start-up check
    /// (damaged, foreign, too new) is moved aside with its journal, so nothing is lost; a sound one is deleted
    /// (the corpus rebuilds it).
    /// </summary>
    public async Task<IndexReset> ResetAsync(TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        await _initialization.WaitAsync(cancellationToken);
        try
        {
            _connections.ClearPools();
            _initialized = false;
            _writable = true;
            _immutable = false;
            MarkChanged();
            if (!File.Exists(DatabasePath))
            {
                return new IndexReset(DatabasePath, null, null);
            }

            if (WriteAccess.IsDenied(DatabasePath))
            {
                throw SqliteIndexException.ReadOnly(DatabasePath);
            }

            var problem = await ProbeAsync(cancellationToken);
            var files = SqliteConnectionStrings.FilesOf(DatabasePath).Where(File.Exists).ToList();
            try
            {
                if (problem is null)
                {
                    files.ForEach(File.Delete);
                    return new IndexReset(DatabasePath, null, null);
                }

                var aside = DatabasePath + ".broken-" + timeProvider.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
                foreach (var file in files)
                {
                    File.Move(file, aside + file[DatabasePath.Length..]);
                }

                return new IndexReset(DatabasePath, aside, problem);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw SqliteIndexException.FolderNotWritable(Path.GetDirectoryName(DatabasePath)!, exception);
            }
        }
        finally
        {
            _initialization.Release();
        }
    }

    /// <summary>The start-up check on a connection of its own (not pooled): null when the file is sound.</summary>
    private async Task<SqliteIndexException?> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new SqliteConnection(_connections.Probe);
            await connection.OpenAsync(cancellationToken);
            await IndexFileCheck.CheckAsync(connection, DatabasePath, cancellationToken);
            return null;
        }
        catch (SqliteIndexException exception) when (exception.Problem is IndexProblem.Damaged or IndexProblem.Foreign or IndexProblem.TooNew)
        {
            return exception;
        }
        catch (SqliteException exception)
        {
            return SqliteIndexException.FromSqlite(exception, DatabasePath) ?? SqliteIndexException.Damaged(DatabasePath, exception.Message, exception);
        }
    }

    public async Task<IReadOnlyDictionary<string, ManifestEntry>> ReadManifestAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT source_path, content_hash, pipeline_version, chunk_count, ingested_at FROM documents";
        var manifest = new Dictionary<string, ManifestEntry>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var entry = new ManifestEntry(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
                DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture));
            manifest[entry.SourcePath] = entry;
        }

        return manifest;
    }

    public async Task ReplaceDocumentAsync(ManifestEntry entry, IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(chunks);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await DeleteDocumentAsync(connection, transaction, entry.SourcePath, cancellationToken);

        await using (var insertChunk = connection.CreateCommand())
        await using (var insertTerms = connection.CreateCommand())
        {
            insertChunk.Transaction = transaction;
            insertChunk.CommandText = """
                INSERT INTO chunks (chunk_uuid, source_path, chunk_index, title, section, date, start_line, end_line, start_column, end_column, heading_path, page, language, text)
                VALUES ($uuid, $source, $index, $title, $section, $date, $start, $end, $startColumn, $endColumn, $headings, $page, $language, $text)
                RETURNING id
                """;
            var uuid = insertChunk.Parameters.Add("$uuid", SqliteType.Blob);
            var source = insertChunk.Parameters.Add("$source", SqliteType.Text);
            var index = insertChunk.Parameters.Add("$index", SqliteType.Integer);
            var title = insertChunk.Parameters.Add("$title", SqliteType.Text);
            var section = insertChunk.Parameters.Add("$section", SqliteType.Text);
            var date = insertChunk.Parameters.Add("$date", SqliteType.Text);
            var start = insertChunk.Parameters.Add("$start", SqliteType.Integer);
            var end = insertChunk.Parameters.Add("$end", SqliteType.Integer);
            var startColumn = insertChunk.Parameters.Add("$startColumn", SqliteType.Integer);
            var endColumn = insertChunk.Parameters.Add("$endColumn", SqliteType.Integer);
            var headings = insertChunk.Parameters.Add("$headings", SqliteType.Text);
            var page = insertChunk.Parameters.Add("$page", SqliteType.Integer);
            var language = insertChunk.Parameters.Add("$language", SqliteType.Text);
            var text = insertChunk.Parameters.Add("$text", SqliteType.Text);

            insertTerms.Transaction = transaction;
            insertTerms.CommandText = "INSERT INTO chunk_terms (rowid, terms) VALUES ($id, $terms)";
            var termsId = insertTerms.Parameters.Add("$id", SqliteType.Integer);
            var terms = insertTerms.Parameters.Add("$terms", SqliteType.Text);

            foreach (var (chunk, chunkTerms) in chunks)
            {
                uuid.Value = chunk.Id.ToByteArray(bigEndian: true);
                source.Value = chunk.SourcePath;
                index.Value = chunk.Index;
                title.Value = chunk.Title;
                section.Value = (object?)chunk.Section ?? DBNull.Value;
                date.Value = chunk.Date is { } d ? d.ToString("O", CultureInfo.InvariantCulture) : DBNull.Value;
                start.Value = chunk.StartLine;
                end.Value = chunk.EndLine;
                startColumn.Value = chunk.StartColumn;
                endColumn.Value = chunk.EndColumn;
                headings.Value = string.Join(Schema.HeadingSeparator, chunk.HeadingPath);
                page.Value = chunk.Page;
                language.Value = chunk.Language;
                text.Value = chunk.Text;
                termsId.Value = (long)(await insertChunk.ExecuteScalarAsync(cancellationToken))!;
                terms.Value = string.Join(' ', chunkTerms);
                await insertTerms.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await using (var upsert = connection.CreateCommand())
        {
            upsert.Transaction = transaction;
            upsert.CommandText = """
                INSERT INTO documents (source_path, content_hash, pipeline_version, chunk_count, ingested_at)
                VALUES ($source, $hash, $version, $count, $at)
                """;
            upsert.Parameters.AddWithValue("$source", entry.SourcePath);
            upsert.Parameters.AddWithValue("$hash", entry.ContentHash);
            upsert.Parameters.AddWithValue("$version", entry.PipelineVersion);
            upsert.Parameters.AddWithValue("$count", chunks.Count);
            upsert.Parameters.AddWithValue("$at", entry.IngestedAt.ToString("O", CultureInfo.InvariantCulture));
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        MarkChanged();
        _afterCommit?.Invoke(IndexCommitPoint.DocumentReplaced);
    }

    public async Task UpdateManifestEntryAsync(ManifestEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await OpenAsync(cancellationToken);
        await using var update = connection.CreateCommand();
        update.CommandText = """
            UPDATE documents SET content_hash = $hash, pipeline_version = $version, chunk_count = $count, ingested_at = $at
            WHERE source_path = $source
            """;
        update.Parameters.AddWithValue("$source", entry.SourcePath);
        update.Parameters.AddWithValue("$hash", entry.ContentHash);
        update.Parameters.AddWithValue("$version", entry.PipelineVersion);
        update.Parameters.AddWithValue("$count", entry.ChunkCount);
        update.Parameters.AddWithValue("$at", entry.IngestedAt.ToString("O", CultureInfo.InvariantCulture));
        if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw new InvalidOperationException($"'{entry.SourcePath}' is not in the index; write it with ReplaceDocumentAsync first.");
        }

        _afterCommit?.Invoke(IndexCommitPoint.ManifestEntryUpdated);
    }

    public async Task RemoveDocumentAsync(string sourcePath, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await DeleteDocumentAsync(connection, transaction, sourcePath, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        MarkChanged();
        _afterCommit?.Invoke(IndexCommitPoint.DocumentRemoved);
    }

    public async Task<IReadOnlyList<LexicalHit>> SearchLexicalAsync(IReadOnlyList<string> terms, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var match = FtsQuery.AnyOf(terms);
        if (match.Length == 0 || limit <= 0)
        {
            return [];
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // bm25() is lower-is-better; the hit score is its negation so that higher is better everywhere else.
        command.CommandText = """
            SELECT c.chunk_uuid, -t.score FROM (
                SELECT rowid, bm25(chunk_terms) AS score FROM chunk_terms WHERE chunk_terms MATCH $match ORDER BY score LIMIT $limit
            ) AS t JOIN chunks AS c ON c.id = t.rowid
            ORDER BY t.score, c.id
            """;
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$limit", limit);
        var hits = new List<LexicalHit>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hits.Add(new LexicalHit(new Guid((byte[])reader.GetValue(0), bigEndian: true), reader.GetDouble(1)));
        }

        return hits;
    }

    public async Task<IReadOnlyList<Chunk>> GetChunksAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return [];
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var names = new List<string>(ids.Count);
        foreach (var id in ids)
        {
            var name = "$p" + names.Count.ToString(CultureInfo.InvariantCulture);
            names.Add(name);
            command.Parameters.AddWithValue(name, id.ToByteArray(bigEndian: true));
        }

        command.CommandText = $"""
            SELECT source_path, chunk_index, title, section, date, start_line, end_line, language, text, start_column, end_column, heading_path, page
            FROM chunks WHERE chunk_uuid IN ({string.Join(", ", names)})
            """;
        var chunks = new List<Chunk>(ids.Count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            chunks.Add(new Chunk(
                reader.GetString(0),
                reader.GetInt32(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture),
                reader.GetInt32(5),
                reader.GetInt32(6),
                reader.GetString(7),
                reader.GetString(8))
            {
                StartColumn = reader.GetInt32(9),
                EndColumn = reader.GetInt32(10),
                HeadingPath = reader.GetString(11) is { Length: > 0 } path ? path.Split(Schema.HeadingSeparator) : [],
                Page = reader.GetInt32(12),
            });
        }

        return chunks;
    }

    public async Task<IReadOnlyList<VocabularyTerm>> ReadVocabularyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT term, doc FROM chunk_vocabulary";
        var terms = new List<VocabularyTerm>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            terms.Add(new VocabularyTerm(reader.GetString(0), reader.GetInt32(1)));
        }

        return terms;
    }

    public async Task<IReadOnlyDictionary<string, int>> GetChunkFrequenciesAsync(IReadOnlyCollection<string> terms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var frequencies = terms.Distinct(StringComparer.Ordinal).ToDictionary(t => t, _ => 0, StringComparer.Ordinal);
        if (frequencies.Count == 0)
        {
            return frequencies;
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT doc FROM chunk_vocabulary WHERE term = $term";
        var parameter = command.Parameters.Add("$term", SqliteType.Text);
        foreach (var term in frequencies.Keys.ToList())
        {
            parameter.Value = term;
            frequencies[term] = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken) ?? 0, CultureInfo.InvariantCulture);
        }

        return frequencies;
    }

    /// <summary>
    /// The counts are cached until the next write through this instance: retrieval asks for the chunk count on
    /// every question, and COUNT(*) plus GROUP BY over the chunks cost milliseconds at 100k chunks. A write by
    /// another process is seen after a restart, as with the translation table.
    /// </summary>
    public async Task<IndexStatistics> GetStatisticsAsync(CancellationToken cancellationToken)
    {
        var version = WriteVersion;
        if (_statistics is { } cached && cached.Version == version)
        {
            return cached.Statistics;
        }

        var statistics = await ReadStatisticsAsync(cancellationToken);
        _statistics = (version, statistics);
        return statistics;
    }

    private async Task<IndexStatistics> ReadStatisticsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM chunks),
                   (SELECT page_count FROM pragma_page_count()) * (SELECT page_size FROM pragma_page_size());
            SELECT language, COUNT(*) FROM chunks GROUP BY language ORDER BY language;
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var documents = reader.GetInt32(0);
        var chunks = reader.GetInt32(1);
        var size = reader.GetInt64(2);
        await reader.NextResultAsync(cancellationToken);
        var byLanguage = new Dictionary<string, int>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            byLanguage[reader.GetString(0)] = reader.GetInt32(1);
        }

        return new IndexStatistics(documents, chunks, byLanguage, size);
    }

    public async Task<byte[]?> ReadBlobAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT content FROM blobs WHERE name = $name";
        command.Parameters.AddWithValue("$name", name);
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    public async Task WriteBlobAsync(string name, byte[] content, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO blobs (name, content) VALUES ($name, $content) ON CONFLICT (name) DO UPDATE SET content = excluded.content";
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$content", content);
        await command.ExecuteNonQueryAsync(cancellationToken);
        MarkChanged();
        _afterCommit?.Invoke(IndexCommitPoint.BlobWritten);
    }

    private static async Task DeleteDocumentAsync(SqliteConnection connection, SqliteTransaction transaction, string sourcePath, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            DELETE FROM chunk_terms WHERE rowid IN (SELECT id FROM chunks WHERE source_path = $source);
            DELETE FROM chunks WHERE source_path = $source;
            DELETE FROM documents WHERE source_path = $source;
            """;
        command.Parameters.AddWithValue("$source", sourcePath);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_initialized)
        {
            await InitializeAsync(cancellationToken);
        }

        var connection = new SqliteConnection(_writable ? _connections.ReadWrite : _immutable ? _connections.Immutable : _connections.ReadOnly);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using (var pragmas = connection.CreateCommand())
            {
                // A 32 MB page cache per connection (the default is 2 MB): at 100k chunks the FTS5 segments and
                // the chunk_uuid index outgrow 2 MB, and every ingest write and search would go back to the file.
                // These settings belong to the connection; none writes to the file.
                pragmas.CommandText = "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32768;";
                await pragmas.ExecuteNonQueryAsync(cancellationToken);
            }

            return connection;
        }
        catch (SqliteException exception) when (SqliteIndexException.FromSqlite(exception, DatabasePath) is { } translated)
        {
            await connection.DisposeAsync();
            throw translated;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Once per instance (and again after <see cref="EnableWritesAsync"/>): an existing file is checked
    /// (<see cref="IndexFileCheck"/>). Read-only, that is all: nothing is written, so the index works on a
    /// read-only volume. For writing, the folder and file are created, the journal switched to WAL and the
    /// schema created; an older schema is emptied for the next ingest to refill.
    /// </summary>
    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _initialization.WaitAsync(cancellationToken);
        try
        {
            if (_initialized)
            {
                return;
            }

            var state = File.Exists(DatabasePath) ? await CheckExistingAsync(cancellationToken) : IndexFileState.Empty;
            if (!_writable && state != IndexFileState.Current)
            {
                // No index yet (or one to empty): there is nothing to protect from writes, and reads need the tables.
                _writable = true;
            }

            if (_writable)
            {
                await PrepareForWritesAsync(state, cancellationToken);
            }

            _initialized = true;
        }
        finally
        {
            _initialization.Release();
        }
    }

    private async Task<IndexFileState> CheckExistingAsync(CancellationToken cancellationToken)
    {
        if (_writable)
        {
            try
            {
                await using var connection = new SqliteConnection(_connections.ReadWrite);
                await OpenRawAsync(connection, cancellationToken);
                return await IndexFileCheck.CheckAsync(connection, DatabasePath, cancellationToken);
            }
            catch (SqliteIndexException exception) when (exception.Problem == IndexProblem.Unavailable && WriteAccess.IsDenied(DatabasePath))
            {
                throw SqliteIndexException.ReadOnly(DatabasePath, exception);
            }
        }

        try
        {
            await using var connection = new SqliteConnection(_connections.ReadOnly);
            await OpenRawAsync(connection, cancellationToken);
            return await IndexFileCheck.CheckAsync(connection, DatabasePath, cancellationToken);
        }
        catch (SqliteIndexException exception) when (exception.Problem is IndexProblem.ReadOnly or IndexProblem.Unavailable)
        {
            // A WAL index in a folder that cannot be written: SQLite cannot create the shared-memory file a
            // reader needs. The file is opened as immutable instead (no locks, no shared memory), which is
            // right for a read-only volume, where no one can write it.
            _immutable = true;
            await using var connection = new SqliteConnection(_connections.Immutable);
            await OpenRawAsync(connection, cancellationToken);
            return await IndexFileCheck.CheckAsync(connection, DatabasePath, cancellationToken);
        }
    }

    private async Task OpenRawAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (SqliteException exception) when (SqliteIndexException.FromSqlite(exception, DatabasePath) is { } translated)
        {
            throw translated;
        }
    }

    private async Task PrepareForWritesAsync(IndexFileState state, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(DatabasePath)!;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw SqliteIndexException.FolderNotWritable(folder, exception);
        }

        try
        {
            await using var connection = new SqliteConnection(_connections.ReadWrite);
            await connection.OpenAsync(cancellationToken);
            await ExecuteAsync(connection, "PRAGMA journal_mode = WAL;", cancellationToken);
            if (state == IndexFileState.Older)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT value FROM meta WHERE key = 'schema_version'";
                LogSchemaRebuilt(DatabasePath, await command.ExecuteScalarAsync(cancellationToken) as string ?? "?", Schema.Version.ToString(CultureInfo.InvariantCulture));
                // An index written by another schema version cannot be trusted: start empty, the next ingest refills it.
                await ExecuteAsync(connection, "DROP TABLE IF EXISTS chunk_vocabulary; DROP TABLE IF EXISTS chunk_terms; DROP TABLE IF EXISTS vectors; DROP TABLE IF EXISTS chunks; DROP TABLE IF EXISTS documents; DROP TABLE IF EXISTS blobs;", cancellationToken);
            }

            // The version is written on every writable start: it is the one write that fails at once on a
            // read-only file, so a read-only index is reported here and not halfway through an ingest.
            var current = Schema.Version.ToString(CultureInfo.InvariantCulture);
            await ExecuteAsync(connection, Schema.Create + $"INSERT INTO meta (key, value) VALUES ('schema_version', '{current}') ON CONFLICT (key) DO UPDATE SET value = excluded.value;", cancellationToken);
        }
        catch (SqliteException exception) when ((exception.SqliteErrorCode & 0xFF) == 14 && !File.Exists(DatabasePath))
        {
            throw SqliteIndexException.FolderNotWritable(folder, exception);
        }
        catch (SqliteException exception) when ((exception.SqliteErrorCode & 0xFF) == 14 && WriteAccess.IsDenied(DatabasePath))
        {
            throw SqliteIndexException.ReadOnly(DatabasePath, exception);
        }
        catch (SqliteException exception) when (SqliteIndexException.FromSqlite(exception, DatabasePath) is { } translated)
        {
            throw translated;
        }
    }

    [LoggerMessage(EventId = 1501, Level = LogLevel.Warning, Message = "Index {Path} was written with schema version {Found}; this build uses {Expected}. It is emptied and the next ingest rebuilds it.")]
    private partial void LogSchemaRebuilt(string path, string found, string expected);

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>Builds FTS5 MATCH expressions from analyzed terms.</summary>
internal static class FtsQuery
{
    /// <summary>"a" OR "b" OR ...: every term quoted, so no term is read as FTS5 syntax.</summary>
    public static string AnyOf(IEnumerable<string> terms)
    {
        var builder = new StringBuilder();
        foreach (var term in terms.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.Ordinal))
        {
            if (builder.Length > 0)
            {
                builder.Append(" OR ");
            }

            builder.Append('"').Append(term.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }

        return builder.ToString();
    }
}
