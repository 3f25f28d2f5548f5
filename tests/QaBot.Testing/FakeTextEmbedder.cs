using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using QaBot.Core;

namespace QaBot.Testing;

/// <summary>
/// An embedding generator whose vectors a test chooses; it records every text it embedded, as a passage or as
/// a query (the mark <see cref="TextEmbeddingExtensions"/> puts on each request), and says its model in its metadata.
/// </summary>
public sealed class FakeTextEmbedder(EmbeddingModelInfo model, Func<string, float[]> vectorOf) : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly EmbeddingGeneratorMetadata _metadata = new("fake", null, model.ModelId, model.Dimensions);

    public EmbeddingModelInfo Model { get; } = model;

    public ConcurrentQueue<string> Passages { get; } = new();

    public ConcurrentQueue<string> Queries { get; } = new();

    /// <summary>A model whose vector of a text is made from the text's hash: the same text always gives the same unit vector.</summary>
    public static FakeTextEmbedder Hashing(string modelId, int dimensions) => new(new EmbeddingModelInfo(modelId, dimensions), text =>
    {
        var random = new Random(StringComparer.Ordinal.GetHashCode(text) & 0x7fffffff);
        var vector = Enumerable.Range(0, dimensions).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return vector.Select(v => v / norm).ToArray();
    });

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = values.ToList();
        var record = TextEmbeddingExtensions.InputType(options) == TextEmbeddingExtensions.QueryInput ? Queries : Passages;
        foreach (var text in texts)
        {
            record.Enqueue(text);
        }

        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(texts.Select(t => new Embedding<float>(vectorOf(t)) { ModelId = Model.ModelId })));
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
    }
}
