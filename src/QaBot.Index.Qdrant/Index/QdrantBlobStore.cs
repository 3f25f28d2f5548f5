using System.Globalization;

namespace QaBot.Index.Qdrant.Index;

/// <summary>
/// Named blobs (the translation table runs to megabytes) in the collection: the bytes in parts of
/// <see cref="PartBytes"/>, base64 in point payloads (read a few per page, under the answer size limit), tagged with a generation; a header point names the current
/// generation and is written after all its parts, and older parts are deleted after it. A reader thus sees
/// a whole old or a whole new blob.
/// </summary>
internal sealed class QdrantBlobStore(QdrantCollectionHandle collection)
{
    /// <summary>Raw bytes per part: about 1.4 MB of base64, far under any request limit.</summary>
    public const int PartBytes = 1024 * 1024;

    private const int ReadAttempts = 3;
    private const uint PartsPerPage = 2;

    public async Task<byte[]?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (var attempt = 1; ; attempt++)
        {
            var header = await collection.Client.ScrollAsync(
                collection.Name, PointMessages.All(PointMessages.HasId([CollectionLayout.BlobHeaderId(name)])), 1, null, PointMessages.AllFields, cancellationToken);
            if (header.Result.Count == 0)
            {
                return null;
            }

            var generation = Payload.String(header.Result[0].Payload, CollectionLayout.Generation);
            var partCount = Payload.Int(header.Result[0].Payload, CollectionLayout.PartCount);
            var parts = new SortedDictionary<int, byte[]>();
            var filter = PointMessages.All(
                PointMessages.Equal(CollectionLayout.Kind, CollectionLayout.BlobPartKind),
                PointMessages.Equal(CollectionLayout.BlobName, name),
                PointMessages.Equal(CollectionLayout.Generation, generation));
            await foreach (var point in collection.Client.ScrollAllAsync(collection.Name, filter, PointMessages.AllFields, PartsPerPage, cancellationToken))
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
        var parts = content.Chunk(PartBytes).Select((bytes, part) => PointMessages.Create(
            CollectionLayout.BlobPartId(name, generation, part),
            new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                [CollectionLayout.Kind] = CollectionLayout.BlobPartKind,
                [CollectionLayout.BlobName] = name,
                [CollectionLayout.Generation] = generation,
                [CollectionLayout.Part] = part,
                [CollectionLayout.Data] = Convert.ToBase64String(bytes),
            })).ToList();
        await collection.Client.UpsertAsync(collection.Name, parts, cancellationToken);
        var header = PointMessages.Create(CollectionLayout.BlobHeaderId(name), new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [CollectionLayout.Kind] = CollectionLayout.BlobKind,
            [CollectionLayout.BlobName] = name,
            [CollectionLayout.Generation] = generation,
            [CollectionLayout.PartCount] = parts.Count,
        });
        await collection.Client.UpsertAsync(collection.Name, [header], cancellationToken);
        var older = PointMessages.All(PointMessages.Equal(CollectionLayout.Kind, CollectionLayout.BlobPartKind), PointMessages.Equal(CollectionLayout.BlobName, name));
        older.MustNot.Add(PointMessages.Equal(CollectionLayout.Generation, generation));
        await collection.Client.DeleteAsync(collection.Name, older, cancellationToken);
    }
}
