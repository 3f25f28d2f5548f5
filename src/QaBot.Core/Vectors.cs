namespace QaBot.Core;

/// <summary>One hit of a dense (vector) search: the chunk and its dot product with the query.</summary>
public sealed record VectorHit(Guid ChunkId, float Score);

/// <summary>A chunk's embedding, as the ingest job hands it to the index.</summary>
public sealed record ChunkVector(Guid ChunkId, ReadOnlyMemory<float> Vector);

/// <summary>
/// Dense vectors of the indexed chunks and nearest-neighbour search over them. Vectors are expected to be
/// unit length, so the dot product is the cosine similarity.
/// </summary>
public interface IVectorIndex
{
    /// <summary>Stores (or replaces) the vectors of chunks that are already in the index.</summary>
    Task UpsertVectorsAsync(string modelId, IReadOnlyList<ChunkVector> vectors, CancellationToken cancellationToken);

    /// <summary>The <paramref name="limit"/> chunks whose vectors have the highest dot product with <paramref name="query"/>, best first.</summary>
    Task<IReadOnlyList<VectorHit>> SearchAsync(ReadOnlyMemory<float> query, int limit, CancellationToken cancellationToken);
}
