using QaBot.Core;

namespace QaBot.Cli.Tests;

/// <summary>Answers as the answer service returns them.</summary>
internal static class Answers
{
    public static RetrievedPassage Passage(int rank, string source, int start, int end, string title, string text, string? section = null) =>
        new(new Chunk(source, rank - 1, title, section, null, start, end, "en", text) { HeadingPath = section is null ? [] : [section] }, rank, 0.5 / rank, [new LegRank("original", rank, 3.25 / rank)]);

    public static Answer Covered(string text = "There are over 220,000 industrial enterprises. [1]") =>
        new(
            text,
            [new Citation(1, "004_f9dad41751f58670.txt", 1, 1, "当AI寻找场景")],
            Refused: false,
            new RetrievalResult(
                [Passage(1, "004_f9dad41751f58670.txt", 1, 1, "当AI寻找场景", "Over 220,000 industrial enterprises.\nSecond line.", "Group 1"), Passage(2, "000_bace5807803ee532.txt", 30, 32, "The commercialization dilemma", "Patient capital.")],
                new RetrievalEvidence(4, 0.75, 12.5, ["industri", "enterpris", "binhai"], ["guangdong"]) { Answerability = 0.82, GateFeatures = new Dictionary<string, double> { ["joint_coverage"] = 0.75 } },
                IsRelevant: true,
                [new QueryDiagnostics("original", "en", ["industri", "enterpris"], [new LegRank("004_f9dad41751f58670.txt:1-1", 1, 12.5)])],
                TimeSpan.FromMilliseconds(4.5)),
            "extractive",
            TimeSpan.FromMilliseconds(12));

    public static Answer Refused(string text = "The document collection does not cover this question; I found no passage that answers it.") =>
        new(text, [], Refused: true, RetrievalResult.Empty, "extractive", TimeSpan.FromMilliseconds(3));
}
