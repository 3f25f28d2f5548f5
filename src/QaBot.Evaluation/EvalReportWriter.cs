using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace QaBot.Evaluation;

/// <summary>Writes an evaluation report as the table people read and the JSON of eval/README.md.</summary>
public static class EvalReportWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly (string Name, Func<EvalMetrics, double?> Value)[] Columns =
    [
        ("hit@1", m => m.HitAt1), ("hit@3", m => m.HitAt3), ("hit@5", m => m.HitAt5), ("recall@5", m => m.RecallAt5), ("mrr", m => m.Mrr),
        ("evidence@1", m => m.EvidenceAt1), ("evidence@3", m => m.EvidenceAt3), ("evidence@5", m => m.EvidenceAt5), ("evidence_mrr", m => m.EvidenceMrr),
        ("answer_accuracy", m => m.AnswerAccuracy), ("citation_precision", m => m.CitationPrecision),
        ("refusal_rate", m => m.RefusalRate), ("false_refusal_rate", m => m.FalseRefusalRate),
        ("latency_p50_ms", m => m.LatencyP50Ms), ("latency_p95_ms", m => m.LatencyP95Ms),
        ("answer_sentences_p50", m => m.AnswerSentencesP50), ("model_sentences_verified", m => m.ModelSentencesVerified),
    ];

    public static string ToTable(EvalReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = new List<(string Group, EvalMetrics Metrics)> { ("overall", report.Overall) };
        rows.AddRange(report.ByKind.Select(p => (p.Key, p.Value)));
        var directionRows = report.ByDirection.Select(p => (Group: p.Key, Metrics: p.Value)).ToList();
        List<string> header = ["group", "n", .. Columns.Select(c => c.Name)];
        var cells = rows.Concat(directionRows).Select(r => (List<string>)[r.Group, r.Metrics.Questions.ToString(CultureInfo.InvariantCulture), .. Columns.Select(c => Format(c.Value(r.Metrics), c.Name.EndsWith("_ms", StringComparison.Ordinal)))]).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, cells.Max(r => r[i].Length))).ToList();
        var divider = widths.Select(w => new string('-', w)).ToList();

        var builder = new StringBuilder();
        AppendRow(builder, header, widths);
        AppendRow(builder, divider, widths);
        for (var i = 0; i < cells.Count; i++)
        {
            // The language directions (question → passage) follow the kinds, under a line of their own.
            if (i == rows.Count && directionRows.Count > 0)
            {
                AppendRow(builder, divider, widths);
            }

            AppendRow(builder, cells[i], widths);
        }

        if (report.Settings.Count > 0)
        {
            builder.AppendLine().Append("settings: ").AppendJoin(", ", report.Settings.Select(p => $"{p.Key}={p.Value}")).AppendLine();
        }

        return builder.ToString();
    }

    public static string ToJson(EvalReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var root = new JsonObject
        {
            ["overall"] = Metrics(report.Overall),
            ["by_kind"] = new JsonObject(report.ByKind.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)Metrics(p.Value)))),
            ["by_direction"] = new JsonObject(report.ByDirection.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)Metrics(p.Value)))),
            ["questions"] = new JsonArray(report.Questions.Select(q => (JsonNode?)new JsonObject
            {
                ["id"] = q.Question.Id,
                ["kind"] = q.Question.Kind,
                ["retrieved_sources"] = new JsonArray(q.RetrievedSources.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
                ["cited_sources"] = new JsonArray(q.CitedSources.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
                ["refused"] = q.Refused,
                ["answer"] = q.Answer,
                ["answer_correct"] = q.AnswerIsCorrect,
                ["hit_rank"] = q.HitRank,
                ["evidence_rank"] = q.EvidenceRank,
                ["direction"] = q.Direction,
                ["coverage"] = Math.Round(q.Coverage, 4),
                ["answerability"] = Math.Round(q.Answerability, 4),
                ["gate_features"] = new JsonObject(q.GateFeatures.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)Math.Round(f.Value, 4)))),
                ["latency_ms"] = Math.Round(q.LatencyMs, 3),
                ["quoted_sentences"] = q.QuotedSentences,
                ["checked_sentences"] = q.CheckedSentences,
                ["verified_sentences"] = q.VerifiedSentences,
                ["retrieved"] = new JsonArray(q.Passages.Select(p => (JsonNode?)new JsonObject
                {
                    ["rank"] = p.Rank,
                    ["citation"] = p.CitationLabel,
                    ["score"] = Math.Round(p.Score, 6),
                    ["language"] = p.Chunk.Language,
                    ["evidence"] = EvalMetricsCalculator.IsEvidencePassage(p.Chunk.Text, q.Question, AnswerTextMatcher.Default),
                    ["legs"] = new JsonObject(p.Legs.Select(l => KeyValuePair.Create(l.Leg, (JsonNode?)new JsonObject { ["rank"] = l.Rank, ["score"] = Math.Round(l.Score, 6) }))),
                }).ToArray()),
                ["candidates"] = new JsonArray(q.Candidates.Select(c => (JsonNode?)new JsonObject
                {
                    ["source"] = c.Chunk.SourcePath,
                    ["evidence"] = EvalMetricsCalculator.IsEvidencePassage(c.Chunk.Text, q.Question, AnswerTextMatcher.Default),
                    ["score"] = Math.Round(c.Score, 6),
                    ["features"] = new JsonObject(c.Features.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)Math.Round(f.Value, 5)))),
                }).ToArray()),
                ["sentence_candidates"] = new JsonArray(q.SentenceCandidates.Select(c => (JsonNode?)new JsonObject
                {
                    ["location"] = c.Location,
                    ["text"] = c.Text,
                    ["evidence"] = EvalMetricsCalculator.IsEvidencePassage(c.Text, q.Question, AnswerTextMatcher.Default),
                    ["score"] = Math.Round(c.Score, 6),
                    ["features"] = new JsonObject(c.Features.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)Math.Round(f.Value, 5)))),
                }).ToArray()),
            }).ToArray()),
            ["settings"] = new JsonObject(report.Settings.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value)))),
        };
        return root.ToJsonString(Indented);
    }

    private static JsonObject Metrics(EvalMetrics m) => new()
    {
        ["questions"] = m.Questions,
        ["hit@1"] = m.HitAt1,
        ["hit@3"] = m.HitAt3,
        ["hit@5"] = m.HitAt5,
        ["recall@5"] = m.RecallAt5,
        ["mrr"] = m.Mrr,
        ["evidence@1"] = m.EvidenceAt1,
        ["evidence@3"] = m.EvidenceAt3,
        ["evidence@5"] = m.EvidenceAt5,
        ["evidence_mrr"] = m.EvidenceMrr,
        ["answer_accuracy"] = m.AnswerAccuracy,
        ["citation_precision"] = m.CitationPrecision,
        ["refusal_rate"] = m.RefusalRate,
        ["false_refusal_rate"] = m.FalseRefusalRate,
        ["latency_p50_ms"] = m.LatencyP50Ms is { } p50 ? Math.Round(p50, 3) : null,
        ["latency_p95_ms"] = m.LatencyP95Ms is { } p95 ? Math.Round(p95, 3) : null,
        ["answer_sentences_p50"] = m.AnswerSentencesP50,
        ["model_sentences_verified"] = m.ModelSentencesVerified,
    };

    private static string Format(double? value, bool isMilliseconds) => value switch
    {
        null => "-",
        { } v when isMilliseconds => v.ToString("0.0", CultureInfo.InvariantCulture),
        { } v => v.ToString("0.00", CultureInfo.InvariantCulture),
    };

    private static void AppendRow(StringBuilder builder, IReadOnlyList<string> cells, IReadOnlyList<int> widths)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            builder.Append(i == 0 ? cells[i].PadRight(widths[i]) : cells[i].PadLeft(widths[i]));
            builder.Append(i == cells.Count - 1 ? string.Empty : "  ");
        }

        builder.AppendLine();
    }
}
