namespace QaBot.Core;

/// <summary>One hit of a dense (vector) search: the chunk and its dot product with the query.</summary>
public sealed record VectorHit(Guid ChunkId, float Score);

/// <summary>A chunk's embedding, as the ingest job hands it to the index.</summary>
public sealed record ChunkVector(Guid ChunkId, ReadOnlyMemory<float> Vector);

/// <summary>
/// The embedding model that made a set of vectors. Vectors of two models are never compared: an index holds
/// the vectors of one model at a time and says which.
/// </summary>
/// <param name="ModelId">A stable name of the model and its settings that change vectors (for example <c>onnx:multilingual-e5-small;mean;512</c>).</param>
/// <param name="Dimensions">The length of every vector the model makes.</param>
public sealed record EmbeddingModelInfo(string ModelId, int Dimensions)
{
    public override string ToString() => $"{ModelId} ({Dimensions} dimensions)";
}

/// <summary>The index holds vectors of another model than the one configured.</summary>
public sealed class EmbeddingModelMismatchException(EmbeddingModelInfo stored, EmbeddingModelInfo configured)
    : InvalidOperationException($"The index holds vectors of {stored}, but the configured embedding model is {configured}. Run 'qabot ingest' to re-embed the collection with the configured model.")
{
    public EmbeddingModelInfo Stored { get; } = stored;

    public EmbeddingModelInfo Configured { get; } = configured;
}

/// <summary>
/// Dense vectors of the indexed chunks and nearest-neighbour search over them. Vectors are expected to be
/// unit length, so the dot product is the cosine similarity.
/// </summary>
public interface IVectorIndex
{
    /// <summary>The model whose vectors the index holds, or null when it holds none.</summary>
    Task<EmbeddingModelInfo?> ReadModelAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores (or replaces) the vectors of chunks that are already in the index.
    /// </summary>
    /// <exception cref="EmbeddingModelMismatchException">The index holds vectors of another model; call <see cref="ClearVectorsAsync"/> first.</exception>
    Task UpsertVectorsAsync(EmbeddingModelInfo model, IReadOnlyList<ChunkVector> vectors, CancellationToken cancellationToken);

    /// <summary>Removes every vector and the model record (before re-embedding with another model).</summary>
    Task ClearVectorsAsync(CancellationToken cancellationToken);

    /// <summary>The <paramref name="limit"/> chunks whose vectors have the highest dot product with <paramref name="query"/>, best first.</summary>
    Task<IReadOnlyList<VectorHit>> SearchAsync(ReadOnlyMemory<float> query, int limit, CancellationToken cancellationToken);
}

/// <summary>
/// An index that runs the lexical and the dense search of a question as one request and fuses them itself
/// (Qdrant's Query API: a prefetch per leg, fused by reciprocal rank on the server), instead of the retriever
/// fusing two separate result lists.
/// </summary>
public interface IHybridSearchIndex
{
    /// <summary>
    /// The best <paramref name="limit"/> chunks of the fused lexical (<paramref name="terms"/>) and dense
    /// (<paramref name="queryVector"/>) searches, best first, with their fused scores.
    /// </summary>
    /// <exception cref="EmbeddingModelMismatchException">The stored vectors were made by another model than <paramref name="model"/>.</exception>
    Task<IReadOnlyList<LexicalHit>> SearchHybridAsync(IReadOnlyList<string> terms, ReadOnlyMemory<float> queryVector, EmbeddingModelInfo model, int limit, CancellationToken cancellationToken);
}
