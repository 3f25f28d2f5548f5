using QaBot.Core.Configuration;

namespace QaBot.Retrieval.Tests;

public sealed class RetrievalOptionsTests
{
    [Fact]
    public void Validate_ReplacedMinMatchedTermShareSet_FailsNamingKeyAndItsReplacement()
    {
        var result = new ConfigurationKeyValidator<RetrievalOptions>(RetrievalOptions.SectionName, new RetrievalOptionsValidator())
            .Validate(null, new RetrievalOptions { MinMatchedTermShare = 0.5 });

        Assert.True(result.Failed);
        Assert.Contains("Retrieval:MinMatchedTermShare", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Retrieval:AnswerabilityThreshold", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Defaults_Succeed() =>
        Assert.True(new ConfigurationKeyValidator<RetrievalOptions>(RetrievalOptions.SectionName, new RetrievalOptionsValidator()).Validate(null, new RetrievalOptions()).Succeeded);

    [Theory]
    [InlineData(1.0)]
    [InlineData(1.5)]
    public void Validate_SynonymWeightNotBelowOriginal_FailsNamingTheKey(double weight)
    {
        var result = new ConfigurationKeyValidator<RetrievalOptions>(RetrievalOptions.SectionName, new RetrievalOptionsValidator())
            .Validate(null, new RetrievalOptions { Synonyms = true, SynonymWeight = weight, OriginalQueryWeight = 1.0 });

        Assert.True(result.Failed);
        Assert.Contains("Retrieval:SynonymWeight", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SynonymsOnWithDefaultWeight_Succeeds() =>
        Assert.True(new ConfigurationKeyValidator<RetrievalOptions>(RetrievalOptions.SectionName, new RetrievalOptionsValidator()).Validate(null, new RetrievalOptions { Synonyms = true }).Succeeded);
}
