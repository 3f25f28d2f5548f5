using Microsoft.Extensions.Options;
using QaBot.Embeddings.Models;

namespace QaBot.Embeddings;

/// <summary>
/// Checks at start-up that the chosen provider has the keys it needs, naming each missing or bad key. Model
/// files are checked when the model is loaded, so <c>qabot model pull</c> can run before they exist.
/// </summary>
public sealed class EmbeddingOptionsValidator : IValidateOptions<EmbeddingOptions>
{
    public ValidateOptionsResult Validate(string? name, EmbeddingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!EmbeddingProviderNames.TryParse(options.Provider, out var provider))
        {
            failures.Add(Fail("Provider", $"'{options.Provider}' is not a provider; use one of {EmbeddingProviderNames.Allowed}."));
            return ValidateOptionsResult.Fail(failures);
        }

        if (options.BatchSize is < 1 or > 1024)
        {
            failures.Add(Fail("BatchSize", $"{options.BatchSize} is out of range; use 1 to 1024."));
        }

        if (options.Threads is < 0 or > 256)
        {
            failures.Add(Fail("Threads", $"{options.Threads} is out of range; use 0 (all cores) to 256."));
        }

        if (options.MaxTokens is < 3 or > 8192)
        {
            failures.Add(Fail("MaxTokens", $"{options.MaxTokens} is out of range; use 3 to 8192."));
        }

        if (options.Dimensions is < 1 or > 16384)
        {
            failures.Add(Fail("Dimensions", $"{options.Dimensions} is out of range; use 1 to 16384."));
        }

        switch (provider)
        {
            case EmbeddingProvider.Onnx when string.IsNullOrWhiteSpace(options.Path) && ModelCatalog.Find(options.Model) is null:
                failures.Add(Fail("Path", $"the onnx provider needs a model folder in Embeddings:Path, or Embeddings:Model set to a catalog model ({ModelCatalog.Names}) pulled with 'qabot model pull NAME'."));
                break;
            case EmbeddingProvider.Ollama or EmbeddingProvider.OpenAI or EmbeddingProvider.AzureOpenAI:
                RequireRemote(options, provider, failures);
                break;
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequireRemote(EmbeddingOptions options, EmbeddingProvider provider, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(options.Model))
        {
            failures.Add(Fail("Model", provider == EmbeddingProvider.AzureOpenAI ? "azure-openai needs the embedding deployment name." : $"{options.Provider} needs the embedding model name."));
        }

        if (options.Dimensions is null)
        {
            failures.Add(Fail("Dimensions", $"{options.Provider} needs the length of the model's vectors (for example 768 for nomic-embed-text, 1536 for text-embedding-3-small)."));
        }

        if (provider is EmbeddingProvider.OpenAI or EmbeddingProvider.AzureOpenAI && string.IsNullOrWhiteSpace(options.ApiKey))
        {
            failures.Add(Fail("ApiKey", $"{options.Provider} needs an API key; set QABOT__Embeddings__ApiKey in the environment."));
        }

        if (provider == EmbeddingProvider.AzureOpenAI && options.Endpoint is null)
        {
            failures.Add(Fail("Endpoint", "azure-openai needs the resource address, for example https://NAME.openai.azure.com/."));
        }

        if (options.Endpoint is { IsAbsoluteUri: false } or { Scheme: not ("http" or "https") })
        {
            failures.Add(Fail("Endpoint", $"'{options.Endpoint}' is not an absolute http(s) address."));
        }
    }

    private static string Fail(string member, string message)
    {
        var key = $"{EmbeddingOptions.SectionName}:{member}";
        return $"{key}: {message} Set it in appsettings.json, as QABOT__{EmbeddingOptions.SectionName}__{member}, or with --config {key}=VALUE.";
    }
}
