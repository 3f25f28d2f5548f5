namespace QaBot.Index.Sqlite;

/// <summary>Where the embedded index lives.</summary>
public sealed class SqliteIndexOptions
{
    /// <summary>File name of the index inside the data folder (<c>Data:Path</c>).</summary>
    public const string FileName = "index.db";

    /// <summary>Full path of the SQLite file.</summary>
    public required string DatabasePath { get; init; }

    /// <summary>
    /// Open an existing index read-only: nothing is written at start, so it works on a read-only volume or
    /// file. A missing, empty or older-schema index is opened for writing (it has to be created or refilled),
    /// and so is one after <see cref="SqliteChunkIndex.EnableWritesAsync"/>.
    /// </summary>
    public bool ReadOnly { get; init; }

    /// <summary>
    /// Called right after each commit, with what was committed. A fault-injection seam: a test that throws here
    /// stops the process's work exactly as a crash after that commit would. Null (nothing called) in production.
    /// </summary>
    public Action<IndexCommitPoint>? AfterCommit { get; init; }
}
