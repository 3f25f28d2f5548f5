using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaBot.Core;
using QaBot.Core.Configuration;
using QaBot.Index.Qdrant.Index;
using QaBot.Index.Qdrant.Transport;

namespace QaBot.Index.Qdrant;

public static class QdrantServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Qdrant-backed index (section <c>Qdrant</c>, over the official gRPC client) as
    /// <see cref="IChunkIndex"/> and <see cref="IVectorIndex"/>. The dense vector is sized from
    /// the registered <c>IEmbeddingGenerator</c> when one is registered; the sparse terms are checked against the
    /// <see cref="TermAnalysisVersion"/> the analysis module registers.
    /// </summary>
    public static IServiceCollection AddQdrantIndex(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddValidatedOptions<QdrantOptions, QdrantOptionsValidator>(QdrantOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new QdrantGateway(
            sp.GetRequiredService<IOptions<QdrantOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<QdrantGateway>>()));
        services.AddSingleton(sp => new QdrantCollectionHandle(
            sp.GetRequiredService<QdrantGateway>(),
            sp.GetRequiredService<IOptions<QdrantOptions>>().Value,
            sp.GetService<IEmbeddingGenerator<string, Embedding<float>>>()?.Model,
            sp.GetRequiredService<TermAnalysisVersion>(),
            sp.GetRequiredService<ILogger<QdrantCollectionHandle>>()));
        services.AddSingleton(sp => new QdrantChunkIndex(
            sp.GetRequiredService<QdrantCollectionHandle>(), sp.GetRequiredService<IOptions<QdrantOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IChunkIndex>(sp => sp.GetRequiredService<QdrantChunkIndex>());
        services.AddSingleton<IHybridSearchIndex>(sp => sp.GetRequiredService<QdrantChunkIndex>());
        services.AddSingleton(sp => new QdrantVectorIndex(sp.GetRequiredService<QdrantCollectionHandle>()));
        services.AddSingleton<IVectorIndex>(sp => sp.GetRequiredService<QdrantVectorIndex>());
        services.AddSingleton<IIngestProgressStore>(sp => new QdrantIngestProgressStore(sp.GetRequiredService<QdrantCollectionHandle>()));
        return services;
    }
}
