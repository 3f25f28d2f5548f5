namespace QaBot.Evaluation.Tests;

/// <summary>
/// Six outcomes whose metrics are worked out by hand:
/// q1 factual, hit at 1, correct, cites its source; q2 crosslingual, hit at 3, wrong, cites a wrong source;
/// q3 multi, hit at 3, one of two sources in the top 5, cites one right and one wrong source;
/// q4 factual, no hit, falsely refused; q5 unanswerable, refused; q6 unanswerable, answered citing a source.
/// Latencies 10, 20, ... 60 ms.
/// </summary>
internal static class EvalSample
{
    public static IReadOnlyList<QuestionOutcome> Outcomes() =>
    [
        Outcome(Question("q1", "factual", ["A"], [["220,000", "220000"]]), ["A", "B", "C"], ["A"], false, "There are 220,000 enterprises [1].", 10),
        Outcome(Question("q2", "crosslingual", ["B"], [["Fengyu"]]), ["A", "C", "B"], ["A"], false, "Something else [1].", 20),
        Outcome(Question("q3", "multi", ["A", "D"], [["FSD", "shadow mode"]]), ["C", "C", "A", "E", "F", "D"], ["A", "C"], false, "Not it [1][2].", 30),
        Outcome(Question("q4", "factual", ["E"], [["8-10"]]), ["A"], [], true, "The document collection does not cover this question.", 40),
        Outcome(Question("q5", "unanswerable", [], []), ["A"], [], true, "The document collection does not cover this question.", 50),
        Outcome(Question("q6", "unanswerable", [], []), ["B"], ["B"], false, "Canberra [1].", 60),
    ];

    public static EvalQuestion Question(string id, string kind, IReadOnlyList<string> sources, IReadOnlyList<IReadOnlyList<string>> answerAny) =>
        new(id, "Question " + id + "?", "en", sources, answerAny, kind);

    public static QuestionOutcome Outcome(EvalQuestion question, IReadOnlyList<string> retrieved, IReadOnlyList<string> cited, bool refused, string answer, double latencyMs) =>
        new(question, retrieved, cited, refused, answer, EvalMetricsCalculator.FirstHitRank(retrieved, question.Sources), latencyMs, 0.5);
}
