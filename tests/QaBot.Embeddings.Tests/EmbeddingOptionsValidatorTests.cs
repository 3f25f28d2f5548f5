using Microsoft.Extensions.Configuration;
using QaBot.Core.Configuration;

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
    public void Bind_UnknownProvider_FailsWithTheKeyValueAndChoices()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Embeddings:Provider", "bert")]).Build();

        var exception = Assert.Throws<InvalidOperationException>(() => configuration.GetSection(EmbeddingOptions.SectionName).Get<EmbeddingOptions>());

        Assert.Contains("'Embeddings:Provider'", exception.Message, StringComparison.Ordinal);
        Assert.Equal("'bert' is not one of none, onnx, ollama, openai, azure-openai.", Assert.IsType<FormatException>(exception.InnerException).Message);
    }

    [Theory]
    [InlineData("azure-openai", EmbeddingProvider.AzureOpenAI)]
    [InlineData("ONNX", EmbeddingProvider.Onnx)]
    [InlineData("", EmbeddingProvider.None)]
    public void Bind_ProviderName_IsTheEnumMember(string value, EmbeddingProvider expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Embeddings:Provider", value)]).Build();

        Assert.Equal(expected, (configuration.GetSection(EmbeddingOptions.SectionName).Get<EmbeddingOptions>() ?? new EmbeddingOptions()).Provider);
    }

    [Fact]
    public void Validate_OnnxWithoutPathOrCatalogModel_NamesPath()
    {
        var failure = Assert.Single(Failures(new EmbeddingOptions { Provider = EmbeddingProvider.Onnx, Model = "mystery" }));

        Assert.StartsWith("Embeddings:Path:", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OnnxCatalogModel_IsValidBeforeItIsPulled()
    {
        Assert.Empty(Failures(new EmbeddingOptions { Provider = EmbeddingProvider.Onnx, Model = "multilingual-e5-small" }));
    }

    [Fact]
    public void Validate_AzureWithNothing_NamesModelDimensionsApiKeyAndEndpoint()
    {
        var failures = Failures(new EmbeddingOptions { Provider = EmbeddingProvider.AzureOpenAI });

        Assert.Equal(["Embeddings:Model", "Embeddings:Dimensions", "Embeddings:ApiKey", "Embeddings:Endpoint"], failures.Select(f => f[..f.IndexOf(": ", StringComparison.Ordinal)]));
    }

    [Fact]
    public void Validate_BatchSizeZero_NamesBatchSize()
    {
        var failure = Assert.Single(Annotations(new EmbeddingOptions { BatchSize = 0 }));

        Assert.Equal("The field Embeddings:BatchSize must be between 1 and 1024.", failure);
    }

    [Fact]
    public void Validate_RelativeEndpoint_NamesEndpoint()
    {
        var failure = Assert.Single(Annotations(new EmbeddingOptions { Endpoint = new Uri("localhost/v1", UriKind.Relative) }));

        Assert.StartsWith("Embeddings:Endpoint must be an absolute http(s) address", failure, StringComparison.Ordinal);
    }

    private static IReadOnlyList<string> Annotations(EmbeddingOptions options) =>
        new ConfigurationKeyValidator<EmbeddingOptions>(EmbeddingOptions.SectionName, new EmbeddingOptionsAnnotations()).Validate(null, options).Failures?.ToList() ?? [];
}
