namespace QaBot.Retrieval.Answerability;

/// <summary>
/// A logistic model over the gate's features: P(answerable) = σ(bias + Σ weightᵢ · featureᵢ). The defaults
/// were fitted by <c>tools/answerability/fit.py</c> on the development sets of two collections together
/// (the demo articles and the Debian documentation collection); see the README for the operating point.
/// </summary>
public sealed record AnswerabilityModel(double Bias, IReadOnlyDictionary<string, double> Weights)
{
    public static AnswerabilityModel Default { get; } = new(
        -14.103,
        new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [GateFeature.BestCoverage] = 5.327,
            [GateFeature.JointCoverage] = 3.004,
            [GateFeature.RareMissing] = 0.92,
            [GateFeature.TypeMissing] = -4.0,
            [GateFeature.Agreement] = 2.577,
            [GateFeature.Margin] = 0.008,
            [GateFeature.Concepts] = 3.946,
        });

    public double Probability(IReadOnlyDictionary<string, double> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var z = Bias + Weights.Sum(w => w.Value * features.GetValueOrDefault(w.Key));
        return 1 / (1 + Math.Exp(-z));
    }
}

/// <summary>The names of the gate's features, as shown under /debug and written by eval --json.</summary>
public static class GateFeature
{
    /// <summary>Share of the question's concepts, weighted by rarity, that the best passage holds.</summary>
    public const string BestCoverage = "best_coverage";

    /// <summary>The same share for the top passages together, so a two-part question can pass.</summary>
    public const string JointCoverage = "joint_coverage";

    /// <summary>Weight of the rarest concept missing from the top passages, relative to the rarest concept of the question (0 when none is missing).</summary>
    public const string RareMissing = "rare_missing";

    /// <summary>
    /// 1 when the question asks for a number, date, name or technical item and no top passage holds one in the
    /// sentences that hold most of the question (a section number elsewhere in the passage does not count).
    /// </summary>
    public const string TypeMissing = "type_missing";

    /// <summary>Share of the searched versions of the question (as asked, translations) that rank the best passage in their top five.</summary>
    public const string Agreement = "agreement";

    /// <summary>Rerank score of the best passage minus that of the second.</summary>
    public const string Margin = "margin";

    /// <summary>ln(1 + number of concepts): short questions say less.</summary>
    public const string Concepts = "concepts";
}
