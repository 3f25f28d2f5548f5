namespace QaBot.Evaluation;

/// <summary>What the bot did with one question.</summary>
/// <param name="RetrievedSources">Source file of each retrieved passage, in rank order (may repeat).</param>
/// <param name="HitRank">Rank of the first passage from an expected source, or null.</param>
public sealed record QuestionOutcome(
    EvalQuestion Question,
    IReadOnlyList<string> RetrievedSources,
    IReadOnlyList<string> CitedSources,
    bool Refused,
    string Answer,
    int? HitRank,
    double LatencyMs,
    double Coverage)
{
    /// <summary>The retrieved passages with each leg's rank and score (lexical versions, dense, coverage), for the JSON report.</summary>
    public IReadOnlyList<QaBot.Core.RetrievedPassage> Passages { get; init; } = [];

    /// <summary>Every answer_any group has an alternative in the answer (case-insensitive).</summary>
    public bool AnswerIsCorrect => !Refused && Question.AnswerAny.All(group => group.Any(alt => Answer.Contains(alt, StringComparison.OrdinalIgnoreCase)));
}

/// <summary>The metrics of eval/README.md for one group of questions; null where a metric does not apply.</summary>
public sealed record EvalMetrics(
    int Questions,
    double? HitAt1,
    double? HitAt3,
    double? HitAt5,
    double? RecallAt5,
    double? Mrr,
    double? AnswerAccuracy,
    double? CitationPrecision,
    double? RefusalRate,
    double? FalseRefusalRate,
    double? LatencyP50Ms,
    double? LatencyP95Ms);

/// <summary>An evaluation run: metrics overall and per kind, every question's outcome, and the settings that mattered.</summary>
public sealed record EvalReport(
    EvalMetrics Overall,
    IReadOnlyDictionary<string, EvalMetrics> ByKind,
    IReadOnlyList<QuestionOutcome> Questions,
    IReadOnlyDictionary<string, string> Settings);
