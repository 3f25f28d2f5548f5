using QaBot.Analysis;
using QaBot.Core;

namespace QaBot.Retrieval.Tests;

/// <summary>Fills an index with one document of short passages, one per line, analyzed as ingest would.</summary>
internal static class ChunkIndexTestExtensions
{
    public static async Task AddPassagesAsync(this IChunkIndex index, string path, string language, params string[] texts)
    {
        var chunks = texts.Select((text, i) => new Chunk(path, i, path, null, null, i + 1, i + 1, language, text))
            .Select(c => new IndexedChunk(c, TextAnalyzer.Default.Analyze(c.Text, c.Language)))
            .ToList();
        await index.ReplaceDocumentAsync(new ManifestEntry(path, "h", "v", chunks.Count, DateTimeOffset.UnixEpoch), chunks, CancellationToken.None);
    }
}
