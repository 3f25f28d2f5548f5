namespace QaBot.Index.Sqlite;

/// <summary>Where the embedded index lives.</summary>
public sealed class SqliteIndexOptions
{
    /// <summary>File name of the index inside the data folder (<c>Data:Path</c>).</summary>
    public const string FileName = "index.db";

    /// <summary>Full path of the SQLite file.</summary>
    public required string DatabasePath { get; init; }
}
