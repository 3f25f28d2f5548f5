using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using QaBot.Core;

namespace QaBot.Index.Sqlite;

/// <summary>
/// Dense vectors in the embedded index's <c>vectors</c> table, searched exactly in memory: the table is read
/// once into an <see cref="ExactVectorScan"/> and read again after any write to the index.
/// </summary>
public sealed class SqliteVectorIndex(SqliteChunkIndex index) : IVectorIndex, IDisposable
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private (long Version, ExactVectorScan Scan)? _scan;

    public async Task<EmbeddingModelInfo?> ReadModelAsync(CancellationToken cancellationToken)
    {
        await using var connection = await index.OpenAsync(cancellationToken);
        return await ReadModelAsync(connection, null, cancellationToken);
    }

    public async Task UpsertVectorsAsync(EmbeddingModelInfo model, IReadOnlyList<ChunkVector> vectors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(vectors);
        if (vectors.FirstOrDefault(v => v.Vector.Length != model.Dimensions) is { } wrong)
        {
            throw new ArgumentException($"Vector of chunk {wrong.ChunkId} has {wrong.Vector.Length} dimensions; {model} makes {model.Dimensions}.", nameof(vectors));
        }

        await using var connection = await index.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var stored = await ReadModelAsync(connection, transaction, cancellationToken);
        if (stored is not null && stored != model)
        {
            throw new EmbeddingModelMismatchException(stored, model);
        }
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO vectors (chunk_id, model_id, dimensions, vector)
                SELECT id, $model, $dimensions, $vector FROM chunks WHERE chunk_uuid = $uuid
                ON CONFLICT (chunk_id) DO UPDATE SET model_id = excluded.model_id, dimensions = excluded.dimensions, vector = excluded.vector
                """;
            command.Parameters.AddWithValue("$model", model.ModelId);
            var dimensions = command.Parameters.Add("$dimensions", SqliteType.Integer);
            var vector = command.Parameters.Add("$vector", SqliteType.Blob);
            var uuid = command.Parameters.Add("$uuid", SqliteType.Blob);
            foreach (var item in vectors)
            {
                uuid.Value = item.ChunkId.ToByteArray(bigEndian: true);
                dimensions.Value = item.Vector.Length;
                vector.Value = MemoryMarshal.AsBytes(item.Vector.Span).ToArray();
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        index.MarkChanged();
    }

    public async Task ClearVectorsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await index.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM vectors";
        await command.ExecuteNonQueryAsync(cancellationToken);
        index.MarkChanged();
    }

    public async Task<IReadOnlyList<VectorHit>> SearchAsync(ReadOnlyMemory<float> query, int limit, CancellationToken cancellationToken)
    {
        var scan = await GetScanAsync(cancellationToken);
        return scan.Count == 0 ? [] : scan.Search(query.Span, limit);
    }

    public void Dispose() => _loading.Dispose();

    /// <summary>Vectors carry their model id and dimension count; all rows share one model (upserts refuse another).</summary>
    private static async Task<EmbeddingModelInfo?> ReadModelAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT model_id, dimensions FROM vectors LIMIT 1";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new EmbeddingModelInfo(reader.GetString(0), reader.GetInt32(1)) : null;
    }

    private async Task<ExactVectorScan> GetScanAsync(CancellationToken cancellationToken)
    {
        var version = index.WriteVersion;
        if (_scan is { } cached && cached.Version == version)
        {
            return cached.Scan;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_scan is { } again && again.Version == version)
            {
                return again.Scan;
            }

            var scan = await LoadAsync(cancellationToken);
            _scan = (version, scan);
            return scan;
        }
        finally
        {
            _loading.Release();
        }
    }

    private async Task<ExactVectorScan> LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await index.OpenAsync(cancellationToken);
        await using var count = connection.CreateCommand();
        // One model's vectors at a time: the most common dimension count wins (a model change re-embeds everything).
        count.CommandText = "SELECT dimensions, COUNT(*) AS n FROM vectors GROUP BY dimensions ORDER BY n DESC LIMIT 1";
        int dimensions;
        int rows;
        await using (var reader = await count.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return ExactVectorScan.Empty;
            }

            dimensions = reader.GetInt32(0);
            rows = reader.GetInt32(1);
        }

        var ids = new Guid[rows];
        var vectors = new float[(long)rows * dimensions];
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT c.chunk_uuid, v.vector FROM vectors AS v JOIN chunks AS c ON c.id = v.chunk_id WHERE v.dimensions = $dimensions ORDER BY v.chunk_id";
        select.Parameters.AddWithValue("$dimensions", dimensions);
        var row = 0;
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (row < rows && await reader.ReadAsync(cancellationToken))
            {
                ids[row] = new Guid((byte[])reader.GetValue(0), bigEndian: true);
                var bytes = (byte[])reader.GetValue(1);
                MemoryMarshal.Cast<byte, float>(bytes).CopyTo(vectors.AsSpan(row * dimensions, dimensions));
                row++;
            }
        }

        return row == rows ? new ExactVectorScan(ids, vectors, dimensions) : new ExactVectorScan(ids[..row], vectors[..(row * dimensions)], dimensions);
    }
}
