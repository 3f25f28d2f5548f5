using System.Globalization;
using Microsoft.Extensions.AI;
using QaBot.Core;
using QaBot.Embeddings.Models;

namespace QaBot.Embeddings;

/// <summary>Builds the configured provider's embedding generator and the <see cref="ITextEmbedder"/> over it.</summary>
public static class EmbeddingGeneratorFactory
{
    /// <param name="dataPath">The data folder (<c>Data:Path</c>), where pulled catalog models live.</param>
    public static TextEmbedder Create(EmbeddingOptions options, string dataPath, Func<HttpClient> httpClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClient);
        var provider = EmbeddingProviderNames.Parse(options.Provider);
        var model = options.Model?.Trim() ?? "";
        var dimensions = options.Dimensions ?? 0;
        switch (provider)
        {
            case EmbeddingProvider.Onnx:
                return CreateOnnx(options, dataPath);
            case EmbeddingProvider.Ollama:
                var ollama = new OllamaEmbeddingGenerator(httpClient(), WithSlash(options.Endpoint ?? OllamaEmbeddingGenerator.DefaultEndpoint), model, options.BatchSize);
                return Remote(ollama, "ollama:" + model, dimensions, options);
            case EmbeddingProvider.OpenAI:
                return Remote(OpenAIEmbeddingGenerator.ForOpenAI(httpClient(), options.Endpoint, model, options.ApiKey!, options.BatchSize), "openai:" + model, dimensions, options);
            case EmbeddingProvider.AzureOpenAI:
                return Remote(OpenAIEmbeddingGenerator.ForAzure(httpClient(), options.Endpoint!, model, options.ApiKey!, options.BatchSize), "azure-openai:" + model, dimensions, options);
            default:
                throw new InvalidOperationException("Embeddings:Provider is none: no embedding model to create.");
        }
    }

    /// <summary>
    /// The local model. Its id carries everything that changes stored vectors (name, file size, pooling,
    /// token limit, passage prefix), so changing any of them re-embeds on the next ingest.
    /// </summary>
    public static TextEmbedder CreateOnnx(EmbeddingOptions options, string dataPath)
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
        return new TextEmbedder(generator, new EmbeddingModelInfo(id, generator.Dimensions), queryPrefix, passagePrefix);
    }

    private static TextEmbedder Remote(IEmbeddingGenerator<string, Embedding<float>> generator, string id, int dimensions, EmbeddingOptions options) =>
        new(generator, new EmbeddingModelInfo(id, dimensions), options.QueryPrefix ?? "", options.PassagePrefix ?? "", options.Normalize);

    private static Uri WithSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
