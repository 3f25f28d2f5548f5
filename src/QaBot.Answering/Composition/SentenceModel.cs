namespace QaBot.Answering.Composition;

/// <summary>
/// A log-linear score for an extractive answer's sentence candidates: score = exp(Σ weightᵢ · featureᵢ), so that
/// ratios between scores (a supporting sentence must reach a share of the lead's) keep their meaning. The defaults
/// were fitted by <c>tools/ranking/fit.py --list sentence_candidates</c> on the development sets of two
/// collections; see docs/ranking.md.
/// </summary>
public sealed record SentenceModel(IReadOnlyDictionary<string, double> Weights)
{
    /// <summary>The composer's hand-set score before the fit: share × (0.7 + 0.3 × passage share) / (1 + 0.1 × (rank − 1)), × 0.6 without the item, × 0.5 for the text's own question, × 0.75 for a pair.</summary>
    public static SentenceModel HandSet { get; } = new(new Dictionary<string, double>(StringComparer.Ordinal)
    {
        [SentenceFeature.Share] = 1.0,
        [SentenceFeature.PassageShare] = 1.0,
        [SentenceFeature.PassageRank] = 1.0,
        [SentenceFeature.MissingItem] = Math.Log(0.6),
        [SentenceFeature.AsksItself] = Math.Log(0.5),
        [SentenceFeature.Pair] = Math.Log(0.75),
    });

    public static SentenceModel Default { get; } = new(new Dictionary<string, double>(StringComparer.Ordinal)
    {
        [SentenceFeature.Share] = 1.905,
        [SentenceFeature.PassageShare] = 0.544,
        [SentenceFeature.PassageRank] = 1.639,
        [SentenceFeature.MissingItem] = -1.336,
        [SentenceFeature.AsksItself] = -0.920,
        [SentenceFeature.Pair] = -0.353,
        [SentenceFeature.RareShare] = 2.111,
        [SentenceFeature.PassageScoreGap] = -1.767,
        [SentenceFeature.Length] = -0.902,
        [SentenceFeature.Position] = -0.602,
        [SentenceFeature.BlockLine] = -0.325,
    });

    public double Score(IReadOnlyDictionary<string, double> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        return Math.Exp(Weights.Sum(w => w.Value * features.GetValueOrDefault(w.Key)));
    }
}
