using System.ClientModel.Primitives;
using System.ClientModel;
using System.Globalization;
using Azure.AI.OpenAI;
using Microsoft.Extensions.AI;
using OllamaSharp;
using OpenAI;
using QaBot.Core.Configuration;
using QaBot.Embeddings.Models;

namespace QaBot.Embeddings;

/// <summary>
/// Builds the configured provider's embedding generator: the local ONNX model (ours), Ollama through
/// OllamaSharp, OpenAI and Azure OpenAI through their SDKs and Microsoft.Extensions.AI.OpenAI, each wrapped
/// in <see cref="ConfiguredEmbeddingGenerator"/>. Remote providers get an HttpClient from the factory with the
/// standard resilience handler; the SDKs' own retries are off so there is one retry policy.
/// </summary>
public static class EmbeddingGeneratorFactory
{
    public static Uri DefaultOllamaEndpoint { get; } = new("http://localhost:11434/");

    public static Uri DefaultOpenAIEndpoint { get; } = new("https://api.openai.com/v1/");

    /// <param name="dataPath">The data folder (<c>Data:Path</c>), where pulled catalog models live.</param>
    public static ConfiguredEmbeddingGenerator Create(EmbeddingOptions options, string dataPath, Func<HttpClient> httpClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClient);
        var model = options.Model?.Trim() ?? "";
        switch (options.Provider)
        {
            case EmbeddingProvider.Onnx:
                return CreateOnnx(options, dataPath);
            case EmbeddingProvider.Ollama:
                var endpoint = (options.Endpoint ?? DefaultOllamaEndpoint).WithTrailingSlash();
                var http = httpClient();
                http.BaseAddress = endpoint;
                return Remote(new OllamaApiClient(http, model), "Ollama", endpoint, "ollama:" + model, options);
            case EmbeddingProvider.OpenAI:
                var openAiEndpoint = (options.Endpoint ?? DefaultOpenAIEndpoint).WithTrailingSlash();
                var openAi = new OpenAIClient(new ApiKeyCredential(options.ApiKey!), Transport(new OpenAIClientOptions { Endpoint = openAiEndpoint }, httpClient()));
                return Remote(openAi.GetEmbeddingClient(model).AsIEmbeddingGenerator(), "OpenAI", openAiEndpoint, "openai:" + model, options);
            case EmbeddingProvider.AzureOpenAI:
                var azure = new AzureOpenAIClient(options.Endpoint!, new ApiKeyCredential(options.ApiKey!), Transport(new AzureOpenAIClientOptions(), httpClient()));
                return Remote(azure.GetEmbeddingClient(model).AsIEmbeddingGenerator(), "Azure OpenAI", options.Endpoint, "azure-openai:" + model, options);
            default:
                throw new InvalidOperationException("Embeddings:Provider is none: no embedding model to create.");
        }
    }

    /// <summary>
    /// The local model. Its id carries everything that changes stored vectors (name, file size, pooling,
    /// token limit, passage prefix), so changing any of them re-embeds on the next ingest.
    /// </summary>
    public static ConfiguredEmbeddingGenerator CreateOnnx(EmbeddingOptions options, string dataPath)
    {
        ArgumentNullException.ThrowIfNull(options);
        var known = ModelCatalog.Find(options.Model);
        var folder = !string.IsNullOrWhiteSpace(options.Path) ? options.Path
            : known is not null ? ModelCatalog.FolderOf(known, dataPath)
            : throw new InvalidOperationException("Embeddings:Path: the onnx provider needs a model folder.");
        var files = OnnxModelFolder.Open(folder, known?.Name);
        var name = known?.Name ?? (string.IsNullOrWhiteSpace(options.Model) ? Path.GetFileName(files.Folder) : options.Model.Trim());
        var pooling = options.Pooling ?? known?.Pooling ?? PoolingMode.Mean;
        var maxTokens = options.MaxTokens ?? known?.MaxTokens ?? 512;
        var queryPrefix = options.QueryPrefix ?? known?.QueryPrefix ?? "";
        var passagePrefix = options.PassagePrefix ?? known?.PassagePrefix ?? "";
        var settings = new OnnxEmbeddingSettings(name, files, pooling, options.Normalize, maxTokens, options.BatchSize, options.Threads);
        var generator = new OnnxEmbeddingGenerator(settings);
        var size = new FileInfo(files.ModelPath).Length;
        var id = string.Create(CultureInfo.InvariantCulture, $"onnx:{name}@{size};{pooling.ToString().ToLowerInvariant()};{maxTokens}")
            + (options.Normalize ? "" : ";raw")
            + (passagePrefix.Length > 0 ? $";prefix={passagePrefix.Trim()}" : "");
        // The ONNX generator batches (sorted by length) and normalizes itself: hand it every text at once.
        return new ConfiguredEmbeddingGenerator(generator, new Core.EmbeddingModelInfo(id, generator.Dimensions), new EmbeddingSettings("ONNX", null, queryPrefix, passagePrefix, int.MaxValue, Normalize: false));
    }

    private static ConfiguredEmbeddingGenerator Remote(IEmbeddingGenerator<string, Embedding<float>> generator, string service, Uri? endpoint, string id, EmbeddingOptions options) =>
        new(generator, new Core.EmbeddingModelInfo(id, options.Dimensions ?? 0), new EmbeddingSettings(service, endpoint, options.QueryPrefix ?? "", options.PassagePrefix ?? "", options.BatchSize, options.Normalize));

    private static T Transport<T>(T clientOptions, HttpClient http)
        where T : ClientPipelineOptions
    {
        clientOptions.Transport = new HttpClientPipelineTransport(http);
        clientOptions.RetryPolicy = new ClientRetryPolicy(maxRetries: 0);
        clientOptions.NetworkTimeout = Timeout.InfiniteTimeSpan;
        return clientOptions;
    }
}
