using System.Diagnostics;
using System.Diagnostics.Metrics;
using QaBot.Ingestion.Sync;

namespace QaBot.Ingestion;

/// <summary>
/// The <c>QaBot.Ingestion</c> activity source and meter: an "ingest" span per run, an "ingest.document" span
/// per file with a span per step below it (read, prepare, embed, write), and the documents (by outcome) and
/// chunks ingested. OpenTelemetry listens when the host exports.
/// </summary>
public static class IngestTelemetry
{
    public const string Name = "QaBot.Ingestion";

    private static readonly Meter Meter = new(Name);
    private static readonly Counter<long> Documents = Meter.CreateCounter<long>("qabot.ingest.documents", "{document}", "Files ingested, by outcome (added, updated, unchanged, removed, failed, vanished).");
    private static readonly Counter<long> Chunks = Meter.CreateCounter<long>("qabot.ingest.chunks", "{chunk}", "Chunks written to the index.");

    public static ActivitySource Source { get; } = new(Name);

    public static Activity? StartDocument(string relativePath)
    {
        var activity = Source.StartActivity("ingest.document");
        activity?.SetTag("qabot.document", relativePath);
        return activity;
    }

    /// <summary>A span for one step of a document ("ingest.read", "ingest.prepare", "ingest.embed", "ingest.write").</summary>
    public static Activity? StartStep(string step) => Source.StartActivity("ingest." + step);

    public static void RecordFile(FileResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var outcome = result.Outcome.ToString().ToLowerInvariant();
        Documents.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        if (result.Outcome is FileOutcome.Added or FileOutcome.Updated)
        {
            Chunks.Add(result.ChunkCount);
        }
    }
}
