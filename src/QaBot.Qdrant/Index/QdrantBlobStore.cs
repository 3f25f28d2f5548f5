using System.Globalization;
using QaBot.Qdrant.Rest;

namespace QaBot.Qdrant.Index;

/// <summary>
/// Named blobs (the translation table runs to megabytes) in the collection: the bytes in parts of
/// <see cref="PartBytes"/>, base64 in point payloads, tagged with a generation; a header point names the current
/// generation and is written after all its parts, and older parts are deleted after it. A reader thus sees
/// a whole old or a whole new blob.
/// </summary>
internal sealed class QdrantBlobStore(QdrantCollectionHandle collection)
{
    /// <summary>Raw bytes per part: about 1.4 MB of base64, far under any request limit.</summary>
    public const int PartBytes = 1024 * 1024;

    private const int ReadAttempts = 3;

    public async Task<byte[]?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (var attempt = 1; ; attempt++)
        {
            var header = await collection.Client.ScrollAsync(
                collection.Name, new ScrollRequest(Filter.All(new HasIdCondition([CollectionLayout.BlobHeaderId(name)])), 1, WithPayload: true), cancellationToken);
            if (header.Points.Count == 0)
            {
                return null;
            }

            var generation = Payload.String(header.Points[0].Payload, CollectionLayout.Generation);
            var partCount = Payload.Int(header.Points[0].Payload, CollectionLayout.PartCount);
            var parts = new SortedDictionary<int, byte[]>();
            var filter = Filter.All(
                FieldCondition.Equal(CollectionLayout.Kind, CollectionLayout.BlobPartKind),
                FieldCondition.Equal(CollectionLayout.BlobName, name),
                FieldCondition.Equal(CollectionLayout.Generation, generation));
            await foreach (var point in collection.Client.ScrollAllAsync(collection.Name, filter, true, 16, cancellationToken))
            {
                parts[Payload.Int(point.Payload, CollectionLayout.Part)] = Convert.FromBase64String(Payload.String(point.Payload, CollectionLayout.Data));
            }

            if (parts.Count == partCount)
            {
                return [.. parts.Values.SelectMany(p => p)];
            }

            // A writer replaced the blob between our two reads; read the new header.
            if (attempt >= ReadAttempts)
            {
                throw new QdrantException($"Blob '{name}' in Qdrant collection '{collection.Name}' has {parts.Count} of its {partCount} parts; it is being rewritten or was damaged. Run 'qabot ingest' to write it again.");
            }
        }
    }

    public async Task WriteAsync(string name, byte[] content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(content);
        var generation = Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
        var parts = content.Chunk(PartBytes).Select((bytes, part) => new PointStruct(
            CollectionLayout.BlobPartId(name, generation, part),
            new Dictionary<string, object>(),
            new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                [CollectionLayout.Kind] = CollectionLayout.BlobPartKind,
                [CollectionLayout.BlobName] = name,
                [CollectionLayout.Generation] = generation,
                [CollectionLayout.Part] = part,
                [CollectionLayout.Data] = Convert.ToBase64String(bytes),
            })).ToList();
        await collection.Client.UpsertPointsAsync(collection.Name, parts, cancellationToken);
        var header = new PointStruct(CollectionLayout.BlobHeaderId(name), new Dictionary<string, object>(), new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [CollectionLayout.Kind] = CollectionLayout.BlobKind,
            [CollectionLayout.BlobName] = name,
            [CollectionLayout.Generation] = generation,
            [CollectionLayout.PartCount] = parts.Count,
        });
        await collection.Client.UpsertPointsAsync(collection.Name, [header], cancellationToken);
        await collection.Client.DeletePointsAsync(
            collection.Name,
            new Filter(
                Must: [FieldCondition.Equal(CollectionLayout.Kind, CollectionLayout.BlobPartKind), FieldCondition.Equal(CollectionLayout.BlobName, name)],
                MustNot: [FieldCondition.Equal(CollectionLayout.Generation, generation)]),
            cancellationToken);
    }
}
