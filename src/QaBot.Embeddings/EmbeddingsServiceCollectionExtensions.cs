using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QaBot.Core;
using QaBot.Core.Configuration;
using QaBot.Embeddings.Models;

namespace QaBot.Embeddings;

public static class EmbeddingsServiceCollectionExtensions
{
    public const string HttpClientName = "QaBot.Embeddings";

    /// <summary>
    /// Registers the model downloader and, when <c>Embeddings:Provider</c> names one, the embedding model as
    /// <see cref="ITextEmbedder"/> (its files are opened on first use). With <c>none</c> no embedder is
    /// registered and retrieval stays lexical.
    /// </summary>
    public static IServiceCollection AddQaBotEmbeddings(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<DataOptions>(DataOptions.SectionName);
        services.AddSingleton<IValidateOptions<EmbeddingOptions>, EmbeddingOptionsValidator>();
        services.AddOptions<EmbeddingOptions>().BindConfiguration(EmbeddingOptions.SectionName).ValidateOnStart();
        services.AddHttpClient(HttpClientName);
        services.AddSingleton(sp => new ModelDownloader(sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName)));

        var provider = configuration[$"{EmbeddingOptions.SectionName}:{nameof(EmbeddingOptions.Provider)}"];
        if (EmbeddingProviderNames.TryParse(provider, out var parsed) && parsed == EmbeddingProvider.None)
        {
            return services;
        }

        services.AddSingleton(sp => EmbeddingGeneratorFactory.Create(
            sp.GetRequiredService<IOptions<EmbeddingOptions>>().Value,
            sp.GetRequiredService<IOptions<DataOptions>>().Value.Path,
            () => sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName)));
        services.AddSingleton<ITextEmbedder>(sp => sp.GetRequiredService<TextEmbedder>());
        return services;
    }
}
