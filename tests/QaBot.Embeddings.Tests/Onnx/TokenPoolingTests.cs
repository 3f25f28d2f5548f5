namespace QaBot.Embeddings.Tests.Onnx;

public sealed class TokenPoolingTests
{
    [Fact]
    public void Pool_Mean_IgnoresTokensAfterTheCount()
    {
        float[] tokens = [1, 2, 3, 4, 100, 100];
        var destination = new float[2];

        TokenPooling.Pool(tokens, 2, PoolingMode.Mean, destination);

        Assert.Equal([2f, 3f], destination);
    }

    [Fact]
    public void Pool_Cls_TakesTheFirstToken()
    {
        float[] tokens = [1, 2, 3, 4];
        var destination = new float[2];

        TokenPooling.Pool(tokens, 2, PoolingMode.Cls, destination);

        Assert.Equal([1f, 2f], destination);
    }

    [Fact]
    public void Normalize_Vector_HasUnitLength()
    {
        float[] vector = [3, 4];

        TokenPooling.Normalize(vector);

        Assert.Equal([0.6f, 0.8f], vector);
    }

    [Fact]
    public void Normalize_ZeroVector_StaysZero()
    {
        float[] vector = [0, 0];

        TokenPooling.Normalize(vector);

        Assert.Equal([0f, 0f], vector);
    }
}
