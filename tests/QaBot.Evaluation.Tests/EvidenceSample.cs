namespace QaBot.Evaluation.Tests;

/// <summary>
/// Five outcomes for the passage-level metrics, worked out by hand:
/// e1 factual en→de, evidence at rank 1; e2 crosslingual en→de, refused but evidence at rank 4;
/// e3 crosslingual de→zh, no evidence; e4 unanswerable en→none; e5 factual en→de without answer_any groups
/// (no evidence criterion, left out of the evidence metrics).
/// </summary>
internal static class EvidenceSample
{
    public static IReadOnlyList<QuestionOutcome> Outcomes() =>
    [
        With(EvalSample.Outcome(EvalSample.Question("e1", "factual", ["a/x.de.html"], [["-sa"]]), ["a/x.de.html"], [], false, "Use -sa [1].", 1), 1, "en→de"),
        With(EvalSample.Outcome(EvalSample.Question("e2", "crosslingual", ["a/x.de.html"], [["DESTDIR"]]), ["b", "c", "d", "a/x.de.html"], [], true, "Not covered.", 2), 4, "en→de"),
        With(EvalSample.Outcome(EvalSample.Question("e3", "crosslingual", ["c/y.html"], [["trixie"]]) with { Language = "de" }, ["d"], [], false, "Unbekannt [1].", 3), null, "de→zh"),
        With(EvalSample.Outcome(EvalSample.Question("e4", "unanswerable", [], []), ["d"], [], true, "Not covered.", 4), null, "en→none"),
        With(EvalSample.Outcome(EvalSample.Question("e5", "factual", ["a/x.de.html"], []), ["a/x.de.html"], [], false, "Something [1].", 5), null, "en→de"),
    ];

    private static QuestionOutcome With(QuestionOutcome outcome, int? evidenceRank, string direction) =>
        outcome with { EvidenceRank = evidenceRank, Direction = direction };
}
