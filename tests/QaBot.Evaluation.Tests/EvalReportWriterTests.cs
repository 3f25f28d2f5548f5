using System.Text.Json;

namespace QaBot.Evaluation.Tests;

public sealed class EvalReportWriterTests
{
    private static readonly string[] MetricKeys =
    [
        "questions", "hit@1", "hit@3", "hit@5", "recall@5", "mrr", "evidence@1", "evidence@3", "evidence@5", "evidence_mrr", "answer_accuracy", "citation_precision",
        "refusal_rate", "false_refusal_rate", "latency_p50_ms", "latency_p95_ms", "answer_sentences_p50", "model_sentences_verified",
    ];

    [Fact]
    public void ToJson_SampleReport_ShapeOfTheEvalReadme()
    {
        // Arrange
        var report = EvalMetricsCalculator.Report(EvalSample.Outcomes(), new Dictionary<string, string> { ["Retrieval:RrfK"] = "60" });

        // Act
        using var json = JsonDocument.Parse(EvalReportWriter.ToJson(report));

        // Assert
        var root = json.RootElement;
        Assert.Equal(MetricKeys, root.GetProperty("overall").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["factual", "crosslingual", "multi", "unanswerable"], root.GetProperty("by_kind").EnumerateObject().Select(p => p.Name));
        Assert.All(root.GetProperty("by_kind").EnumerateObject(), kind => Assert.Equal(MetricKeys, kind.Value.EnumerateObject().Select(p => p.Name)));
        Assert.Equal("60", root.GetProperty("settings").GetProperty("Retrieval:RrfK").GetString());
        Assert.Equal(6, root.GetProperty("questions").GetArrayLength());
        Assert.All(root.GetProperty("by_direction").EnumerateObject(), direction => Assert.Equal(MetricKeys, direction.Value.EnumerateObject().Select(p => p.Name)));
        foreach (var key in new[] { "id", "retrieved_sources", "cited_sources", "refused", "answer", "hit_rank", "evidence_rank", "direction", "latency_ms" })
        {
            Assert.All(root.GetProperty("questions").EnumerateArray(), q => Assert.True(q.TryGetProperty(key, out _), $"question without {key}"));
        }
    }

    [Fact]
    public void ToJson_OutcomeWithPassages_ListsEachLegsRankAndScore()
    {
        // Arrange
        var chunk = new QaBot.Core.Chunk("a.txt", 0, "A", null, null, 3, 7, "en", "text");
        var passage = new QaBot.Core.RetrievedPassage(chunk, 1, 0.75, [new("original", 2, 4.5), new("dense", 1, 0.875), new("coverage", 1, 1.0)]);
        var outcome = EvalSample.Outcomes()[0] with { Passages = [passage] };
        var report = EvalMetricsCalculator.Report([outcome], new Dictionary<string, string>());

        // Act
        using var json = JsonDocument.Parse(EvalReportWriter.ToJson(report));

        // Assert
        var retrieved = Assert.Single(json.RootElement.GetProperty("questions")[0].GetProperty("retrieved").EnumerateArray());
        Assert.Equal("a.txt:3-7", retrieved.GetProperty("citation").GetString());
        var legs = retrieved.GetProperty("legs");
        Assert.Equal(["original", "dense", "coverage"], legs.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, legs.GetProperty("original").GetProperty("rank").GetInt32());
        Assert.Equal(0.875, legs.GetProperty("dense").GetProperty("score").GetDouble());
        Assert.Equal("en", retrieved.GetProperty("language").GetString());
        Assert.False(retrieved.GetProperty("evidence").GetBoolean());
    }

    [Fact]
    public void ToJson_OutcomeWithSentenceCandidates_ListsEachSentencesFeaturesAndWhetherItIsEvidence()
    {
        // Arrange: q1's answer_any is 220,000; only the second sentence holds it.
        var outcome = EvalSample.Outcomes()[0] with
        {
            SentenceCandidates =
            [
                new("a.txt:1", "Many enterprises.", 0.5, new Dictionary<string, double> { ["share"] = -0.7 }),
                new("a.txt:2", "There are 220,000 enterprises.", 0.25, new Dictionary<string, double> { ["share"] = -1.4 }),
            ],
        };
        var report = EvalMetricsCalculator.Report([outcome], new Dictionary<string, string>());

        // Act
        using var json = JsonDocument.Parse(EvalReportWriter.ToJson(report));

        // Assert
        var sentences = json.RootElement.GetProperty("questions")[0].GetProperty("sentence_candidates").EnumerateArray().ToList();
        Assert.Equal([false, true], sentences.Select(c => c.GetProperty("evidence").GetBoolean()));
        Assert.Equal(-1.4, sentences[1].GetProperty("features").GetProperty("share").GetDouble());
        Assert.Equal(0.5, sentences[0].GetProperty("score").GetDouble());
        Assert.Equal("a.txt:2", sentences[1].GetProperty("location").GetString());
    }

    [Fact]
    public void ToJson_OutcomeWithCandidates_ListsEachCandidatesFeaturesAndWhetherItIsEvidence()
    {
        // Arrange: q1's answer_any is 220,000; only the second candidate's text holds it.
        var miss = new QaBot.Core.Chunk("a.txt", 0, "A", null, null, 1, 1, "en", "Many enterprises.");
        var hit = new QaBot.Core.Chunk("a.txt", 1, "A", null, null, 2, 2, "en", "There are 220,000 enterprises.");
        var outcome = EvalSample.Outcomes()[0] with
        {
            Candidates =
            [
                new(miss, 2.5, new Dictionary<string, double> { ["coverage"] = 0.5, ["fused"] = 1 }),
                new(hit, 2.0, new Dictionary<string, double> { ["coverage"] = 0.25, ["fused"] = 0.5 }),
            ],
        };
        var report = EvalMetricsCalculator.Report([outcome], new Dictionary<string, string>());

        // Act
        using var json = JsonDocument.Parse(EvalReportWriter.ToJson(report));

        // Assert
        var candidates = json.RootElement.GetProperty("questions")[0].GetProperty("candidates").EnumerateArray().ToList();
        Assert.Equal([false, true], candidates.Select(c => c.GetProperty("evidence").GetBoolean()));
        Assert.Equal(0.25, candidates[1].GetProperty("features").GetProperty("coverage").GetDouble());
        Assert.Equal(2.5, candidates[0].GetProperty("score").GetDouble());
        Assert.Equal("a.txt", candidates[0].GetProperty("source").GetString());
    }

    [Fact]
    public void ToJson_DirectionsAndEvidence_ByDirectionAndEachQuestionsEvidenceRank()
    {
        // Arrange
        var outcomes = EvidenceSample.Outcomes();
        var report = EvalMetricsCalculator.Report(outcomes, new Dictionary<string, string>());

        // Act
        using var json = JsonDocument.Parse(EvalReportWriter.ToJson(report));

        // Assert
        var root = json.RootElement;
        Assert.Equal(["de→zh", "en→de", "en→none"], root.GetProperty("by_direction").EnumerateObject().Select(p => p.Name));
        Assert.Equal(0.5, root.GetProperty("by_direction").GetProperty("en→de").GetProperty("evidence@1").GetDouble());
        Assert.Equal(4, root.GetProperty("questions")[1].GetProperty("evidence_rank").GetInt32());
        Assert.Equal("en→de", root.GetProperty("questions")[1].GetProperty("direction").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("questions")[2].GetProperty("evidence_rank").ValueKind);
    }

    [Fact]
    public void ToTable_DirectionsAndEvidence_EvidenceColumnsAndOneRowPerDirectionAfterTheKinds()
    {
        // Arrange
        var report = EvalMetricsCalculator.Report(EvidenceSample.Outcomes(), new Dictionary<string, string>());

        // Act
        var lines = EvalReportWriter.ToTable(report).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        // Assert
        Assert.Contains("evidence@1", lines[0], StringComparison.Ordinal);
        Assert.Contains("evidence_mrr", lines[0], StringComparison.Ordinal);
        var firstDirection = Array.FindIndex(lines, l => l.StartsWith("de→zh", StringComparison.Ordinal));
        var lastKind = Array.FindIndex(lines, l => l.StartsWith("unanswerable", StringComparison.Ordinal));
        Assert.True(firstDirection > lastKind, "directions follow the kinds");
        Assert.StartsWith("---", lines[firstDirection - 1], StringComparison.Ordinal);
        Assert.StartsWith("en→de", lines[firstDirection + 1], StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_SampleReport_MetricValuesAndNulls()
    {
        // Arrange
        var report = EvalMetricsCalculator.Report(EvalSample.Outcomes(), new Dictionary<string, string>());

        // Act
        using var json = JsonDocument.Parse(EvalReportWriter.ToJson(report));

        // Assert
        var overall = json.RootElement.GetProperty("overall");
        Assert.Equal(6, overall.GetProperty("questions").GetInt32());
        Assert.Equal(0.25, overall.GetProperty("hit@1").GetDouble());
        Assert.Equal(0.625, overall.GetProperty("recall@5").GetDouble());
        Assert.Equal(0.4, overall.GetProperty("citation_precision").GetDouble(), 1e-12);
        Assert.Equal(30, overall.GetProperty("latency_p50_ms").GetDouble());
        var unanswerable = json.RootElement.GetProperty("by_kind").GetProperty("unanswerable");
        Assert.Equal(JsonValueKind.Null, unanswerable.GetProperty("hit@1").ValueKind);
        Assert.Equal(JsonValueKind.Null, unanswerable.GetProperty("false_refusal_rate").ValueKind);
        Assert.Equal(0.5, unanswerable.GetProperty("refusal_rate").GetDouble());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("by_kind").GetProperty("factual").GetProperty("refusal_rate").ValueKind);
    }

    [Fact]
    public void ToJson_SampleReport_EachQuestionsOutcome()
    {
        // Arrange
        var report = EvalMetricsCalculator.Report(EvalSample.Outcomes(), new Dictionary<string, string>());

        // Act
        using var json = JsonDocument.Parse(EvalReportWriter.ToJson(report));

        // Assert
        var questions = json.RootElement.GetProperty("questions").EnumerateArray().ToList();
        var q3 = questions[2];
        Assert.Equal("q3", q3.GetProperty("id").GetString());
        Assert.Equal(["C", "C", "A", "E", "F", "D"], q3.GetProperty("retrieved_sources").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["A", "C"], q3.GetProperty("cited_sources").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(3, q3.GetProperty("hit_rank").GetInt32());
        Assert.False(q3.GetProperty("refused").GetBoolean());
        Assert.Equal(30, q3.GetProperty("latency_ms").GetDouble());
        var q4 = questions[3];
        Assert.Equal(JsonValueKind.Null, q4.GetProperty("hit_rank").ValueKind);
        Assert.True(q4.GetProperty("refused").GetBoolean());
        Assert.Equal("There are 220,000 enterprises [1].", questions[0].GetProperty("answer").GetString());
    }

    [Fact]
    public void ToJson_ChineseAnswer_WrittenUnescaped()
    {
        // Arrange
        var outcome = EvalSample.Outcome(EvalSample.Question("z", "factual", ["a"], [["算力"]]), ["a"], ["a"], false, "算力层 [1]", 1);
        var report = EvalMetricsCalculator.Report([outcome], new Dictionary<string, string>());

        // Act
        var json = EvalReportWriter.ToJson(report);

        // Assert
        Assert.Contains("\"算力层 [1]\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ToTable_SampleReport_OneRowPerGroupWithDashesForNulls()
    {
        // Arrange
        var report = EvalMetricsCalculator.Report(EvalSample.Outcomes(), new Dictionary<string, string> { ["Retrieval:RrfK"] = "60" });

        // Act
        var lines = EvalReportWriter.ToTable(report).Split(Environment.NewLine);

        // Assert
        Assert.Equal(["group", "n", "hit@1", "hit@3", "hit@5", "recall@5", "mrr", "evidence@1", "evidence@3", "evidence@5", "evidence_mrr", "answer_accuracy", "citation_precision", "refusal_rate", "false_refusal_rate", "latency_p50_ms", "latency_p95_ms", "answer_sentences_p50", "model_sentences_verified"], Cells(lines[0]));
        Assert.Equal(["overall", "6", "0.25", "0.75", "0.75", "0.63", "0.42", "0.00", "0.00", "0.00", "0.00", "0.25", "0.40", "0.50", "0.25", "30.0", "60.0", "-", "-"], Cells(lines[2]));
        Assert.Equal(["unanswerable", "2", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "0.00", "0.50", "-", "50.0", "60.0", "-", "-"], Cells(Assert.Single(lines, l => l.StartsWith("unanswerable", StringComparison.Ordinal))));
        Assert.Contains("settings: Retrieval:RrfK=60", lines);
    }

    private static string[] Cells(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
