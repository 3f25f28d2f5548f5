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
        return new EvalReport(Compute(outcomes), byKind, outcomes, settings);
    }

    public static EvalMetrics Compute(IReadOnlyList<QuestionOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var answerable = outcomes.Where(o => o.Question.IsAnswerable).ToList();
        var unanswerable = outcomes.Where(o => !o.Question.IsAnswerable).ToList();
        var cited = outcomes.SelectMany(o => o.CitedSources.Select(source => o.Question.Sources.Contains(source, StringComparer.Ordinal))).ToList();

        return new EvalMetrics(
            outcomes.Count,
            Mean(answerable, o => HitAt(o, 1)),
            Mean(answerable, o => HitAt(o, 3)),
            Mean(answerable, o => HitAt(o, 5)),
            Mean(answerable, o => o.Question.Sources.Count(s => o.RetrievedSources.Take(5).Contains(s, StringComparer.Ordinal)) / (double)o.Question.Sources.Count),
            Mean(answerable, o => o.HitRank is { } rank ? 1.0 / rank : 0),
            Mean(answerable, o => o.AnswerIsCorrect ? 1 : 0),
            cited.Count == 0 ? null : cited.Count(c => c) / (double)cited.Count,
            Mean(unanswerable, o => o.Refused ? 1 : 0),
            Mean(answerable, o => o.Refused ? 1 : 0),
            outcomes.Count == 0 ? null : Percentile(outcomes.Select(o => o.LatencyMs), 0.50),
            outcomes.Count == 0 ? null : Percentile(outcomes.Select(o => o.LatencyMs), 0.95));
    }

    /// <summary>1-based rank of the first retrieved passage from an expected source.</summary>
    public static int? FirstHitRank(IReadOnlyList<string> retrievedSources, IReadOnlyList<string> expectedSources)
    {
        ArgumentNullException.ThrowIfNull(retrievedSources);
        for (var i = 0; i < retrievedSources.Count; i++)
        {
            if (expectedSources.Contains(retrievedSources[i], StringComparer.Ordinal))
            {
                return i + 1;
            }
        }

        return null;
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

    private static double HitAt(QuestionOutcome outcome, int k) => outcome.HitRank is { } rank && rank <= k ? 1 : 0;

    private static double? Mean(IReadOnlyList<QuestionOutcome> outcomes, Func<QuestionOutcome, double> value) =>
        outcomes.Count == 0 ? null : outcomes.Average(value);
}
