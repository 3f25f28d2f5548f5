using Microsoft.Extensions.AI;
using QaBot.Core;

namespace QaBot.Embeddings;

/// <summary>
/// QaBot's <see cref="ITextEmbedder"/> over any Microsoft.Extensions.AI embedding generator: adds the model's
/// query and passage prefixes (the e5 family is trained with <c>"query: "</c> and <c>"passage: "</c>) and
/// refuses vectors of another length than the model's, so a wrong setting never reaches the index.
/// </summary>
/// <param name="normalize">Scale vectors to unit length here (for services that may not; the ONNX generator already does).</param>
public sealed class TextEmbedder(IEmbeddingGenerator<string, Embedding<float>> generator, EmbeddingModelInfo model, string queryPrefix, string passagePrefix, bool normalize = false) : ITextEmbedder
{
    public EmbeddingModelInfo Model { get; } = model;

    public async Task<IReadOnlyList<ReadOnlyMemory<float>>> EmbedPassagesAsync(IReadOnlyList<string> passages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(passages);
        if (passages.Count == 0)
        {
            return [];
        }

        var embeddings = await generator.GenerateAsync(passages.Select(p => passagePrefix + p), cancellationToken: cancellationToken);
        if (embeddings.Count != passages.Count)
        {
            throw new EmbeddingServiceException($"The embedding model {Model.ModelId} returned {embeddings.Count} vectors for {passages.Count} passages.");
        }

        return embeddings.Select(e => Checked(e.Vector)).ToList();
    }

    public async Task<ReadOnlyMemory<float>> EmbedQueryAsync(string query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var embeddings = await generator.GenerateAsync([queryPrefix + query], cancellationToken: cancellationToken);
        return embeddings.Count == 1
            ? Checked(embeddings[0].Vector)
            : throw new EmbeddingServiceException($"The embedding model {Model.ModelId} returned {embeddings.Count} vectors for one query.");
    }

    private ReadOnlyMemory<float> Checked(ReadOnlyMemory<float> vector)
    {
        if (vector.Length != Model.Dimensions)
        {
            throw Mismatch(vector.Length);
        }

        if (!normalize)
        {
            return vector;
        }

        var copy = vector.ToArray();
        TokenPooling.Normalize(copy);
        return copy;
    }

    private EmbeddingServiceException Mismatch(int length) => new EmbeddingServiceException($"The embedding model {Model.ModelId} returned a vector of {length} dimensions, but {Model.Dimensions} are configured (Embeddings:Dimensions). Set Embeddings:Dimensions={length} and run 'qabot ingest' to re-embed.");
}
