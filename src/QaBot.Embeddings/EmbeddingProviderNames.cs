namespace QaBot.Embeddings;

/// <summary>Reads <c>Embeddings:Provider</c>, whose values (<c>azure-openai</c>) are not enum names.</summary>
public static class EmbeddingProviderNames
{
    private static readonly Dictionary<string, EmbeddingProvider> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["none"] = EmbeddingProvider.None,
        ["onnx"] = EmbeddingProvider.Onnx,
        ["ollama"] = EmbeddingProvider.Ollama,
        ["openai"] = EmbeddingProvider.OpenAI,
        ["azure-openai"] = EmbeddingProvider.AzureOpenAI,
    };

    public static string Allowed => string.Join(", ", Names.Keys);

    public static bool TryParse(string? name, out EmbeddingProvider provider)
    {
        provider = EmbeddingProvider.None;
        return string.IsNullOrWhiteSpace(name) || Names.TryGetValue(name.Trim(), out provider);
    }

    public static EmbeddingProvider Parse(string? name) => TryParse(name, out var provider)
        ? provider
        : throw new InvalidOperationException($"Embeddings:Provider: '{name}' is not a provider; use one of {Allowed}.");
}
