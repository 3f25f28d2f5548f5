using Microsoft.Extensions.AI;
using QaBot.Core;

namespace QaBot.Embeddings.Tests;

public sealed class ConfiguredEmbeddingGeneratorTests
{
    /// <summary>Remembers every call's texts; every vector is (3, 4), or <c>dimensions</c> long.</summary>
    private sealed class RecordingGenerator(int dimensions = 2) : IEmbeddingGenerator<string, Embedding<float>>
    {
        public List<List<string>> Calls { get; } = [];

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var list = values.ToList();
            Calls.Add(list);
            var vector = dimensions == 2 ? new float[] { 3, 4 } : new float[dimensions];
            return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(list.Select(_ => new Embedding<float>(vector))));
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    private static ConfiguredEmbeddingGenerator Configured(RecordingGenerator inner, string queryPrefix = "", string passagePrefix = "", int batchSize = 16, bool normalize = false) =>
        new(inner, new EmbeddingModelInfo("test:m", 2), new EmbeddingSettings("Test", null, queryPrefix, passagePrefix, batchSize, normalize));

    [Fact]
    public async Task EmbedAsync_E5Prefixes_PassagesAndQueriesGetTheirOwnPrefix()
    {
        // Arrange
        var inner = new RecordingGenerator();
        IEmbeddingGenerator<string, Embedding<float>> generator = Configured(inner, "query: ", "passage: ");

        // Act
        await generator.EmbedPassagesAsync(["Drones are built here."], CancellationToken.None);
        await generator.EmbedQueryAsync("Where are drones built?", CancellationToken.None);

        // Assert
        Assert.Equal(["passage: Drones are built here.", "query: Where are drones built?"], inner.Calls.SelectMany(c => c));
    }

    [Fact]
    public async Task EmbedQueryAsync_Normalize_ReturnsUnitVector()
    {
        // Arrange
        IEmbeddingGenerator<string, Embedding<float>> generator = Configured(new RecordingGenerator(), normalize: true);

        // Act
        var vector = await generator.EmbedQueryAsync("q", CancellationToken.None);

        // Assert
        Assert.Equal([0.6f, 0.8f], vector.ToArray());
    }

    [Fact]
    public async Task EmbedPassagesAsync_FiveTextsBatchOfTwo_ThreeCallsInOrder()
    {
        // Arrange
        var inner = new RecordingGenerator();
        IEmbeddingGenerator<string, Embedding<float>> generator = Configured(inner, batchSize: 2);

        // Act
        var vectors = await generator.EmbedPassagesAsync(["a", "b", "c", "d", "e"], CancellationToken.None);

        // Assert
        Assert.Equal(5, vectors.Count);
        Assert.Equal([["a", "b"], ["c", "d"], ["e"]], inner.Calls);
    }

    [Fact]
    public async Task EmbedQueryAsync_ModelReturnsWrongDimensions_ThrowsNamingBothLengthsAndTheKey()
    {
        // Arrange
        IEmbeddingGenerator<string, Embedding<float>> generator = Configured(new RecordingGenerator(dimensions: 3));

        // Act
        var error = await Assert.ThrowsAsync<EmbeddingServiceException>(() => generator.EmbedQueryAsync("q", CancellationToken.None));

        // Assert
        Assert.Contains("3 dimensions", error.Message, StringComparison.Ordinal);
        Assert.Contains("2 are configured (Embeddings:Dimensions)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_ReadThroughTheSeam_IsTheConfiguredIdAndDimensions()
    {
        // Arrange
        IEmbeddingGenerator<string, Embedding<float>> generator = Configured(new RecordingGenerator());

        // Act
        var model = generator.Model;

        // Assert
        Assert.Equal(new EmbeddingModelInfo("test:m", 2), model);
    }

    [Fact]
    public async Task EmbedPassagesAsync_OnnxTinyModel_VectorsCarryTheModelsDimensions()
    {
        // Arrange
        IEmbeddingGenerator<string, Embedding<float>> generator = EmbeddingGeneratorFactory.CreateOnnx(new EmbeddingOptions { Provider = EmbeddingProvider.Onnx, Path = TestModels.TinyBert, PassagePrefix = "" }, ".");

        // Act
        var vectors = await generator.EmbedPassagesAsync(["drones", "china"], CancellationToken.None);

        // Assert
        Assert.Equal(4, generator.Model.Dimensions);
        Assert.StartsWith("onnx:tiny-bert@", generator.Model.ModelId, StringComparison.Ordinal);
        Assert.All(vectors, v => Assert.Equal(4, v.Length));
    }

    [Fact]
    public void CreateOnnx_DifferentPooling_GivesADifferentModelId()
    {
        // Arrange, Act
        var mean = EmbeddingGeneratorFactory.CreateOnnx(new EmbeddingOptions { Provider = EmbeddingProvider.Onnx, Path = TestModels.TinyBert }, ".");
        var cls = EmbeddingGeneratorFactory.CreateOnnx(new EmbeddingOptions { Provider = EmbeddingProvider.Onnx, Path = TestModels.TinyBert, Pooling = PoolingMode.Cls }, ".");

        // Assert
        Assert.NotEqual(mean.Model.ModelId, cls.Model.ModelId);
    }
}
