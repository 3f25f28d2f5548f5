using System.Numerics.Tensors;

namespace QaBot.Bench;

/// <summary>
/// Deterministic random unit vectors, standing in for embeddings when no model is configured: they measure
/// the vector index itself (storage, load, scan), not the quality of any model.
/// </summary>
public static class RandomUnitVectors
{
    public const int Dimensions = 384;

    /// <summary>A unit vector of <paramref name="dimensions"/> Gaussian components, the same for the same key and seed.</summary>
    public static float[] For(int seed, int key, int dimensions = Dimensions)
    {
        var random = new Random(DeterministicSeed.Of(seed, key));
        var vector = new float[dimensions];
        for (var i = 0; i < dimensions; i++)
        {
            // Box-Muller: uniform directions on the sphere need Gaussian components, not uniform ones.
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            vector[i] = (float)(Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }

        var norm = TensorPrimitives.Norm(vector);
        TensorPrimitives.Divide(vector, norm, vector);
        return vector;
    }
}
