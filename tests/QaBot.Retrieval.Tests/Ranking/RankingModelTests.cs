using QaBot.Retrieval.Ranking;

namespace QaBot.Retrieval.Tests.Ranking;

public sealed class RankingModelTests
{
    [Fact]
    public void Score_WeightsTimesFeatures_SumsThemAndIgnoresUnweightedFeatures()
    {
        var model = new RankingModel(new Dictionary<string, double> { ["a"] = 2, ["b"] = -1 });

        var score = model.Score(new Dictionary<string, double> { ["a"] = 0.5, ["b"] = 3, ["c"] = 100 });

        Assert.Equal(-2, score, precision: 9);
    }

    [Fact]
    public void Default_PassageHoldingTheQuestionInOneSentence_OutranksOneSpreadOverItsText()
    {
        var spread = new Dictionary<string, double> { [RankFeature.Coverage] = 1, [RankFeature.SentenceCoverage] = 0.4, [RankFeature.Fused] = 1, [RankFeature.Length] = 4 };
        var together = new Dictionary<string, double>(spread) { [RankFeature.SentenceCoverage] = 1 };

        Assert.True(RankingModel.Default.Score(together) > RankingModel.Default.Score(spread));
    }

    [Fact]
    public void Default_NumberAskedAndNoneHeld_RanksBelowTheSamePassageWithOne()
    {
        var held = new Dictionary<string, double> { [RankFeature.Coverage] = 0.8, [RankFeature.SentenceCoverage] = 0.8, [RankFeature.Fused] = 0.5 };
        var missing = new Dictionary<string, double>(held) { [RankFeature.TypeMissing] = 1 };

        Assert.True(RankingModel.Default.Score(held) > RankingModel.Default.Score(missing));
    }
}
