using QaBot.Analysis;
using QaBot.Core;
using QaBot.Retrieval.Answerability;

namespace QaBot.Retrieval.Ranking;

/// <summary>One fused candidate as the reranker sees it: where it stood in each searched list.</summary>
/// <param name="LegScores">Per searched list: the candidate's rank and score, and that list's top score.</param>
public sealed record CandidateLegs(double FusedScore, double MaxFusedScore, IReadOnlyList<(string Leg, int Rank, double Score, double TopScore)> LegScores);

/// <summary>
/// Computes the <see cref="RankFeature"/>s of a candidate passage for a question: how much of the question it
/// holds (as a whole, in its best sentence, through its headings), how well each searched list ranked it,
/// whether it holds the kind of item asked for, and its size.
/// </summary>
public sealed class PassageFeatureExtractor(TextAnalyzer analyzer)
{
    public IReadOnlyDictionary<string, double> Extract(
        QuestionConcepts concepts, AnswerType askedType, Chunk chunk, PassageTerms terms, Coverage coverage, CandidateLegs legs)
    {
        ArgumentNullException.ThrowIfNull(concepts);
        ArgumentNullException.ThrowIfNull(chunk);
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(coverage);
        ArgumentNullException.ThrowIfNull(legs);
        var bestSentences = BestSentences(concepts, terms);
        var lexical = legs.LegScores.Where(l => l.TopScore > 0).ToList();
        var original = legs.LegScores.Count > 0 && legs.LegScores[0].Rank > 0 && legs.LegScores[0].TopScore > 0
            ? legs.LegScores[0].Score / legs.LegScores[0].TopScore
            : 0;
        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [RankFeature.Coverage] = coverage.Share,
            [RankFeature.SentenceCoverage] = bestSentences.Coverage,
            [RankFeature.HeadingCoverage] = HeadingGain(concepts, chunk, terms.All, coverage),
            [RankFeature.Fused] = legs.MaxFusedScore > 0 ? legs.FusedScore / legs.MaxFusedScore : 0,
            [RankFeature.BestLegScore] = lexical.Where(l => l.Rank > 0).Select(l => l.Score / l.TopScore).DefaultIfEmpty(0).Max(),
            [RankFeature.OriginalScore] = original,
            [RankFeature.BestLegRank] = legs.LegScores.Where(l => l.Rank > 0).Select(l => 1.0 / l.Rank).DefaultIfEmpty(0).Max(),
            [RankFeature.TypeMissing] = askedType != AnswerType.Open && !AnswerTypeDetector.Holds(askedType, chunk.Text) ? 1 : 0,
            [RankFeature.SentenceTypeMissing] = askedType != AnswerType.Open && !bestSentences.Texts.Any(t => AnswerTypeDetector.Holds(askedType, t)) ? 1 : 0,
            [RankFeature.RareMatched] = RareMatched(concepts, coverage),
            [RankFeature.Length] = Math.Log(1 + terms.All.Count),
        };
    }

    private static double RareMatched(QuestionConcepts concepts, Coverage coverage)
    {
        var heaviest = concepts.Weights.Values.DefaultIfEmpty(0).Max();
        return heaviest <= 0 || coverage.Matched.Count == 0 ? 0 : coverage.Matched.Max(concept => concepts.Weights[concept]) / heaviest;
    }

    /// <summary>
    /// The highest coverage of the question by one sentence, and the sentences that reach it together with the
    /// sentence after each: an answer often completes the sentence that names the question's terms.
    /// </summary>
    private static (double Coverage, IReadOnlyList<string> Texts) BestSentences(QuestionConcepts concepts, PassageTerms terms)
    {
        var scored = terms.Sentences.Select(s => (s.Text, CoverageAssessor.Measure(concepts, s.Terms).Share)).ToList();
        if (scored.Count == 0)
        {
            return (0, []);
        }

        var best = scored.Max(s => s.Share);
        var texts = new List<string>();
        for (var i = 0; i < scored.Count; i++)
        {
            if (scored[i].Share >= best - 1e-9 || (i > 0 && scored[i - 1].Share >= best - 1e-9 && best > 0))
            {
                texts.Add(scored[i].Text);
            }
        }

        return (best, texts);
    }

    private double HeadingGain(QuestionConcepts concepts, Chunk chunk, HashSet<string> passageTerms, Coverage coverage)
    {
        if (chunk.HeadingPath.Count == 0)
        {
            return 0;
        }

        var withHeadings = new HashSet<string>(passageTerms, StringComparer.Ordinal);
        foreach (var heading in chunk.HeadingPath)
        {
            withHeadings.UnionWith(analyzer.Analyze(heading, chunk.Language));
        }

        return CoverageAssessor.Measure(concepts, withHeadings).Share - coverage.Share;
    }
}
