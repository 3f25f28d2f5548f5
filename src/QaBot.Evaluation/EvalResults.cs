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

    /// <summary>Every reranked candidate with its rank features, for fitting the ranker (tools/ranking/fit.py).</summary>
    public IReadOnlyList<QaBot.Core.RankedCandidate> Candidates { get; init; } = [];

    /// <summary>The extractive answer's best sentence candidates with their features, for fitting its sentence model (tools/ranking/fit.py --list sentence_candidates).</summary>
    public IReadOnlyList<QaBot.Core.ScoredSentence> SentenceCandidates { get; init; } = [];

    /// <summary>
    /// 1-based rank of the first retrieved passage whose own text satisfies every answer_any group (see
    /// <see cref="AnswerTextMatcher"/>; for a multi question, the rank at which the top passages together satisfy
    /// every group), counted whether or not the answer was refused; null when never or the question has no groups.
    /// </summary>
    public int? EvidenceRank { get; init; }

    /// <summary>The answerability gate's estimate for the question, and the features it weighed.</summary>
    public double Answerability { get; init; }

    public IReadOnlyDictionary<string, double> GateFeatures { get; init; } = new Dictionary<string, double>();

    /// <summary>
    /// Question language → language of the passage that answers it ("en→de"): the first evidence passage's
    /// language, else that of the expected source's chunks; "none" after the arrow for a question without sources.
    /// </summary>
    public string Direction { get; init; } = LanguageDirection.Label(Question.Language, null);

    /// <summary>Source sentences the extractive answer quotes (0 for a refusal or a model's answer).</summary>
    public int QuotedSentences { get; init; }

    /// <summary>Sentences of a model's answer whose claims were checked, and those verified.</summary>
    public int CheckedSentences { get; init; }

    public int VerifiedSentences { get; init; }

    /// <summary>The question has groups to look for in its passages (evidence metrics apply).</summary>
    public bool HasEvidenceCriterion => Question.IsAnswerable && Question.AnswerAny.Count > 0;

    /// <summary>
    /// Every answer_any group has an alternative in the answer (see <see cref="AnswerTextMatcher"/>); null when the
    /// question has no groups (a reviewed question from Discord feedback names its sources only), so only the
    /// file-level metrics judge it.
    /// </summary>
    public bool? AnswerIsCorrect => Question.AnswerAny.Count == 0 ? null : !Refused && AnswerTextMatcher.Default.SatisfiesAll(Answer, Question.AnswerAny);
}

/// <summary>The metrics of eval/README.md for one group of questions; null where a metric does not apply.</summary>
public sealed record EvalMetrics(
    int Questions,
    double? HitAt1,
    double? HitAt3,
    double? HitAt5,
    double? RecallAt5,
    double? Mrr,
    double? EvidenceAt1,
    double? EvidenceAt3,
    double? EvidenceAt5,
    double? EvidenceMrr,
    double? AnswerAccuracy,
    double? CitationPrecision,
    double? RefusalRate,
    double? FalseRefusalRate,
    double? LatencyP50Ms,
    double? LatencyP95Ms)
{
    /// <summary>Median number of source sentences an extractive answer quotes, over the answers that quote any.</summary>
    public double? AnswerSentencesP50 { get; init; }

    /// <summary>Share of a model's checked sentences (those with numbers, dates or names) whose every claim is in a passage they cite; null without a model.</summary>
    public double? ModelSentencesVerified { get; init; }
}

/// <summary>An evaluation run: metrics overall, per kind and per language direction, every question's outcome, and the settings that mattered.</summary>
public sealed record EvalReport(
    EvalMetrics Overall,
    IReadOnlyDictionary<string, EvalMetrics> ByKind,
    IReadOnlyList<QuestionOutcome> Questions,
    IReadOnlyDictionary<string, string> Settings)
{
    /// <summary>Metrics per <see cref="QuestionOutcome.Direction"/> ("en→de"), in ordinal order of the label.</summary>
    public IReadOnlyDictionary<string, EvalMetrics> ByDirection { get; init; } = new Dictionary<string, EvalMetrics>();
}
