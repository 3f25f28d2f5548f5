using Microsoft.Data.Sqlite;

namespace QaBot.Index.Sqlite;

/// <summary>The ways the index file is opened: for writing, read-only, immutable (a read-only volume) and for a one-off probe.</summary>
internal sealed class SqliteConnectionStrings
{
    public SqliteConnectionStrings(string databasePath)
    {
        ReadWrite = Build(databasePath, SqliteOpenMode.ReadWriteCreate, pooling: true);
        ReadOnly = Build(databasePath, SqliteOpenMode.ReadOnly, pooling: true);
        // A URI file name (escaped by Uri) carries the immutable flag: SQLite then takes no locks and needs no -shm file.
        Immutable = Build(new Uri(databasePath).AbsoluteUri + "?immutable=1", SqliteOpenMode.ReadOnly, pooling: true);
        Probe = Build(databasePath, SqliteOpenMode.ReadOnly, pooling: false);
    }

    public string ReadWrite { get; }

    public string ReadOnly { get; }

    public string Immutable { get; }

    public string Probe { get; }

    /// <summary>The index file and the journal files SQLite keeps beside it.</summary>
    public static IEnumerable<string> FilesOf(string databasePath) => [databasePath, databasePath + "-wal", databasePath + "-shm", databasePath + "-journal"];

    public void ClearPools()
    {
        foreach (var connectionString in new[] { ReadWrite, ReadOnly, Immutable })
        {
            using var connection = new SqliteConnection(connectionString);
            SqliteConnection.ClearPool(connection);
        }
    }

    private static string Build(string dataSource, SqliteOpenMode mode, bool pooling) => new SqliteConnectionStringBuilder
    {
        DataSource = dataSource,
        Mode = mode,
        Pooling = pooling,
        DefaultTimeout = 30,
    }.ToString();
}
