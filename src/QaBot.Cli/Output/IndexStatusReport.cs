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
    string ChatModel);

/// <summary>Reads <see cref="IndexStatus"/> from the index and the configuration, and formats it as aligned lines.</summary>
public sealed class IndexStatusReport(
    IChunkIndex index,
    IVectorIndex vectors,
    IOptions<IndexOptions> indexOptions,
    IOptions<EmbeddingOptions> embeddings,
    IOptions<ChatOptions> chat)
{
    public async Task<IndexStatus> ReadAsync(CancellationToken cancellationToken)
    {
        var manifest = await index.ReadManifestAsync(cancellationToken);
        var statistics = await index.GetStatisticsAsync(cancellationToken);
        var model = await vectors.ReadModelAsync(cancellationToken);
        DateTimeOffset? lastIngest = manifest.Count == 0 ? null : manifest.Values.Max(entry => entry.IngestedAt);

        // Another process may be ingesting right now; this one only sees what is committed.
        var state = manifest.Count == 0 ? new IndexState(IndexPhase.Empty) : IndexState.Ready;
        return new IndexStatus(
            state,
            ConfigurationNames.NameOf(indexOptions.Value.Provider),
            statistics.DocumentCount,
            statistics.ChunkCount,
            statistics.SizeBytes,
            lastIngest,
            model,
            Describe(ConfigurationNames.NameOf(embeddings.Value.Provider), embeddings.Value.Model, "none (lexical only)"),
            Describe(ConfigurationNames.NameOf(chat.Value.Provider), chat.Value.Deployment ?? chat.Value.Model, "none (extractive answers)"));
    }

    public static string Format(IndexStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var text = new StringBuilder();
        Line(text, "Index", status.State.ToString());
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

    private static string Describe(string provider, string? model, string none) =>
        string.Equals(provider, "none", StringComparison.OrdinalIgnoreCase) ? none : $"{provider}: {model ?? "(unset)"}";

    private static void Line(StringBuilder text, string key, string value) => text.Append((key + ":").PadRight(18)).AppendLine(value);
}
