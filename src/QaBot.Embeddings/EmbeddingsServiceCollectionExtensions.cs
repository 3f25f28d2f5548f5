using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using QaBot.Core.Configuration;
using QaBot.Embeddings.Models;

namespace QaBot.Embeddings;

public static class EmbeddingsServiceCollectionExtensions
{
    /// <summary>The HttpClient of the remote embedding services (Ollama, OpenAI, Azure OpenAI).</summary>
    public const string HttpClientName = "QaBot.Embeddings";

    /// <summary>The HttpClient of <c>qabot model pull</c>.</summary>
    public const string DownloadHttpClientName = "QaBot.ModelDownload";

    /// <summary>
    /// Registers the model downloader and, when <c>Embeddings:Provider</c> names one, the embedding model as
    /// Microsoft.Extensions.AI's <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> (its files are opened on
    /// first use). With <c>none</c> no generator is registered and retrieval stays lexical. Both HttpClients
    /// carry the standard resilience handler (retries honouring Retry-After, timeouts, circuit breaker) on
    /// the <see cref="TimeProvider"/> in DI.
    /// </summary>
    public static IServiceCollection AddQaBotEmbeddings(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddDataOptions();
        services.AddValidatedOptions<EmbeddingOptions, EmbeddingOptionsAnnotations>(EmbeddingOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmbeddingOptions>, EmbeddingOptionsValidator>());

        // A batch of passages on a CPU-only server can take a while; the attempt timeout is generous.
        services.AddHttpClient(HttpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddStandardResilienceHandler(resilience =>
            {
                resilience.AttemptTimeout.Timeout = TimeSpan.FromMinutes(2);
                resilience.TotalRequestTimeout.Timeout = TimeSpan.FromMinutes(8);
                resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromMinutes(4);
            });
        // The timeouts run until the response starts; the file itself streams for as long as it takes.
        services.AddHttpClient(DownloadHttpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddStandardResilienceHandler(resilience =>
            {
                resilience.AttemptTimeout.Timeout = TimeSpan.FromMinutes(1);
                resilience.TotalRequestTimeout.Timeout = TimeSpan.FromMinutes(5);
                resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromMinutes(2);
            });
        services.AddSingleton(sp => new ModelDownloader(sp.GetRequiredService<IHttpClientFactory>().CreateClient(DownloadHttpClientName)));

        var provider = configuration[$"{EmbeddingOptions.SectionName}:{nameof(EmbeddingOptions.Provider)}"];
        if (ConfigurationNames.TryParse<EmbeddingProvider>(provider, out var parsed) && parsed == EmbeddingProvider.None)
        {
            return services;
        }

        services.AddSingleton(sp => EmbeddingGeneratorFactory.Create(
            sp.GetRequiredService<IOptions<EmbeddingOptions>>().Value,
            sp.GetRequiredService<IOptions<DataOptions>>().Value.Path,
            () => sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName)));
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp => sp.GetRequiredService<ConfiguredEmbeddingGenerator>());
        return services;
    }
}
