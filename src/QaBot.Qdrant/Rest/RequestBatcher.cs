using System.Text;
using System.Text.Json;

namespace QaBot.Qdrant.Rest;

/// <summary>
/// Splits a list of points into request bodies <c>{"name":[...]}</c> that each stay under a byte limit and
/// a count limit. Each point is serialized once; the bodies are assembled from those bytes.
/// </summary>
internal static class RequestBatcher
{
    public static IEnumerable<byte[]> Split<T>(string arrayName, IReadOnlyList<T> items, Func<T, Guid> id, int maxBytes, int maxItems)
    {
        var head = Encoding.UTF8.GetBytes($"{{\"{arrayName}\":[");
        var tail = "]}"u8.ToArray();
        var batch = new List<byte[]>();
        var size = head.Length + tail.Length;
        foreach (var item in items)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(item, QdrantJson.Options);
            if (head.Length + tail.Length + bytes.Length > maxBytes)
            {
                throw new QdrantException($"Point {id(item)} alone is {bytes.Length:N0} bytes, over the request limit of {maxBytes:N0} bytes (Qdrant:MaxRequestBytes).");
            }

            // One comma per item after the first.
            if (batch.Count > 0 && (size + bytes.Length + 1 > maxBytes || batch.Count >= maxItems))
            {
                yield return Assemble(head, batch, tail, size);
                batch.Clear();
                size = head.Length + tail.Length;
            }

            size += bytes.Length + (batch.Count > 0 ? 1 : 0);
            batch.Add(bytes);
        }

        if (batch.Count > 0)
        {
            yield return Assemble(head, batch, tail, size);
        }
    }

    private static byte[] Assemble(byte[] head, List<byte[]> items, byte[] tail, int size)
    {
        var body = new byte[size];
        var position = 0;
        head.CopyTo(body, position);
        position += head.Length;
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                body[position++] = (byte)',';
            }

            items[i].CopyTo(body, position);
            position += items[i].Length;
        }

        tail.CopyTo(body, position);
        return body;
    }
}
