using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using QaBot.Cli.Hosting;
using QaBot.Core;
using QaBot.Core.Configuration;
using QaBot.Embeddings;
using QaBot.Generation;

namespace QaBot.Cli.Output;

/// <summary>What `qabot status` shows: the index's state and size, the models, the last ingest.</summary>
public sealed record IndexStatus(
    IndexState State,
    string IndexProvider,
    int DocumentCount,
    int ChunkCount,
    long SizeBytes,
    DateTimeOffset? LastIngest,
    EmbeddingModelInfo? IndexedEmbeddingModel,
    string ConfiguredEmbeddingModel,
    string ChatModel)
{
    /// <summary>The latest ingest run's record in the index (another process's), when there is one.</summary>
    public IngestRun? LastRun { get; init; }

    /// <summary>When the status was read: the heartbeat's age is measured from here.</summary>
    public DateTimeOffset ReadAt { get; init; }
}

/// <summary>
/// Reads <see cref="IndexStatus"/> from the index and the configuration, and formats it as aligned lines. Status
/// never ingests, so the ingest record in the index (<see cref="IIngestProgressStore"/>) is always another process's:
/// a live one shows as "ingesting", a stale one (no heartbeat for <see cref="IngestRun.StaleAfter"/>) as interrupted.
/// </summary>
public sealed class IndexStatusReport(
    IChunkIndex index,
    IVectorIndex vectors,
    IOptions<IndexOptions> indexOptions,
    IOptions<EmbeddingOptions> embeddings,
    IOptions<ChatOptions> chat,
    TimeProvider timeProvider,
    IIngestProgressStore? progressStore = null)
{
    public async Task<IndexStatus> ReadAsync(CancellationToken cancellationToken)
    {
        var manifest = await index.ReadManifestAsync(cancellationToken);
        var statistics = await index.GetStatisticsAsync(cancellationToken);
        var model = await vectors.ReadModelAsync(cancellationToken);
        DateTimeOffset? lastIngest = manifest.Count == 0 ? null : manifest.Values.Max(entry => entry.IngestedAt);

        var lastRun = progressStore is null ? null : await progressStore.ReadLatestAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        var state = lastRun?.ToIndexState(now, manifest.Count > 0) ?? (manifest.Count == 0 ? new IndexState(IndexPhase.Empty) : IndexState.Ready);
        return new IndexStatus(
            state,
            ConfigurationNames.NameOf(indexOptions.Value.Provider),
            statistics.DocumentCount,
            statistics.ChunkCount,
            statistics.SizeBytes,
            lastIngest,
            model,
            Describe(ConfigurationNames.NameOf(embeddings.Value.Provider), embeddings.Value.Model, "none (lexical only)"),
            Describe(ConfigurationNames.NameOf(chat.Value.Provider), chat.Value.Deployment ?? chat.Value.Model, "none (extractive answers)"))
        {
            LastRun = lastRun,
            ReadAt = now,
        };
    }

    public static string Format(IndexStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var text = new StringBuilder();
        var run = status.LastRun;
        var live = run is not null && run.IsLive(status.ReadAt);
        Line(text, "Index", live && status.State.Phase == IndexPhase.Ingesting ? $"{status.State} ({AnotherProcess(run!, status.ReadAt)})" : status.State.ToString());
        if (DescribeRun(run, status.State, status.ReadAt) is { } ingest)
        {
            Line(text, "Ingest", ingest);
        }

        Line(text, "Index provider", status.IndexProvider);
        Line(text, "Documents", status.DocumentCount.ToString("N0", CultureInfo.InvariantCulture));
        Line(text, "Chunks", status.ChunkCount.ToString("N0", CultureInfo.InvariantCulture));
        if (status.SizeBytes > 0)
        {
            Line(text, "Size", string.Create(CultureInfo.InvariantCulture, $"{status.SizeBytes / 1_048_576.0:0.0} MB"));
        }

        Line(text, "Last ingest", status.LastIngest?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "never");
        Line(text, "Embedding model", status.ConfiguredEmbeddingModel);
        Line(text, "Vectors in index", status.IndexedEmbeddingModel is { } model
            ? string.Create(CultureInfo.InvariantCulture, $"{model.ModelId} ({model.Dimensions} dimensions)")
            : "none");
        Line(text, "Chat model", status.ChatModel);
        return text.ToString().TrimEnd();
    }

    /// <summary>What the latest run adds to the index line: an update under way, an interruption, a failure; null when nothing.</summary>
    private static string? DescribeRun(IngestRun? run, IndexState state, DateTimeOffset now)
    {
        if (run is null)
        {
            return null;
        }

        if (run.IsLive(now))
        {
            return state.Phase == IndexPhase.Ingesting ? null : $"updating, {run.DescribeFiles()} ({AnotherProcess(run, now)})";
        }

        return run.Status switch
        {
            _ when run.WasInterrupted(now) => $"last ingest was interrupted at {run.DescribeFiles()}; the next `qabot ingest` repairs it",
            IngestRunStatus.Failed => $"last ingest failed at {run.DescribeFiles()}: {run.Failure}; the next `qabot ingest` tries again",
            _ => null,
        };
    }

    private static string AnotherProcess(IngestRun run, DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"another process, heartbeat {Math.Max(0, (int)(now - run.HeartbeatAt).TotalSeconds)} s ago");

        private static string Describe(string provider, string? model, string none) =>
        string.Equals(provider, "none", StringComparison.OrdinalIgnoreCase) ? none : $"{provider}: {model ?? "(unset)"}";

    private static void Line(StringBuilder text, string key, string value) => text.Append((key + ":").PadRight(18)).AppendLine(value);
}
