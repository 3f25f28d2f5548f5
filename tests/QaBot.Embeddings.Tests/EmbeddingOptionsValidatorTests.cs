namespace QaBot.Embeddings.Tests;

public sealed class EmbeddingOptionsValidatorTests
{
    private static IReadOnlyList<string> Failures(EmbeddingOptions options) =>
        new EmbeddingOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void Validate_Default_IsValid()
    {
        Assert.Empty(Failures(new EmbeddingOptions()));
    }

    [Fact]
    public void Validate_UnknownProvider_NamesTheKeyAndTheChoices()
    {
        var failure = Assert.Single(Failures(new EmbeddingOptions { Provider = "bert" }));

        Assert.StartsWith("Embeddings:Provider: 'bert'", failure, StringComparison.Ordinal);
        Assert.Contains("azure-openai", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OnnxWithoutPathOrCatalogModel_NamesPath()
    {
        var failure = Assert.Single(Failures(new EmbeddingOptions { Provider = "onnx", Model = "mystery" }));

        Assert.StartsWith("Embeddings:Path:", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OnnxCatalogModel_IsValidBeforeItIsPulled()
    {
        Assert.Empty(Failures(new EmbeddingOptions { Provider = "onnx", Model = "multilingual-e5-small" }));
    }

    [Fact]
    public void Validate_AzureWithNothing_NamesModelDimensionsApiKeyAndEndpoint()
    {
        var failures = Failures(new EmbeddingOptions { Provider = "azure-openai" });

        Assert.Equal(["Embeddings:Model", "Embeddings:Dimensions", "Embeddings:ApiKey", "Embeddings:Endpoint"], failures.Select(f => f[..f.IndexOf(": ", StringComparison.Ordinal)]));
    }

    [Fact]
    public void Validate_BatchSizeZero_NamesBatchSize()
    {
        var failure = Assert.Single(Failures(new EmbeddingOptions { BatchSize = 0 }));

        Assert.StartsWith("Embeddings:BatchSize:", failure, StringComparison.Ordinal);
    }
}
