namespace QaBot.Index.Sqlite;

/// <summary>
/// The embedded index's tables. Bump <see cref="Version"/> when they change; an older file is emptied and the
/// next ingest refills it (version 2: chunk columns, heading path and page).
/// </summary>
internal static class Schema
{
    public const int Version = 2;

    /// <summary>
    /// The tables every index of this version has (the start-up check looks for them). <c>ingest_progress</c>, added
    /// later, is not among them: it is created by the next writable start, and a reader takes its absence as no record.
    /// </summary>
    public static readonly string[] Tables = ["meta", "documents", "chunks", "chunk_terms", "vectors", "blobs"];

    /// <summary>Separates the headings of a stored heading path (a control character no heading contains).</summary>
    public const char HeadingSeparator = '\u001F';

    // Terms are stored already analyzed, space-separated; FTS5 only splits on spaces ('.' kept for decimals)
    // and ranks with BM25. The table is contentless: the readable text lives in `chunks`.
    public const string Create = """
        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS documents (
            source_path TEXT PRIMARY KEY,
            content_hash TEXT NOT NULL,
            pipeline_version TEXT NOT NULL,
            chunk_count INTEGER NOT NULL,
            ingested_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS chunks (
            id INTEGER PRIMARY KEY,
            chunk_uuid BLOB NOT NULL UNIQUE,
            source_path TEXT NOT NULL,
            chunk_index INTEGER NOT NULL,
            title TEXT NOT NULL,
            section TEXT,
            date TEXT,
            start_line INTEGER NOT NULL,
            end_line INTEGER NOT NULL,
            start_column INTEGER NOT NULL DEFAULT 1,
            end_column INTEGER NOT NULL DEFAULT 0,
            heading_path TEXT NOT NULL DEFAULT '',
            page INTEGER NOT NULL DEFAULT 0,
            language TEXT NOT NULL,
            text TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS chunks_by_source ON chunks (source_path);
        CREATE VIRTUAL TABLE IF NOT EXISTS chunk_terms USING fts5 (
            terms, content = '', contentless_delete = 1, tokenize = "unicode61 remove_diacritics 0 tokenchars '.'");
        CREATE VIRTUAL TABLE IF NOT EXISTS chunk_vocabulary USING fts5vocab (chunk_terms, 'row');
        CREATE TABLE IF NOT EXISTS vectors (
            chunk_id INTEGER PRIMARY KEY REFERENCES chunks (id) ON DELETE CASCADE,
            model_id TEXT NOT NULL,
            dimensions INTEGER NOT NULL,
            vector BLOB NOT NULL);
        CREATE TABLE IF NOT EXISTS blobs (name TEXT PRIMARY KEY, content BLOB NOT NULL);
        CREATE TABLE IF NOT EXISTS ingest_progress (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            owner TEXT NOT NULL,
            status TEXT NOT NULL,
            files_done INTEGER NOT NULL,
            files_total INTEGER NOT NULL,
            from_empty INTEGER NOT NULL,
            started_at TEXT NOT NULL,
            heartbeat_at TEXT NOT NULL,
            failure TEXT);
        """;
}
