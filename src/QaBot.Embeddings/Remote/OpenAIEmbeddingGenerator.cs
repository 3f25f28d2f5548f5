using System.Text.Json;
using Microsoft.Extensions.AI;

namespace QaBot.Embeddings;

/// <summary>
/// Embeddings from OpenAI's <c>POST /v1/embeddings</c> (bearer key) or an Azure OpenAI deployment's
/// <c>POST /openai/deployments/NAME/embeddings</c> (<c>api-key</c> header); both answer the same shape.
/// </summary>
public sealed class OpenAIEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string AzureApiVersion = "2024-10-21";

    private readonly HttpClient _http;
    private readonly Uri _address;
    private readonly string _model;
    private readonly string _apiKey;
    private readonly bool _azure;
    private readonly int _batchSize;

    private OpenAIEmbeddingGenerator(HttpClient http, Uri address, string model, string apiKey, bool azure, int batchSize)
    {
        _http = http;
        _address = address;
        _model = model;
        _apiKey = apiKey;
        _azure = azure;
        _batchSize = batchSize;
        Metadata = new EmbeddingGeneratorMetadata(azure ? "azure-openai" : "openai", address, model);
    }

    public static Uri DefaultEndpoint { get; } = new("https://api.openai.com/v1/");

    public EmbeddingGeneratorMetadata Metadata { get; }

    private string Service => _azure ? "Azure OpenAI" : "OpenAI";

    public static OpenAIEmbeddingGenerator ForOpenAI(HttpClient http, Uri? endpoint, string model, string apiKey, int batchSize) =>
        new(http, new Uri(WithSlash(endpoint ?? DefaultEndpoint), "embeddings"), model, apiKey, azure: false, batchSize);

    public static OpenAIEmbeddingGenerator ForAzure(HttpClient http, Uri endpoint, string deployment, string apiKey, int batchSize) =>
        new(http, new Uri(WithSlash(endpoint), $"openai/deployments/{Uri.EscapeDataString(deployment)}/embeddings?api-version={AzureApiVersion}"), deployment, apiKey, azure: true, batchSize);

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var batch in values.Chunk(_batchSize))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _address);
            if (_azure)
            {
                request.Headers.Add("api-key", _apiKey);
            }
            else
            {
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _apiKey);
            }

            object body = _azure ? new { input = batch } : new { model = _model, input = batch };
            using var document = await RemoteEmbeddingClient.PostAsync(_http, request, body, Service, cancellationToken);
            result.AddRange(Read(document.RootElement, batch.Length));
        }

        return result;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => GeneratorServices.Find(this, Metadata, serviceType, serviceKey);

    public void Dispose()
    {
        // The HttpClient belongs to the factory that made it.
    }

    /// <summary>The answer's <c>data</c> items carry an <c>index</c>; put them back in input order.</summary>
    private IEnumerable<Embedding<float>> Read(JsonElement root, int expected)
    {
        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array || data.GetArrayLength() != expected)
        {
            throw new EmbeddingServiceException($"{Service} model '{_model}' did not answer one embedding per input ({expected} sent).");
        }

        var vectors = new float[expected][];
        var position = 0;
        foreach (var item in data.EnumerateArray())
        {
            var index = item.TryGetProperty("index", out var i) && i.ValueKind == JsonValueKind.Number ? i.GetInt32() : position;
            if (index < 0 || index >= expected || vectors[index] is not null)
            {
                throw new EmbeddingServiceException($"{Service} answered embedding index {index}, outside the {expected} inputs or twice.");
            }

            vectors[index] = RemoteEmbeddingClient.ReadVector(item.GetProperty("embedding"), Service);
            position++;
        }

        return vectors.Select(v => new Embedding<float>(v) { ModelId = _model });
    }

    private static Uri WithSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
