using QaBot.Core;
using Qdrant.Client.Grpc;

namespace QaBot.Index.Qdrant.Index;

/// <summary>
/// The ingest's record in the Qdrant collection: one point without vectors (<see cref="CollectionLayout.IngestProgressId"/>)
/// beside the metadata and manifest points, so every machine that reaches the server sees the run.
/// </summary>
public sealed class QdrantIngestProgressStore(QdrantCollectionHandle collection) : IIngestProgressStore
{
    public async Task WriteAsync(IngestRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        await collection.EnsureAsync(cancellationToken);
        var point = PointMessages.Create(CollectionLayout.IngestProgressId, new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [CollectionLayout.Kind] = CollectionLayout.IngestProgressKind,
            [CollectionLayout.Owner] = run.Owner,
            [CollectionLayout.RunStatus] = run.Status.ToString(),
            [CollectionLayout.FilesDone] = run.FilesDone,
            [CollectionLayout.FilesTotal] = run.FilesTotal,
            [CollectionLayout.FromEmpty] = run.FromEmpty,
            [CollectionLayout.StartedAt] = Payload.Format(run.StartedAt),
            [CollectionLayout.HeartbeatAt] = Payload.Format(run.HeartbeatAt),
            [CollectionLayout.Failure] = run.Failure,
        });
        await collection.Client.UpsertAsync(collection.Name, [point], cancellationToken);
    }

    public async Task<IngestRun?> ReadLatestAsync(CancellationToken cancellationToken)
    {
        await collection.EnsureAsync(cancellationToken);
        var found = await collection.Client.ScrollAsync(
            collection.Name, PointMessages.All(PointMessages.HasId([CollectionLayout.IngestProgressId])), 1, null, PointMessages.AllFields, cancellationToken);
        if (found.Result.Count == 0)
        {
            return null;
        }

        var payload = found.Result[0].Payload;
        return new IngestRun(
            Payload.String(payload, CollectionLayout.Owner),
            Enum.TryParse<IngestRunStatus>(Payload.String(payload, CollectionLayout.RunStatus), out var status) ? status : IngestRunStatus.Interrupted,
            Payload.Int(payload, CollectionLayout.FilesDone),
            Payload.Int(payload, CollectionLayout.FilesTotal),
            payload.TryGetValue(CollectionLayout.FromEmpty, out var fromEmpty) && fromEmpty.KindCase == Value.KindOneofCase.BoolValue && fromEmpty.BoolValue,
            Payload.OptionalDate(payload, CollectionLayout.StartedAt) ?? throw Missing(CollectionLayout.StartedAt),
            Payload.OptionalDate(payload, CollectionLayout.HeartbeatAt) ?? throw Missing(CollectionLayout.HeartbeatAt),
            Payload.OptionalString(payload, CollectionLayout.Failure));
    }

    private InvalidDataException Missing(string key) =>
        new($"The ingest progress point in Qdrant collection '{collection.Name}' lacks '{key}'; the next 'qabot ingest' rewrites it.");
}
