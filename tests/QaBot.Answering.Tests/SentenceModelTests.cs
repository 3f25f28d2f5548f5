using QaBot.Answering.Composition;

namespace QaBot.Answering.Tests;

public sealed class SentenceModelTests
{
    [Fact]
    public void Score_HandSetWeights_ReproducesTheHandSetFormula()
    {
        // Arrange: half the question's weight, a passage covering all of it, ranked second, without the asked-for item.
        var features = new Dictionary<string, double>
        {
            [SentenceFeature.Share] = Math.Log(0.5),
            [SentenceFeature.PassageShare] = Math.Log(0.7 + 0.3),
            [SentenceFeature.PassageRank] = -Math.Log(1.1),
            [SentenceFeature.MissingItem] = 1,
        };

        // Act
        var score = SentenceModel.HandSet.Score(features);

        // Assert
        Assert.Equal(0.5 * 1.0 / 1.1 * 0.6, score, 12);
    }

    [Fact]
    public void Score_FeatureTheModelDoesNotWeigh_ChangesNothing()
    {
        var model = new SentenceModel(new Dictionary<string, double> { [SentenceFeature.Share] = 2 });

        var score = model.Score(new Dictionary<string, double> { [SentenceFeature.Share] = Math.Log(0.5), [SentenceFeature.Length] = 3 });

        Assert.Equal(0.25, score, 12);
    }

    [Fact]
    public void Score_FeatureMissingFromTheCandidate_CountsAsZero()
    {
        var model = new SentenceModel(new Dictionary<string, double> { [SentenceFeature.Share] = 1, [SentenceFeature.Pair] = -1 });

        var score = model.Score(new Dictionary<string, double> { [SentenceFeature.Share] = 0 });

        Assert.Equal(1.0, score, 12);
    }
}
