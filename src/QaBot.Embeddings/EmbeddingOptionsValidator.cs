using Microsoft.Extensions.Options;
using QaBot.Core.Configuration;
using QaBot.Embeddings.Models;

namespace QaBot.Embeddings;

/// <summary>
/// Checks at start-up that the chosen provider has the keys it needs, naming each missing key (the ranges and
/// addresses of single keys are annotations on <see cref="EmbeddingOptions"/>, see <see cref="EmbeddingOptionsAnnotations"/>). Model
/// files are checked when the model is loaded, so <c>qabot model pull</c> can run before they exist.
/// </summary>
public sealed class EmbeddingOptionsValidator : IValidateOptions<EmbeddingOptions>
{
    public ValidateOptionsResult Validate(string? name, EmbeddingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var provider = options.Provider;
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
            failures.Add(Fail("Model", provider == EmbeddingProvider.AzureOpenAI ? "azure-openai needs the embedding deployment name." : $"{Name(provider)} needs the embedding model name."));
        }

        if (options.Dimensions is null)
        {
            failures.Add(Fail("Dimensions", $"{Name(provider)} needs the length of the model's vectors (for example 768 for nomic-embed-text, 1536 for text-embedding-3-small)."));
        }

        if (provider is EmbeddingProvider.OpenAI or EmbeddingProvider.AzureOpenAI && string.IsNullOrWhiteSpace(options.ApiKey))
        {
            failures.Add(Fail("ApiKey", $"{Name(provider)} needs an API key; keep it in the environment, never in a committed file."));
        }

        if (provider == EmbeddingProvider.AzureOpenAI && options.Endpoint is null)
        {
            failures.Add(Fail("Endpoint", "azure-openai needs the resource address, for example https://NAME.openai.azure.com/."));
        }
    }

    private static string Name(EmbeddingProvider provider) => ConfigurationNames.NameOf(provider);

    private static string Fail(string member, string message)
    {
        return $"{EmbeddingOptions.SectionName}:{member}: {message}";
    }
}
