using System.Text.Json;
using Microsoft.Extensions.AI;

namespace QaBot.Embeddings;

/// <summary>Embeddings from an Ollama server's <c>POST /api/embed</c>, several inputs per request.</summary>
public sealed class OllamaEmbeddingGenerator(HttpClient http, Uri endpoint, string model, int batchSize) : IEmbeddingGenerator<string, Embedding<float>>
{
    public static Uri DefaultEndpoint { get; } = new("http://localhost:11434/");

    public EmbeddingGeneratorMetadata Metadata { get; } = new("ollama", endpoint, model);

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var batch in values.Chunk(batchSize))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, "api/embed"));
            using var document = await RemoteEmbeddingClient.PostAsync(http, request, new { model, input = batch }, "Ollama", cancellationToken);
            if (!document.RootElement.TryGetProperty("embeddings", out var embeddings) || embeddings.ValueKind != JsonValueKind.Array || embeddings.GetArrayLength() != batch.Length)
            {
                throw new EmbeddingServiceException($"Ollama model '{model}' did not answer one embedding per input ({batch.Length} sent).");
            }

            result.AddRange(embeddings.EnumerateArray().Select(e => new Embedding<float>(RemoteEmbeddingClient.ReadVector(e, "Ollama")) { ModelId = model }));
        }

        return result;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => GeneratorServices.Find(this, Metadata, serviceType, serviceKey);

    public void Dispose()
    {
        // The HttpClient belongs to the factory that made it.
    }
}
