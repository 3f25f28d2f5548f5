namespace QaBot.Retrieval.Ranking;

/// <summary>
/// A linear scoring function over <see cref="RankFeature"/>s: score = Σ weightᵢ · featureᵢ. The defaults were
/// fitted by <c>tools/ranking/fit.py</c> (pairwise logistic regression: an evidence passage should outscore
/// the other candidates of its question) on the development sets of two collections; see docs/ranking.md.
/// </summary>
public sealed record RankingModel(IReadOnlyDictionary<string, double> Weights)
{
    /// <summary>Coverage first, the fused rank as a light tie-breaker: the ranking before the model was fitted.</summary>
    public static RankingModel CoverageFirst { get; } = new(new Dictionary<string, double>(StringComparer.Ordinal)
    {
        [RankFeature.Coverage] = 1.0,
        [RankFeature.Fused] = 0.1,
    });

    /// <summary>Fitted on both development sets (eval/dev.jsonl, eval/debian-docs); see docs/ranking.md for what it gained.</summary>
    public static RankingModel Default { get; } = new(new Dictionary<string, double>(StringComparer.Ordinal)
    {
        [RankFeature.Coverage] = 3.503,
        [RankFeature.SentenceCoverage] = 3.246,
        [RankFeature.Fused] = 1.996,
        [RankFeature.BestLegScore] = 1.584,
        [RankFeature.BestLegRank] = 1.136,
        [RankFeature.TypeMissing] = -1.452,
        [RankFeature.Length] = 0.906,
    });

    public double Score(IReadOnlyDictionary<string, double> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        return Weights.Sum(w => w.Value * features.GetValueOrDefault(w.Key));
    }
}
