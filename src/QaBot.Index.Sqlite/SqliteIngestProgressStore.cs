using System.Globalization;
using Microsoft.Data.Sqlite;
using QaBot.Core;

namespace QaBot.Index.Sqlite;

/// <summary>
/// The ingest's record in the embedded index: one row of <c>ingest_progress</c>, written on a connection of its own
/// between the document transactions. It is not a document write, so caches of the index are kept.
/// </summary>
public sealed class SqliteIngestProgressStore(SqliteChunkIndex index) : IIngestProgressStore
{
    private const int NoSuchTable = 1;

    public async Task WriteAsync(IngestRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using var connection = await index.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO ingest_progress (id, owner, status, files_done, files_total, from_empty, started_at, heartbeat_at, failure)
            VALUES (1, $owner, $status, $done, $total, $fromEmpty, $started, $heartbeat, $failure)
            ON CONFLICT (id) DO UPDATE SET owner = excluded.owner, status = excluded.status, files_done = excluded.files_done,
                files_total = excluded.files_total, from_empty = excluded.from_empty, started_at = excluded.started_at,
                heartbeat_at = excluded.heartbeat_at, failure = excluded.failure
            """;
        command.Parameters.AddWithValue("$owner", run.Owner);
        command.Parameters.AddWithValue("$status", run.Status.ToString());
        command.Parameters.AddWithValue("$done", run.FilesDone);
        command.Parameters.AddWithValue("$total", run.FilesTotal);
        command.Parameters.AddWithValue("$fromEmpty", run.FromEmpty ? 1 : 0);
        command.Parameters.AddWithValue("$started", Format(run.StartedAt));
        command.Parameters.AddWithValue("$heartbeat", Format(run.HeartbeatAt));
        command.Parameters.AddWithValue("$failure", (object?)run.Failure ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IngestRun?> ReadLatestAsync(CancellationToken cancellationToken)
    {
        await using var connection = await index.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT owner, status, files_done, files_total, from_empty, started_at, heartbeat_at, failure FROM ingest_progress WHERE id = 1";
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            return new IngestRun(
                reader.GetString(0),
                Enum.TryParse<IngestRunStatus>(reader.GetString(1), out var status) ? status : IngestRunStatus.Interrupted,
                reader.GetInt32(2),
                reader.GetInt32(3),
                reader.GetInt64(4) != 0,
                Parse(reader.GetString(5)),
                Parse(reader.GetString(6)),
                reader.IsDBNull(7) ? null : reader.GetString(7));
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == NoSuchTable && exception.Message.Contains("no such table", StringComparison.Ordinal))
        {
            // An index last opened for writing by a QaBot without progress records (or read-only since).
            return null;
        }
    }

    private static string Format(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
