using Microsoft.Extensions.AI;

namespace QaBot.Embeddings;

/// <summary>The <see cref="IEmbeddingGenerator.GetService"/> answer every generator here gives: its metadata, or itself.</summary>
internal static class GeneratorServices
{
    public static object? Find(object generator, EmbeddingGeneratorMetadata metadata, Type serviceType, object? serviceKey)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? metadata
            : serviceType.IsInstanceOfType(generator) ? generator
            : null;
    }
}
