using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaBot.Core;
using QaBot.Core.Configuration;
using QaBot.Qdrant.Index;
using QaBot.Qdrant.Rest;

namespace QaBot.Qdrant;

public static class QdrantServiceCollectionExtensions
{
    /// <summary>Name of the <see cref="HttpClient"/> the factory makes for Qdrant.</summary>
    public const string HttpClientName = "Qdrant";

    /// <summary>
    /// Registers the Qdrant-backed index (section <c>Qdrant</c>) as <see cref="IChunkIndex"/> and
    /// <see cref="IVectorIndex"/>. The dense vector is sized from the registered <c>IEmbeddingGenerator</c> when one is registered.
    /// </summary>
    public static IServiceCollection AddQdrantIndex(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddValidatedOptions<QdrantOptions>(QdrantOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(HttpClientName, (sp, http) =>
            {
                var url = sp.GetRequiredService<IOptions<QdrantOptions>>().Value.Url!;
                http.BaseAddress = url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
                http.Timeout = Timeout.InfiniteTimeSpan; // Each call has its own timeout (Qdrant:RequestTimeout).
            })
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) };
                if (sp.GetRequiredService<IOptions<QdrantOptions>>().Value.CertificateSha256 is { Length: > 0 } pin)
                {
                    handler.SslOptions.RemoteCertificateValidationCallback = CertificatePin.Validator(pin);
                }

                return handler;
            });
        services.AddSingleton(sp => new QdrantClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<IOptions<QdrantOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<QdrantClient>>()));
        services.AddSingleton(sp => new QdrantCollectionHandle(
            sp.GetRequiredService<QdrantClient>(),
            sp.GetRequiredService<IOptions<QdrantOptions>>().Value,
            sp.GetService<IEmbeddingGenerator<string, Embedding<float>>>()?.Model,
            sp.GetRequiredService<ILogger<QdrantCollectionHandle>>()));
        services.AddSingleton(sp => new QdrantChunkIndex(
            sp.GetRequiredService<QdrantCollectionHandle>(), sp.GetRequiredService<IOptions<QdrantOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IChunkIndex>(sp => sp.GetRequiredService<QdrantChunkIndex>());
        services.AddSingleton(sp => new QdrantVectorIndex(sp.GetRequiredService<QdrantCollectionHandle>()));
        services.AddSingleton<IVectorIndex>(sp => sp.GetRequiredService<QdrantVectorIndex>());
        return services;
    }
}
