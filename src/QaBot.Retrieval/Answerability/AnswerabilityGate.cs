using Microsoft.Extensions.Options;
using QaBot.Core;

namespace QaBot.Retrieval.Answerability;

/// <summary>One reranked candidate as the gate sees it.</summary>
/// <param name="Terms">The passage's index terms (<see cref="CoverageAssessor.TermsOf"/>).</param>
/// <param name="LegRanks">Its rank in each searched list (the question as asked, each translation).</param>
public sealed record GateCandidate(Chunk Chunk, HashSet<string> Terms, double Score, IReadOnlyDictionary<string, int> LegRanks)
{
    /// <summary>
    /// Whether the passage's sentences that hold most of the question also hold the kind of item it asks for;
    /// null when not known, and then the passage's whole text is checked.
    /// </summary>
    public bool? BestSentenceHoldsAskedType { get; init; }
}

/// <summary>The gate's decision with the evidence behind it.</summary>
public sealed record GateVerdict(double Probability, bool IsAnswerable, IReadOnlyDictionary<string, double> Features, Coverage Joint);

/// <summary>
/// Decides whether the retrieved passages answer the question, for the extractive and the model path alike.
/// It weighs several kinds of evidence (<see cref="GateFeature"/>) in one calibrated model instead of one
/// threshold on the top passage: coverage of the question by the best passages together (so a multi-part
/// question can pass), whether the rarest concept is missing (what marks a near miss), whether a passage
/// holds the kind of item asked for, and whether the versions of the question agree on the best passage.
/// </summary>
public sealed class AnswerabilityGate(IOptions<RetrievalOptions> options)
{
    /// <summary>How many of the best passages count together for joint coverage, answer type and missing concepts.</summary>
    public const int JointDepth = 3;

    /// <summary>A version of the question agrees when it ranks the best passage this high or higher.</summary>
    public const int AgreementRank = 5;

    public AnswerabilityModel Model { get; init; } = AnswerabilityModel.Default;

    public GateVerdict Assess(string question, QuestionConcepts concepts, IReadOnlyList<GateCandidate> ranked, IReadOnlyList<string> searchedLegs)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(concepts);
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(searchedLegs);
        if (ranked.Count == 0 || concepts.Forms.Count == 0)
        {
            return new GateVerdict(0, false, new Dictionary<string, double>(), new Coverage(0, [], [.. concepts.Forms.Keys]));
        }

        var top = ranked.Take(JointDepth).ToList();
        var jointTerms = top.SelectMany(c => c.Terms).ToHashSet(StringComparer.Ordinal);
        var best = CoverageAssessor.Measure(concepts, ranked[0].Terms);
        var joint = CoverageAssessor.Measure(concepts, jointTerms);
        var type = AnswerTypeDetector.Detect(question);
        var features = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [GateFeature.BestCoverage] = best.Share,
            [GateFeature.JointCoverage] = joint.Share,
            [GateFeature.RareMissing] = RareMissing(concepts, joint),
            [GateFeature.TypeMissing] = type != AnswerType.Open && !top.Any(c => c.BestSentenceHoldsAskedType ?? AnswerTypeDetector.Holds(type, c.Chunk.Text)) ? 1 : 0,
            [GateFeature.Agreement] = searchedLegs.Count == 0 ? 0
                : searchedLegs.Count(leg => ranked[0].LegRanks.TryGetValue(leg, out var rank) && rank <= AgreementRank) / (double)searchedLegs.Count,
            [GateFeature.Margin] = ranked.Count > 1 ? ranked[0].Score - ranked[1].Score : ranked[0].Score,
            [GateFeature.Concepts] = Math.Log(1 + concepts.Forms.Count),
        };
        var probability = Model.Probability(features);
        return new GateVerdict(probability, probability >= options.Value.AnswerabilityThreshold, features, joint);
    }

    private static double RareMissing(QuestionConcepts concepts, Coverage joint)
    {
        var heaviest = concepts.Weights.Values.DefaultIfEmpty(0).Max();
        if (heaviest <= 0 || joint.Missing.Count == 0)
        {
            return 0;
        }

        return joint.Missing.Max(concept => concepts.Weights[concept]) / heaviest;
    }
}
