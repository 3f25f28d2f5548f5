using Microsoft.Extensions.AI;
using QaBot.Core;

namespace QaBot.Embeddings.Tests;

public sealed class TextEmbedderTests
{
    /// <summary>Remembers what it was asked to embed; every vector is (3, 4).</summary>
    private sealed class RecordingGenerator : IEmbeddingGenerator<string, Embedding<float>>
    {
        public List<string> Inputs { get; } = [];

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var list = values.ToList();
            Inputs.AddRange(list);
            return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(list.Select(_ => new Embedding<float>(new float[] { 3, 4 }))));
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    [Fact]
    public async Task EmbedAsync_E5Prefixes_AddsQueryAndPassagePrefixes()
    {
        var generator = new RecordingGenerator();
        var embedder = new TextEmbedder(generator, new EmbeddingModelInfo("m", 2), "query: ", "passage: ");

        await embedder.EmbedPassagesAsync(["Drones are built in Shenzhen."], CancellationToken.None);
        await embedder.EmbedQueryAsync("Where are drones built?", CancellationToken.None);

        Assert.Equal(["passage: Drones are built in Shenzhen.", "query: Where are drones built?"], generator.Inputs);
    }

    [Fact]
    public async Task EmbedQueryAsync_Normalize_ReturnsUnitVector()
    {
        var embedder = new TextEmbedder(new RecordingGenerator(), new EmbeddingModelInfo("m", 2), "", "", normalize: true);

        var vector = await embedder.EmbedQueryAsync("q", CancellationToken.None);

        Assert.Equal([0.6f, 0.8f], vector.ToArray());
    }

    [Fact]
    public async Task EmbedPassagesAsync_OnnxTinyModel_VectorsCarryTheModelsDimensions()
    {
        var embedder = EmbeddingGeneratorFactory.CreateOnnx(new EmbeddingOptions { Provider = "onnx", Path = TestModels.TinyBert, PassagePrefix = "" }, ".");

        var vectors = await embedder.EmbedPassagesAsync(["drones", "china"], CancellationToken.None);

        Assert.Equal(4, embedder.Model.Dimensions);
        Assert.StartsWith("onnx:tiny-bert@", embedder.Model.ModelId, StringComparison.Ordinal);
        Assert.All(vectors, v => Assert.Equal(4, v.Length));
    }

    [Fact]
    public void CreateOnnx_DifferentPooling_GivesADifferentModelId()
    {
        var mean = EmbeddingGeneratorFactory.CreateOnnx(new EmbeddingOptions { Provider = "onnx", Path = TestModels.TinyBert }, ".");
        var cls = EmbeddingGeneratorFactory.CreateOnnx(new EmbeddingOptions { Provider = "onnx", Path = TestModels.TinyBert, Pooling = PoolingMode.Cls }, ".");

        Assert.NotEqual(mean.Model.ModelId, cls.Model.ModelId);
    }
}
