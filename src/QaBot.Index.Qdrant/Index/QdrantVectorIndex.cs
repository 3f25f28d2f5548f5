using QaBot.Core;
using Qdrant.Client.Grpc;

namespace QaBot.Index.Qdrant.Index;

/// <summary>
/// Dense vectors as the named vector <c>dense</c> of the chunk points. The model that made them is kept in the
/// collection's metadata point; vectors of another model are refused until the old ones are cleared.
/// </summary>
public sealed class QdrantVectorIndex(QdrantCollectionHandle collection) : IVectorIndex
{
    public Task<EmbeddingModelInfo?> ReadModelAsync(CancellationToken cancellationToken) => collection.RefreshStoredModelAsync(cancellationToken);

    public async Task UpsertVectorsAsync(EmbeddingModelInfo model, IReadOnlyList<ChunkVector> vectors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(vectors);
        if (vectors.FirstOrDefault(v => v.Vector.Length != model.Dimensions) is { } wrong)
        {
            throw new ArgumentException($"Vector of chunk {wrong.ChunkId} has {wrong.Vector.Length} dimensions; {model} makes {model.Dimensions}.", nameof(vectors));
        }

        await collection.EnsureAsync(cancellationToken);
        RequireDense(model.Dimensions);
        if (collection.StoredModel is { } stored && stored != model)
        {
            throw new EmbeddingModelMismatchException(stored, model);
        }

        if (collection.StoredModel is null)
        {
            // The model is recorded before its first vectors, so no vector is ever stored without its model.
            await collection.WriteModelAsync(model, cancellationToken);
        }

        var points = vectors.Select(v =>
        {
            var named = new NamedVectors();
            named.Vectors[CollectionLayout.DenseVector] = PointMessages.Dense(v.Vector);
            return new PointVectors { Id = PointMessages.Id(v.ChunkId), Vectors = new Vectors { Vectors_ = named } };
        }).ToList();
        await collection.Client.UpdateVectorsAsync(collection.Name, points, cancellationToken);
    }

    public async Task ClearVectorsAsync(CancellationToken cancellationToken)
    {
        await collection.EnsureAsync(cancellationToken);
        if (collection.DenseDimensions is not null)
        {
            await collection.Client.DeleteVectorsAsync(
                collection.Name, PointMessages.All(PointMessages.Equal(CollectionLayout.Kind, CollectionLayout.ChunkKind)), [CollectionLayout.DenseVector], cancellationToken);
        }

        await collection.WriteModelAsync(null, cancellationToken);
    }

    public async Task<IReadOnlyList<VectorHit>> SearchAsync(ReadOnlyMemory<float> query, int limit, CancellationToken cancellationToken)
    {
        await collection.EnsureAsync(cancellationToken);
        if (limit <= 0 || collection.StoredModel is null)
        {
            return [];
        }

        CheckQuery(collection, query, null);
        var points = await collection.Client.QueryAsync(
            collection.Name, new Query { Nearest = PointMessages.DenseQuery(query) }, CollectionLayout.DenseVector, null, null, (ulong)limit, cancellationToken);
        return [.. points.Select(p => new VectorHit(PointMessages.Id(p.Id), p.Score))];
    }

    /// <summary>A query vector must fit the collection and come from the model of the stored vectors.</summary>
    internal static void CheckQuery(QdrantCollectionHandle collection, ReadOnlyMemory<float> query, EmbeddingModelInfo? model)
    {
        if (collection.DenseDimensions is not { } dimensions)
        {
            throw new QdrantCollectionMismatchException($"Qdrant collection '{collection.Name}' has no dense vector: it was created without an embedding model. Delete it or set Qdrant:Collection to a new name, then run 'qabot ingest' with the model configured.");
        }

        if (query.Length != dimensions)
        {
            throw new ArgumentException($"The query vector has {query.Length} dimensions; Qdrant collection '{collection.Name}' holds {dimensions}.", nameof(query));
        }

        if (model is not null && collection.StoredModel is { } stored && stored != model)
        {
            throw new EmbeddingModelMismatchException(stored, model);
        }
    }

    private void RequireDense(int dimensions)
    {
        if (collection.DenseDimensions != dimensions)
        {
            var holds = collection.DenseDimensions is { } size ? $"dense vectors of {size} dimensions" : "no dense vector";
            throw new QdrantCollectionMismatchException($"Qdrant collection '{collection.Name}' has {holds}, not {dimensions}. Delete it or set Qdrant:Collection to a new name, then run 'qabot ingest' with the model configured.");
        }
    }
}
