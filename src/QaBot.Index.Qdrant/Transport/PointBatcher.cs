using Google.Protobuf;

namespace QaBot.Index.Qdrant.Transport;

/// <summary>
/// Splits points into requests that each stay under a message-size limit and a count limit. Sizes are the
/// protobuf encoded sizes, so a request is known to fit before it is sent.
/// </summary>
internal static class PointBatcher
{
    /// <summary>Room for the rest of a request: collection name, flags, field tags.</summary>
    private const int RequestOverheadBytes = 1024;

    public static IEnumerable<List<T>> Split<T>(IReadOnlyList<T> items, Func<T, Guid> id, int maxBytes, int maxItems)
        where T : IMessage
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(id);
        var budget = maxBytes - RequestOverheadBytes;
        var batch = new List<T>();
        var size = 0;
        foreach (var item in items)
        {
            // One tag byte of the repeated field, the length prefix and the message.
            var bytes = 1 + CodedOutputStream.ComputeMessageSize(item);
            if (bytes > budget)
            {
                throw new QdrantException($"Point {id(item)} alone is {bytes:N0} bytes, over the request limit of {maxBytes:N0} bytes (Qdrant:MaxRequestBytes).");
            }

            if (batch.Count > 0 && (size + bytes > budget || batch.Count >= maxItems))
            {
                yield return batch;
                batch = [];
                size = 0;
            }

            size += bytes;
            batch.Add(item);
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }
}
