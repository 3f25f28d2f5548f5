using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using QaBot.Cli.Commands;
using QaBot.Cli.Hosting;
using QaBot.Core;
using QaBot.Ingestion.Sync;
using QaBot.Testing;

namespace QaBot.Cli.Tests.Hosting;

/// <summary>
/// QaBot's spans as an exporter sees them (OpenTelemetry's in-memory exporter), for a small collection made
/// here: the tree of one question and of one ingest; and that exporting is on only with an OTLP endpoint.
/// </summary>
public sealed class TelemetryTests : IDisposable
{
    private const string TestSourceName = "QaBot.Cli.Tests.Telemetry";
    private static readonly ActivitySource TestSource = new(TestSourceName);
    private readonly TemporaryDirectory _directory = new();
    private readonly List<Activity> _spans = [];
    private readonly TracerProvider _tracer;

    public TelemetryTests()
    {
        _directory.WriteFile("corpus/lighthouses.md", "# Lighthouses\n\nThe harbour lighthouse was built in 1871 from granite blocks.\n\nIts lamp burns paraffin and is seen from twenty nautical miles.\n");
        _directory.WriteFile("corpus/gardens.md", "# Gardens\n\nThe walled garden grows apples, pears and quinces along its south wall.\n");
        _tracer = Sdk.CreateTracerProviderBuilder()
            .AddSource(TestSourceName)
            .AddQaBotSources()
            .SetSampler(new UnderTestRootSampler())
            .AddInMemoryExporter(_spans)
            .Build()!;
    }

    public void Dispose()
    {
        _tracer.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task AnswerAsync_OneQuestion_SpansFormTheAnswerRetrievalAndComposeTree()
    {
        // Arrange
        using var host = Host();
        await host.StartAsync();
        await host.Services.GetRequiredService<CorpusSynchronizer>().SynchronizeAsync(_directory.Combine("corpus"), null, CancellationToken.None);
        var answers = host.Services.GetRequiredService<IAnswerService>();

        // Act
        Activity? root;
        using (root = TestSource.StartActivity("question"))
        {
            await answers.AnswerAsync(new Question("When was the harbour lighthouse built?"), CancellationToken.None);
        }

        // Assert
        var spans = Trace(root!);
        var answer = Assert.Single(spans, s => s.OperationName == "answer");
        Assert.Equal(root!.SpanId, answer.ParentSpanId);
        Assert.Equal("answered", answer.GetTagItem("qabot.outcome"));
        var retrieve = Assert.Single(spans, s => s.OperationName == "retrieve");
        Assert.Equal(answer.SpanId, retrieve.ParentSpanId);
        var legs = spans.Where(s => s.OperationName == "retrieve.leg").ToList();
        Assert.Contains(legs, l => (string?)l.GetTagItem("qabot.leg") == "original");
        Assert.All(legs, l => Assert.Equal(retrieve.SpanId, l.ParentSpanId));
        Assert.Equal(retrieve.SpanId, Assert.Single(spans, s => s.OperationName == "retrieve.fusion").ParentSpanId);
        Assert.Equal(retrieve.SpanId, Assert.Single(spans, s => s.OperationName == "retrieve.gate").ParentSpanId);
        Assert.Equal(answer.SpanId, Assert.Single(spans, s => s.OperationName == "compose").ParentSpanId);
    }

    [Fact]
    public async Task SynchronizeAsync_TwoNewFiles_OneIngestSpanWithADocumentSpanPerFileAndItsSteps()
    {
        // Arrange
        using var host = Host();
        await host.StartAsync();

        // Act
        Activity? root;
        using (root = TestSource.StartActivity("ingest run"))
        {
            await host.Services.GetRequiredService<CorpusSynchronizer>().SynchronizeAsync(_directory.Combine("corpus"), null, CancellationToken.None);
        }

        // Assert
        var spans = Trace(root!);
        var ingest = Assert.Single(spans, s => s.OperationName == "ingest");
        var documents = spans.Where(s => s.OperationName == "ingest.document").ToList();
        Assert.Equal(["gardens.md", "lighthouses.md"], documents.Select(d => (string?)d.GetTagItem("qabot.document")).Order(StringComparer.Ordinal));
        Assert.All(documents, d => Assert.Equal(ingest.SpanId, d.ParentSpanId));
        foreach (var document in documents)
        {
            var steps = spans.Where(s => s.ParentSpanId == document.SpanId).Select(s => s.OperationName).ToList();
            Assert.Equal(["ingest.read", "ingest.prepare", "ingest.write"], steps);
        }
    }

    [Fact]
    public void AddQaBotTelemetry_NoOtlpEndpoint_RegistersNoExportingProvider()
    {
        // Arrange
        var configuration = new ConfigurationBuilder().Build();

        // Act
        using var services = new ServiceCollection().AddQaBotTelemetry(configuration).BuildServiceProvider();

        // Assert
        Assert.Null(services.GetService<TracerProvider>());
        Assert.Null(services.GetService<MeterProvider>());
    }

    [Fact]
    public void AddQaBotTelemetry_OtlpEndpointSet_RegistersTracerAndMeterProviders()
    {
        // Arrange
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [TelemetryRegistration.OtlpEndpointKey] = "http://127.0.0.1:4317" }).Build();

        // Act
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddQaBotTelemetry(configuration).BuildServiceProvider();

        // Assert
        Assert.NotNull(services.GetService<TracerProvider>());
        Assert.NotNull(services.GetService<MeterProvider>());
    }

    /// <summary>Records only this class's traces: its root spans and what runs under them, not other tests' spans running in parallel.</summary>
    private sealed class UnderTestRootSampler : Sampler
    {
        public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
        {
            var underRecordedParent = samplingParameters.ParentContext.TraceId != default && samplingParameters.ParentContext.TraceFlags.HasFlag(ActivityTraceFlags.Recorded);
            var isTestRoot = samplingParameters.ParentContext.TraceId == default && samplingParameters.Name is "question" or "ingest run";
            return new SamplingResult(underRecordedParent || isTestRoot ? SamplingDecision.RecordAndSample : SamplingDecision.Drop);
        }
    }

    private IHost Host() => QaBotHost.Build(QaBotCommandLine.Build().Parse(["ask", "--corpus", _directory.Combine("corpus"), "--data", _directory.Combine("data"), "question"]));

    /// <summary>The exported spans of the trace under <paramref name="root"/> (other tests may run at the same time).</summary>
    private List<Activity> Trace(Activity root)
    {
        _tracer.ForceFlush();
        lock (_spans)
        {
            return _spans.Where(s => s.TraceId == root.TraceId && s.SpanId != root.SpanId).ToList();
        }
    }
}
