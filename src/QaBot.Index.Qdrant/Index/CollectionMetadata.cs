using QaBot.Core;
using Qdrant.Client.Grpc;

namespace QaBot.Index.Qdrant.Index;

/// <summary>What the collection's metadata point records: its layout, the analyzer that made its sparse vectors, and the embedding model of its dense vectors.</summary>
internal sealed record CollectionMetadata(string LayoutVersion, string AnalyzerVersion, EmbeddingModelInfo? Model)
{
    public Dictionary<string, object?> ToPayload() => new(StringComparer.Ordinal)
    {
        [CollectionLayout.Kind] = CollectionLayout.MetadataKind,
        [CollectionLayout.LayoutVersion] = LayoutVersion,
        [CollectionLayout.AnalyzerVersion] = AnalyzerVersion,
        [CollectionLayout.ModelId] = Model?.ModelId,
        [CollectionLayout.ModelDimensions] = Model?.Dimensions,
    };

    public static CollectionMetadata FromPayload(IReadOnlyDictionary<string, Value>? payload)
    {
        var modelId = Payload.OptionalString(payload, CollectionLayout.ModelId);
        var dimensions = Payload.OptionalInt(payload, CollectionLayout.ModelDimensions);
        return new CollectionMetadata(
            Payload.String(payload, CollectionLayout.LayoutVersion),
            Payload.String(payload, CollectionLayout.AnalyzerVersion),
            modelId is not null && dimensions is { } d ? new EmbeddingModelInfo(modelId, d) : null);
    }
}
