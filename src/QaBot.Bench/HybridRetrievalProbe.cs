using QaBot.Core;
using QaBot.Retrieval;

namespace QaBot.Bench;

/// <summary>
/// Dense and hybrid retrieval as the embeddings issue will wire them, for measuring the index: a dense
/// leg over the vector index and its fusion with the lexical retriever's ranking by reciprocal rank.
/// </summary>
public sealed class HybridRetrievalProbe(IRetriever lexical, IVectorIndex vectors, IChunkIndex chunks, int rrfK)
{
    public const int DenseCandidates = 50;

    public const int LexicalCandidates = 30;

    /// <summary>The nearest chunks to the query vector, read from the index.</summary>
    public async Task<IReadOnlyList<Chunk>> DenseAsync(ReadOnlyMemory<float> queryVector, int limit, CancellationToken cancellationToken)
    {
        var hits = await vectors.SearchAsync(queryVector, limit, cancellationToken);
        return await chunks.GetChunksAsync(hits.Select(h => h.ChunkId).ToList(), cancellationToken);
    }

    /// <summary>The lexical ranking and the dense one fused by reciprocal rank; the best <paramref name="limit"/> chunk ids.</summary>
    public async Task<IReadOnlyList<Guid>> HybridAsync(string question, ReadOnlyMemory<float> queryVector, int limit, CancellationToken cancellationToken)
    {
        var lexicalTask = lexical.RetrieveAsync(new RetrievalRequest(question, LexicalCandidates), cancellationToken);
        var denseHits = await vectors.SearchAsync(queryVector, DenseCandidates, cancellationToken);
        var lexicalResult = await lexicalTask;
        var fused = ReciprocalRankFusion.Fuse(
            [
                new RankedList<Guid>("lexical", 1.0, lexicalResult.Passages.Select(p => (p.Chunk.Id, p.Score)).ToList()),
                new RankedList<Guid>("dense", 1.0, denseHits.Select(h => (h.ChunkId, (double)h.Score)).ToList()),
            ],
            rrfK);
        var top = fused.Take(limit).Select(f => f.Item).ToList();
        // The lexical passages are already read; only dense-only winners need the index.
        var missing = top.Where(id => lexicalResult.Passages.All(p => p.Chunk.Id != id)).ToList();
        if (missing.Count > 0)
        {
            await chunks.GetChunksAsync(missing, cancellationToken);
        }

        return top;
    }
}
