using System.Text.Json;

namespace QaBot.Bench.Tests;

public sealed class BenchReportWriterTests
{
    private static readonly BenchEnvironment Environment = new(2, "abc1234", "1.00 1.00 1.00", ".NET 10", "Linux");

    private static BenchResult Result(int chunks) => new(
        chunks, chunks + 1, 10, 1.5, 3000, 200, 2500, 9000,
        new LatencySummary(100, 1, 2, 3, 1.5), new LatencySummary(100, 4, 5, 6, 4.5), new LatencySummary(100, 7, 8, 9, 7.5),
        new LatencySummary(100, 10, 11, 12, 10.5), 50, new LatencySummary(100, 0.1, 0.2, 0.3, 0.15),
        new Dictionary<string, double> { ["search"] = 1.25 }, 123456, 654321);

    [Fact]
    public void ToJson_TwoRuns_HasTheAgreedKeysForTheLargest()
    {
        using var json = JsonDocument.Parse(BenchReportWriter.ToJson([Result(1000), Result(10000)], Environment));
        var root = json.RootElement;

        Assert.Equal(10001, root.GetProperty("chunks").GetInt32());
        Assert.Equal(2, root.GetProperty("cores").GetInt32());
        Assert.Equal("abc1234", root.GetProperty("commit").GetString());
        Assert.Equal(3000, root.GetProperty("ingest_chunks_per_s").GetDouble());
        foreach (var (leg, p50) in new[] { ("lexical", 1.0), ("dense", 4.0), ("hybrid", 7.0) })
        {
            var retrieval = root.GetProperty("retrieval").GetProperty(leg);
            Assert.Equal(p50, retrieval.GetProperty("p50_ms").GetDouble());
            Assert.True(retrieval.TryGetProperty("p95_ms", out _));
            Assert.True(retrieval.TryGetProperty("p99_ms", out _));
        }

        Assert.Equal(10, root.GetProperty("answer_pipeline").GetProperty("p50_ms").GetDouble());
        Assert.Equal(11, root.GetProperty("answer_pipeline").GetProperty("p95_ms").GetDouble());
        Assert.Equal(123456, root.GetProperty("index_bytes").GetInt64());
        Assert.Equal(654321, root.GetProperty("peak_rss_bytes").GetInt64());
        Assert.Equal([1001, 10001], root.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("chunks").GetInt32()));
    }

    [Fact]
    public void ToJson_LoadRun_ReportsErrorsAndRejections()
    {
        var result = new LoadResult(10000, 64, 16, 32, 200, 640, 600, 5, 40, 0, 10, new LatencySummary(600, 300, 900, 1000, 400), 1 << 20);

        using var json = JsonDocument.Parse(BenchReportWriter.ToJson(result, Environment));
        var root = json.RootElement;

        Assert.Equal(0, root.GetProperty("errors").GetInt32());
        Assert.Equal(40, root.GetProperty("busy_rejections").GetInt32());
        Assert.Equal(60, root.GetProperty("throughput_per_s").GetDouble());
        Assert.Equal(900, root.GetProperty("latency").GetProperty("p95_ms").GetDouble());
    }

    [Fact]
    public void ToTable_TwoRuns_OneColumnPerSizeAndDenseIngestNotAvailable()
    {
        var table = BenchReportWriter.ToTable([Result(1000), Result(10000)], Environment);

        var lines = table.Split('\n');
        Assert.Contains("1000", lines[0], StringComparison.Ordinal);
        Assert.Contains("10000", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("ingest chunks/s, dense", StringComparison.Ordinal) && l.TrimEnd().EndsWith("n/a", StringComparison.Ordinal));
        Assert.Contains("1.0/2.0/3.0", table, StringComparison.Ordinal);
    }
}
