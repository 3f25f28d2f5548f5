using System.Collections.Concurrent;
using QaBot.Core;

namespace QaBot.Testing;

/// <summary>An <see cref="ITextEmbedder"/> whose vectors a test chooses; it records every text it embedded.</summary>
public sealed class FakeTextEmbedder(EmbeddingModelInfo model, Func<string, float[]> vectorOf) : ITextEmbedder
{
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

    public Task<IReadOnlyList<ReadOnlyMemory<float>>> EmbedPassagesAsync(IReadOnlyList<string> passages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(passages);
        foreach (var passage in passages)
        {
            Passages.Enqueue(passage);
        }

        return Task.FromResult<IReadOnlyList<ReadOnlyMemory<float>>>(passages.Select(p => (ReadOnlyMemory<float>)vectorOf(p)).ToList());
    }

    public Task<ReadOnlyMemory<float>> EmbedQueryAsync(string query, CancellationToken cancellationToken)
    {
        Queries.Enqueue(query);
        return Task.FromResult<ReadOnlyMemory<float>>(vectorOf(query));
    }
}
