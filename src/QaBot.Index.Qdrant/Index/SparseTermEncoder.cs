using System.Text;

namespace QaBot.Index.Qdrant.Index;

/// <summary>A sparse vector: unique term indices (ascending) and their weights, same length.</summary>
internal sealed record SparseTerms(IReadOnlyList<uint> Indices, IReadOnlyList<float> Values);

/// <summary>
/// Turns our analyzer's terms into Qdrant sparse vectors: a term's index is a stable 32-bit hash (FNV-1a of its
/// UTF-8 bytes), so every machine maps a term alike without a shared vocabulary. Documents carry a saturated
/// term frequency; the collection's IDF modifier adds the rarity weight at query time.
/// </summary>
internal static class SparseTermEncoder
{
    /// <summary>BM25's k1: a term's weight grows with its count, but less and less.</summary>
    private const float Saturation = 1.2f;

    public static uint IndexOf(string term)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(term))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return hash;
    }

    /// <summary>A chunk's vector: tf·(k1+1)/(tf+k1) per term; two terms with one hash share an entry (their counts add up).</summary>
    public static SparseTerms ForDocument(IEnumerable<string> terms)
    {
        var counts = new SortedDictionary<uint, int>();
        foreach (var term in terms.Where(t => !string.IsNullOrWhiteSpace(t)))
        {
            var index = IndexOf(term);
            counts[index] = counts.GetValueOrDefault(index) + 1;
        }

        return new SparseTerms([.. counts.Keys], [.. counts.Values.Select(tf => tf * (Saturation + 1) / (tf + Saturation))]);
    }

    /// <summary>A query's vector: 1 per distinct term, as the FTS5 "any term" query counts each term once.</summary>
    public static SparseTerms ForQuery(IEnumerable<string> terms)
    {
        var indices = terms.Where(t => !string.IsNullOrWhiteSpace(t)).Select(IndexOf).Distinct().Order().ToList();
        return new SparseTerms(indices, [.. indices.Select(_ => 1f)]);
    }
}
