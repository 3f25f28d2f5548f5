namespace QaBot.Evaluation;

/// <summary>Computes the metrics of eval/README.md from question outcomes.</summary>
public static class EvalMetricsCalculator
{
    public static readonly IReadOnlyList<string> Kinds = ["factual", "crosslingual", "multi", "unanswerable"];

    public static EvalReport Report(IReadOnlyList<QuestionOutcome> outcomes, IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var kinds = Kinds.Concat(outcomes.Select(o => o.Question.Kind)).Distinct(StringComparer.Ordinal);
        var byKind = kinds.ToDictionary(k => k, k => Compute(outcomes.Where(o => o.Question.Kind == k).ToList()), StringComparer.Ordinal);
        var byDirection = outcomes.Select(o => o.Direction).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .ToDictionary(d => d, d => Compute(outcomes.Where(o => o.Direction == d).ToList()), StringComparer.Ordinal);
        return new EvalReport(Compute(outcomes), byKind, outcomes, settings) { ByDirection = byDirection };
    }

    public static EvalMetrics Compute(IReadOnlyList<QuestionOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var answerable = outcomes.Where(o => o.Question.IsAnswerable).ToList();
        var unanswerable = outcomes.Where(o => !o.Question.IsAnswerable).ToList();
        var withAnswerGroups = outcomes.Where(o => o.HasEvidenceCriterion).ToList();
        var cited = outcomes.SelectMany(o => o.CitedSources.Select(source => EvalSourcePath.IsAmong(source, o.Question.Sources))).ToList();

        return new EvalMetrics(
            outcomes.Count,
            Mean(answerable, o => AtOrAbove(o.HitRank, 1)),
            Mean(answerable, o => AtOrAbove(o.HitRank, 3)),
            Mean(answerable, o => AtOrAbove(o.HitRank, 5)),
            Mean(answerable, o => o.Question.Sources.Count(s => o.RetrievedSources.Take(5).Any(r => EvalSourcePath.IsAmong(r, [s]))) / (double)o.Question.Sources.Count),
            Mean(answerable, o => Reciprocal(o.HitRank)),
            Mean(withAnswerGroups, o => AtOrAbove(o.EvidenceRank, 1)),
            Mean(withAnswerGroups, o => AtOrAbove(o.EvidenceRank, 3)),
            Mean(withAnswerGroups, o => AtOrAbove(o.EvidenceRank, 5)),
            Mean(withAnswerGroups, o => Reciprocal(o.EvidenceRank)),
            Mean(withAnswerGroups, o => o.AnswerIsCorrect == true ? 1 : 0),
            cited.Count == 0 ? null : cited.Count(c => c) / (double)cited.Count,
            Mean(unanswerable, o => o.Refused ? 1 : 0),
            Mean(answerable, o => o.Refused ? 1 : 0),
            outcomes.Count == 0 ? null : Percentile(outcomes.Select(o => o.LatencyMs), 0.50),
            outcomes.Count == 0 ? null : Percentile(outcomes.Select(o => o.LatencyMs), 0.95))
        {
            AnswerSentencesP50 = Median(outcomes.Where(o => !o.Refused && o.QuotedSentences > 0).Select(o => (double)o.QuotedSentences).ToList()),
            ModelSentencesVerified = outcomes.Sum(o => o.CheckedSentences) is var checkedCount and > 0
                ? outcomes.Sum(o => o.VerifiedSentences) / (double)checkedCount
                : null,
        };
    }

    /// <summary>The middle value (the mean of the two middle ones for an even count); null for none.</summary>
    public static double? Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>1-based rank of the first retrieved passage from an expected source (paths compared as <see cref="EvalSourcePath"/> says).</summary>
    public static int? FirstHitRank(IReadOnlyList<string> retrievedSources, IReadOnlyList<string> expectedSources)
    {
        ArgumentNullException.ThrowIfNull(retrievedSources);
        for (var i = 0; i < retrievedSources.Count; i++)
        {
            if (EvalSourcePath.IsAmong(retrievedSources[i], expectedSources))
            {
                return i + 1;
            }
        }

        return null;
    }

    /// <summary>
    /// 1-based rank at which the retrieved passages first hold the answer; null for never or no groups. Usually
    /// that is the first passage whose own text satisfies every answer_any group. A question answered from
    /// several passages (<see cref="EvalQuestion.NeedsSeveralPassages"/>) has its evidence at the first rank k
    /// where every group is satisfied by one of the top k passages.
    /// </summary>
    public static int? FirstEvidenceRank(IReadOnlyList<string> passageTexts, EvalQuestion question, AnswerTextMatcher matcher)
    {
        ArgumentNullException.ThrowIfNull(passageTexts);
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(matcher);
        var groups = question.AnswerAny;
        if (groups.Count == 0)
        {
            return null;
        }

        var covered = new bool[groups.Count];
        for (var i = 0; i < passageTexts.Count; i++)
        {
            var satisfied = matcher.SatisfiedGroups(passageTexts[i], groups);
            if (!question.NeedsSeveralPassages)
            {
                if (satisfied.All(s => s))
                {
                    return i + 1;
                }

                continue;
            }

            for (var g = 0; g < covered.Length; g++)
            {
                covered[g] |= satisfied[g];
            }

            if (covered.All(c => c))
            {
                return i + 1;
            }
        }

        return null;
    }

    /// <summary>Whether a passage is evidence on its own: it satisfies every group, or for a multi-passage question at least one.</summary>
    public static bool IsEvidencePassage(string passageText, EvalQuestion question, AnswerTextMatcher matcher)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(matcher);
        return question.NeedsSeveralPassages ? matcher.SatisfiesAny(passageText, question.AnswerAny) : matcher.SatisfiesAll(passageText, question.AnswerAny);
    }

    /// <summary>Nearest-rank percentile; 0 for no values.</summary>
    public static double Percentile(IEnumerable<double> values, double fraction)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(fraction * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    private static double AtOrAbove(int? rank, int k) => rank is { } r && r <= k ? 1 : 0;

    private static double Reciprocal(int? rank) => rank is { } r ? 1.0 / r : 0;

    private static double? Mean(IReadOnlyList<QuestionOutcome> outcomes, Func<QuestionOutcome, double> value) =>
        outcomes.Count == 0 ? null : outcomes.Average(value);
}
