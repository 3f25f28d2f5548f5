using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace QaBot.Bench;

/// <summary>Renders bench results as a table (one column per collection size) and as JSON.</summary>
public static class BenchReportWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string ToTable(IReadOnlyList<BenchResult> results, BenchEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(environment);
        var rows = new List<(string Metric, Func<BenchResult, string> Value)>
        {
            ("chunks (articles)", r => $"{r.Chunks} ({r.Articles})"),
            ("ingest chunks/s, lexical", r => F0(r.IngestChunksPerSecond)),
            ("ingest chunks/s, dense", _ => "n/a"),
            ("translation table build ms", r => F0(r.TranslationTableBuildMs)),
            ("ingest chunks/s incl. table", r => F0(r.IngestWithRefreshChunksPerSecond)),
            ("vector write chunks/s", r => F0(r.VectorWriteChunksPerSecond)),
            ("lexical p50/p95/p99 ms", r => Triple(r.Lexical)),
            ("dense p50/p95/p99 ms", r => Triple(r.Dense)),
            ("hybrid p50/p95/p99 ms", r => Triple(r.Hybrid)),
            ("answer p50/p95/p99 ms", r => Triple(r.AnswerPipeline)),
            ("lexical stages mean ms", r => string.Join(" ", r.LexicalStagesMeanMs.Select(p => $"{p.Key[0]}{F1(p.Value)}"))),
            ("table load ms", r => F1(r.TranslationTableLoadMs)),
            ("translate p50/p95 ms", r => $"{F2(r.Translation.P50Ms)}/{F2(r.Translation.P95Ms)}"),
            ("index MB", r => F1(r.IndexBytes / 1048576.0)),
            ("peak RSS MB", r => F0(r.PeakRssBytes / 1048576.0)),
        };
        List<string> header = ["metric", .. results.Select(r => r.RequestedChunks.ToString(CultureInfo.InvariantCulture))];
        var table = rows.Select(row => (IReadOnlyList<string>)[row.Metric, .. results.Select(row.Value)]).ToList();
        return Format(header, table) + $"\n{Describe(environment)}\n";
    }

    public static string ToTable(CollectionBenchResult result, BenchEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(environment);
        var rows = new List<IReadOnlyList<string>>
        {
            (string[])["collection", result.Name],
            (string[])["files (failed)", $"{result.Files} ({result.FailedFiles})"],
            (string[])["source MB", F2(result.SourceBytes / 1048576.0)],
            (string[])["chunks", result.Chunks.ToString(CultureInfo.InvariantCulture)],
            (string[])["ingest s (table build s)", $"{F2(result.TotalIngestSeconds)} ({F2(result.TranslationTableBuildMs / 1000)})"],
            (string[])["ingest MB/s incl. table", F2(result.MegabytesPerSecond)],
            (string[])["one-file change re-ingest s", F2(result.OneFileChangeSeconds)],
            (string[])["table load ms", F1(result.TranslationTableLoadMs)],
            (string[])["retrieval p50/p95/p99 ms", Triple(result.Retrieval)],
            (string[])["answer p50/p95/p99 ms", Triple(result.Answer)],
            (string[])["index MB", F1(result.IndexBytes / 1048576.0)],
            (string[])["peak RSS MB", F0(result.PeakRssBytes / 1048576.0)],
        };
        return Format(["metric", "value"], rows) + $"\n{Describe(environment)}\n";
    }

    public static string ToJson(CollectionBenchResult result, BenchEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(environment);
        var root = new JsonObject
        {
            ["mode"] = "collection",
            ["collection"] = result.Name,
            ["cores"] = environment.Cores,
            ["commit"] = environment.Commit,
            ["files"] = result.Files,
            ["failed_files"] = result.FailedFiles,
            ["source_bytes"] = result.SourceBytes,
            ["chunks"] = result.Chunks,
            ["ingest_seconds"] = Math.Round(result.TotalIngestSeconds, 3),
            ["translation_table_build_ms"] = Math.Round(result.TranslationTableBuildMs, 1),
            ["ingest_mb_per_s"] = Math.Round(result.MegabytesPerSecond, 3),
            ["one_file_change_seconds"] = Math.Round(result.OneFileChangeSeconds, 3),
            ["translation_table_load_ms"] = Math.Round(result.TranslationTableLoadMs, 1),
            ["retrieval_p50_ms"] = Math.Round(result.Retrieval.P50Ms, 2),
            ["retrieval_p95_ms"] = Math.Round(result.Retrieval.P95Ms, 2),
            ["answer_p50_ms"] = Math.Round(result.Answer.P50Ms, 2),
            ["answer_p95_ms"] = Math.Round(result.Answer.P95Ms, 2),
            ["index_bytes"] = result.IndexBytes,
            ["peak_rss_bytes"] = result.PeakRssBytes,
        };
        return root.ToJsonString(Indented);
    }

    public static string ToTable(LoadResult result, BenchEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(environment);
        var rows = new List<IReadOnlyList<string>>
        {
            (string[])["chunks", result.Chunks.ToString(CultureInfo.InvariantCulture)],
            (string[])["concurrency / workers / queue", $"{result.Concurrency} / {result.Workers} / {result.QueueCapacity}"],
            (string[])["simulated model latency ms", F0(result.ModelLatencyMs)],
            (string[])["submitted / completed", $"{result.Submitted} / {result.Completed}"],
            (string[])["refused (no model call)", result.Refused.ToString(CultureInfo.InvariantCulture)],
            (string[])["busy rejections", result.BusyRejections.ToString(CultureInfo.InvariantCulture)],
            (string[])["errors", result.Errors.ToString(CultureInfo.InvariantCulture)],
            (string[])["throughput answers/s", F1(result.ThroughputPerSecond)],
            (string[])["latency p50/p95/p99 ms", Triple(result.Latency)],
            (string[])["peak RSS MB", F0(result.PeakRssBytes / 1048576.0)],
        };
        return Format(["metric", "value"], rows) + $"\n{Describe(environment)}\n";
    }

    public static string ToTable(EmbeddingBenchResult result, BenchEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(environment);
        var rows = new List<IReadOnlyList<string>>
        {
            (string[])["model", result.Model],
            (string[])["chunks", result.Chunks.ToString(CultureInfo.InvariantCulture)],
            (string[])["batch size / threads", $"{result.BatchSize} / {(result.Threads == 0 ? "all" : result.Threads.ToString(CultureInfo.InvariantCulture))}"],
            (string[])["model alone passages/s", F1(result.ModelPassagesPerSecond)],
            (string[])["ingest with embedding s", F1(result.IngestSeconds)],
            (string[])["ingest with embedding passages/s", F1(result.IngestPassagesPerSecond)],
            (string[])["model busy during ingest s", F1(result.ModelBusySeconds)],
            (string[])["ingest time outside the model", string.Create(CultureInfo.InvariantCulture, $"{result.OutsideModelShare:P1}")],
            (string[])["lexical-only ingest s", F1(result.LexicalIngestSeconds)],
        };
        return Format(["metric", "value"], rows) + $"\n{Describe(environment)}\n";
    }

    public static string ToJson(EmbeddingBenchResult result, BenchEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(environment);
        var root = new JsonObject
        {
            ["mode"] = "embed",
            ["model"] = result.Model,
            ["chunks"] = result.Chunks,
            ["cores"] = environment.Cores,
            ["commit"] = environment.Commit,
            ["load_average"] = environment.LoadAverage,
            ["batch_size"] = result.BatchSize,
            ["threads"] = result.Threads,
            ["model_seconds"] = Round(result.ModelSeconds),
            ["model_passages_per_s"] = Round(result.ModelPassagesPerSecond),
            ["ingest_seconds"] = Round(result.IngestSeconds),
            ["ingest_passages_per_s"] = Round(result.IngestPassagesPerSecond),
            ["model_busy_seconds"] = Round(result.ModelBusySeconds),
            ["outside_model_share"] = Round(result.OutsideModelShare),
            ["lexical_ingest_seconds"] = Round(result.LexicalIngestSeconds),
        };
        return root.ToJsonString(Indented);
    }

    /// <summary>
    /// The last (largest) run's figures at the top level, in the agreed shape, and every run under "runs".
    /// </summary>
    public static string ToJson(IReadOnlyList<BenchResult> results, BenchEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentOutOfRangeException.ThrowIfZero(results.Count);
        var root = ToJsonObject(results[^1], environment);
        root["runs"] = new JsonArray([.. results.Select(r => (JsonNode)ToJsonObject(r, environment))]);
        return root.ToJsonString(Indented);
    }

    public static string ToJson(LoadResult result, BenchEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(environment);
        var root = new JsonObject
        {
            ["mode"] = "load",
            ["chunks"] = result.Chunks,
            ["cores"] = environment.Cores,
            ["commit"] = environment.Commit,
            ["load_average"] = environment.LoadAverage,
            ["concurrency"] = result.Concurrency,
            ["workers"] = result.Workers,
            ["queue_capacity"] = result.QueueCapacity,
            ["model_latency_ms"] = result.ModelLatencyMs,
            ["submitted"] = result.Submitted,
            ["completed"] = result.Completed,
            ["refused"] = result.Refused,
            ["busy_rejections"] = result.BusyRejections,
            ["errors"] = result.Errors,
            ["throughput_per_s"] = Round(result.ThroughputPerSecond),
            ["latency"] = Percentiles(result.Latency, withP99: true),
            ["peak_rss_bytes"] = result.PeakRssBytes,
        };
        return root.ToJsonString(Indented);
    }

    private static JsonObject ToJsonObject(BenchResult result, BenchEnvironment environment) => new()
    {
        ["chunks"] = result.Chunks,
        ["requested_chunks"] = result.RequestedChunks,
        ["articles"] = result.Articles,
        ["cores"] = environment.Cores,
        ["commit"] = environment.Commit,
        ["load_average"] = environment.LoadAverage,
        ["ingest_chunks_per_s"] = Round(result.IngestChunksPerSecond),
        ["ingest_dense_chunks_per_s"] = "n/a",
        ["translation_table_build_ms"] = Round(result.TranslationTableBuildMs),
        ["ingest_with_translation_table_chunks_per_s"] = Round(result.IngestWithRefreshChunksPerSecond),
        ["vector_write_chunks_per_s"] = Round(result.VectorWriteChunksPerSecond),
        ["retrieval"] = new JsonObject
        {
            ["lexical"] = Percentiles(result.Lexical, withP99: true),
            ["dense"] = Percentiles(result.Dense, withP99: true),
            ["hybrid"] = Percentiles(result.Hybrid, withP99: true),
        },
        ["lexical_stages_mean_ms"] = new JsonObject([.. result.LexicalStagesMeanMs.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)Round(p.Value)))]),
        ["answer_pipeline"] = Percentiles(result.AnswerPipeline, withP99: true),
        ["translation"] = new JsonObject
        {
            ["table_load_ms"] = Round(result.TranslationTableLoadMs),
            ["per_query"] = Percentiles(result.Translation, withP99: true),
        },
        ["index_bytes"] = result.IndexBytes,
        ["peak_rss_bytes"] = result.PeakRssBytes,
    };

    private static JsonObject Percentiles(LatencySummary summary, bool withP99)
    {
        var node = new JsonObject { ["p50_ms"] = Round(summary.P50Ms), ["p95_ms"] = Round(summary.P95Ms) };
        if (withP99)
        {
            node["p99_ms"] = Round(summary.P99Ms);
        }

        node["samples"] = summary.Count;
        return node;
    }

    private static double Round(double value) => Math.Round(value, 3);

    private static string Describe(BenchEnvironment environment) =>
        $"{environment.Cores} cores, load average {environment.LoadAverage}, commit {environment.Commit}, {environment.Runtime}, {environment.OperatingSystem}";

    private static string Triple(LatencySummary s) => $"{F1(s.P50Ms)}/{F1(s.P95Ms)}/{F1(s.P99Ms)}";

    private static string F0(double value) => value.ToString("0", CultureInfo.InvariantCulture);

    private static string F1(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    private static string F2(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Format(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        var builder = new StringBuilder();
        builder.AppendLine(string.Join("  ", header.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        builder.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            builder.AppendLine(string.Join("  ", row.Select((v, i) => i == 0 ? v.PadRight(widths[i]) : v.PadLeft(widths[i]))).TrimEnd());
        }

        return builder.ToString().TrimEnd();
    }
}
