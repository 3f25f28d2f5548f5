using QaBot.Core;

namespace QaBot.Retrieval.QueryExpansion;

/// <summary>
/// The collection's index terms as a <see cref="VocabularyCorrector"/>, read once and read again only when the
/// index's statistics change (an ingest), because reading the whole vocabulary costs far more than a query.
/// Two first queries at once may both read it; the later one wins, which is harmless.
/// </summary>
public sealed class CollectionVocabulary(IChunkIndex index)
{
    private volatile CachedCorrector? _cached;

    public async Task<VocabularyCorrector> GetCorrectorAsync(IndexStatistics statistics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        if (_cached is { } cached && cached.Documents == statistics.DocumentCount && cached.Chunks == statistics.ChunkCount && cached.Size == statistics.SizeBytes)
        {
            return cached.Corrector;
        }

        var corrector = new VocabularyCorrector(await index.ReadVocabularyAsync(cancellationToken));
        _cached = new CachedCorrector(statistics.DocumentCount, statistics.ChunkCount, statistics.SizeBytes, corrector);
        return corrector;
    }

    private sealed record CachedCorrector(int Documents, int Chunks, long Size, VocabularyCorrector Corrector);
}
