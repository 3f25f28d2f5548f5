using System.Numerics.Tensors;

namespace QaBot.Embeddings;

/// <summary>Turns one sequence's token vectors into one vector, and scales vectors to unit length.</summary>
internal static class TokenPooling
{
    /// <param name="tokens">The sequence's token vectors, row after row: <c>sequenceLength * destination.Length</c> floats.</param>
    /// <param name="tokenCount">How many leading tokens are real (the attention mask's ones); the rest is padding.</param>
    public static void Pool(ReadOnlySpan<float> tokens, int tokenCount, PoolingMode mode, Span<float> destination)
    {
        var dimensions = destination.Length;
        if (mode == PoolingMode.Cls || tokenCount <= 1)
        {
            tokens[..dimensions].CopyTo(destination);
            return;
        }

        tokens[..dimensions].CopyTo(destination);
        for (var t = 1; t < tokenCount; t++)
        {
            TensorPrimitives.Add(destination, tokens.Slice(t * dimensions, dimensions), destination);
        }

        TensorPrimitives.Divide(destination, tokenCount, destination);
    }

    /// <summary>Scales <paramref name="vector"/> to length 1; a zero vector stays zero.</summary>
    public static void Normalize(Span<float> vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }
    }
}
