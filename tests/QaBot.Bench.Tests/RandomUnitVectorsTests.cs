using System.Numerics.Tensors;

namespace QaBot.Bench.Tests;

public sealed class RandomUnitVectorsTests
{
    [Fact]
    public void For_SameSeedAndKey_SameUnitVector()
    {
        var first = RandomUnitVectors.For(42, 7);
        var second = RandomUnitVectors.For(42, 7);

        Assert.Equal(first, second);
        Assert.Equal(RandomUnitVectors.Dimensions, first.Length);
        Assert.Equal(1.0, TensorPrimitives.Norm(first), 4);
        Assert.NotEqual(first, RandomUnitVectors.For(42, 8));
    }
}
