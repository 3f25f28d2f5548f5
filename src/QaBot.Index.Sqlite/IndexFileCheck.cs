using System.Globalization;
using Microsoft.Data.Sqlite;
using QaBot.Core;

namespace QaBot.Index.Sqlite;

/// <summary>What an existing index file holds, as far as opening it is concerned.</summary>
internal enum IndexFileState
{
    /// <summary>A SQLite file without tables (new or zero bytes): the schema is created on first write.</summary>
    Empty,

    /// <summary>A QaBot index of this build's schema.</summary>
    Current,

    /// <summary>A QaBot index of an older schema: emptied when opened for writing, refilled by the next ingest.</summary>
    Older,
}

/// <summary>
/// The start-up check of an existing index: SQLite's <c>quick_check</c> (every page of every b-tree is read
/// once, linear in the file size) and the schema version in <c>meta</c>. It only reads, so it runs on a
/// read-only connection too. A damaged, foreign or too-new file is a <see cref="SqliteIndexException"/>.
/// </summary>
internal static class IndexFileCheck
{
    private const int DetailLength = 160;

    public static async Task<IndexFileState> CheckAsync(SqliteConnection connection, string path, CancellationToken cancellationToken)
    {
        try
        {
            await using (var check = connection.CreateCommand())
            {
                // The first problem is enough to say the file is damaged; SQLite would list up to 100.
                check.CommandText = "PRAGMA quick_check(1)";
                var result = await check.ExecuteScalarAsync(cancellationToken) as string;
                if (!string.Equals(result, "ok", StringComparison.Ordinal))
                {
                    throw SqliteIndexException.Damaged(path, "integrity check: " + Shorten((result ?? "no result").Replace("*** in database main ***", string.Empty, StringComparison.Ordinal).Trim()));
                }
            }

            var tables = await ReadTablesAsync(connection, cancellationToken);
            if (tables.Count == 0)
            {
                return IndexFileState.Empty;
            }

            if (!tables.Contains("meta"))
            {
                throw SqliteIndexException.Foreign(path, $"a SQLite database without QaBot's meta table; it has {Shorten(string.Join(", ", tables.Order(StringComparer.Ordinal).Take(5)))}");
            }

            await using var version = connection.CreateCommand();
            version.CommandText = "SELECT value FROM meta WHERE key = 'schema_version'";
            var found = await version.ExecuteScalarAsync(cancellationToken) as string;
            if (!int.TryParse(found, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                throw SqliteIndexException.Foreign(path, found is null ? "its meta table has no schema_version" : $"schema_version '{Shorten(found)}' is not a number");
            }

            if (number == Schema.Version && Schema.Tables.Where(t => !tables.Contains(t)).ToList() is { Count: > 0 } missing)
            {
                throw SqliteIndexException.Damaged(path, "tables missing: " + string.Join(", ", missing));
            }

            return number == Schema.Version ? IndexFileState.Current
                : number < Schema.Version ? IndexFileState.Older
                : throw SqliteIndexException.TooNew(path, found!);
        }
        catch (SqliteException exception) when (SqliteIndexException.FromSqlite(exception, path) is { } translated)
        {
            throw translated;
        }
    }

    private static async Task<HashSet<string>> ReadTablesAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        var tables = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    /// <summary>Text from the file goes into a one-line message: control characters escaped, length bounded.</summary>
    private static string Shorten(string text)
    {
        var escaped = DisplayText.Escape(text);
        return escaped.Length <= DetailLength ? escaped : escaped[..DetailLength] + "…";
    }
}
