using QaBot.Core;
using Qdrant.Client.Grpc;

namespace QaBot.Index.Qdrant.Index;

/// <summary>
/// What a document point records about its chunks besides the manifest: chunks per language, and for each
/// term in how many of the document's chunks it occurs. Summed over documents these give the collection's
/// vocabulary and counts without reading any chunk.
/// </summary>
internal sealed record DocumentStatistics(IReadOnlyDictionary<string, int> ChunksByLanguage, IReadOnlyList<string> Terms, IReadOnlyList<int> TermChunkCounts)
{
    public static DocumentStatistics Of(IReadOnlyList<IndexedChunk> chunks)
    {
        var languages = chunks.GroupBy(c => c.Chunk.Language, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var terms = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var chunk in chunks)
        {
            foreach (var term in chunk.Terms.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.Ordinal))
            {
                terms[term] = terms.GetValueOrDefault(term) + 1;
            }
        }

        return new DocumentStatistics(languages, [.. terms.Keys], [.. terms.Values]);
    }

    public static DocumentStatistics FromPayload(IReadOnlyDictionary<string, Value>? payload) => new(
        Payload.IntMap(payload, CollectionLayout.Languages),
        Payload.Strings(payload, CollectionLayout.Terms),
        Payload.Ints(payload, CollectionLayout.TermChunkCounts));
}

/// <summary>The collection's vocabulary and counts, summed from its document points.</summary>
internal sealed class CollectionStatistics
{
    public CollectionStatistics(IEnumerable<(ManifestEntry Entry, DocumentStatistics Statistics)> documents)
    {
        foreach (var (entry, statistics) in documents)
        {
            DocumentCount++;
            ChunkCount += entry.ChunkCount;
            foreach (var (language, count) in statistics.ChunksByLanguage)
            {
                ChunksByLanguage[language] = ChunksByLanguage.GetValueOrDefault(language) + count;
            }

            for (var i = 0; i < statistics.Terms.Count; i++)
            {
                ChunkFrequencies[statistics.Terms[i]] = ChunkFrequencies.GetValueOrDefault(statistics.Terms[i]) + statistics.TermChunkCounts[i];
            }
        }
    }

    public int DocumentCount { get; }

    public int ChunkCount { get; }

    public Dictionary<string, int> ChunksByLanguage { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> ChunkFrequencies { get; } = new(StringComparer.Ordinal);
}
