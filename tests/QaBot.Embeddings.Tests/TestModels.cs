namespace QaBot.Embeddings.Tests;

/// <summary>The tiny models in TestModels/ (made by make_test_models.py): a lookup table of 4-dimension rows per token.</summary>
internal static class TestModels
{
    public static string TinyBert => Path.Combine(AppContext.BaseDirectory, "TestModels", "tiny-bert");

    public static string TinyXlmr => Path.Combine(AppContext.BaseDirectory, "TestModels", "tiny-xlmr");

    public static OnnxEmbeddingGenerator Create(string folder, PoolingMode pooling = PoolingMode.Mean, bool normalize = true, int maxTokens = 512, int batchSize = 16) =>
        new(new OnnxEmbeddingSettings("tiny", OnnxModelFolder.Open(folder, null), pooling, normalize, maxTokens, batchSize, Threads: 1));

    /// <summary>The expected vector: <paramref name="sum"/> of the token rows divided by its length.</summary>
    public static float[] Unit(params float[] sum)
    {
        var norm = MathF.Sqrt(sum.Sum(v => v * v));
        return sum.Select(v => v / norm).ToArray();
    }
}
