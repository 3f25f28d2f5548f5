using System.Collections.Concurrent;
using QaBot.Core;

namespace QaBot.Evaluation;

/// <summary>The language of an ingested source file, for labelling a question's language direction.</summary>
public interface ISourceLanguageLookup
{
    /// <summary>The language most of the file's chunks are in, or null when the index does not hold the file.</summary>
    Task<string?> FindAsync(string sourcePath, CancellationToken cancellationToken);
}

/// <summary>Reads a file's chunks from the index (their ids follow from the path and the manifest's chunk count); caches each answer.</summary>
public sealed class IndexSourceLanguageLookup(IChunkIndex index) : ISourceLanguageLookup
{
    // A file's first chunks are enough to tell its language, and keep the lookup cheap for long chapters.
    private const int ChunksSampled = 32;

    private readonly ConcurrentDictionary<string, string?> _languages = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, ManifestEntry>? _manifest;

    public async Task<string?> FindAsync(string sourcePath, CancellationToken cancellationToken)
    {
        var path = EvalSourcePath.Normalise(sourcePath);
        if (_languages.TryGetValue(path, out var known))
        {
            return known;
        }

        _manifest ??= await index.ReadManifestAsync(cancellationToken);
        string? language = null;
        if (_manifest.TryGetValue(path, out var entry) && entry.ChunkCount > 0)
        {
            var ids = Enumerable.Range(0, Math.Min(entry.ChunkCount, ChunksSampled)).Select(i => ChunkId.For(path, i)).ToList();
            var chunks = await index.GetChunksAsync(ids, cancellationToken);
            language = chunks.GroupBy(c => c.Language, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.Key).FirstOrDefault();
        }

        _languages[path] = language;
        return language;
    }
}
