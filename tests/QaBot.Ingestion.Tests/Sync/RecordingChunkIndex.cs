using QaBot.Core;

namespace QaBot.Ingestion.Tests.Sync;

/// <summary>Passes every call to a real index and records the writes, so a test can say "nothing was written".</summary>
internal sealed class RecordingChunkIndex(IChunkIndex inner) : IChunkIndex
{
    private readonly List<string> _writes = [];

    /// <summary>"replace path" or "remove path", in call order.</summary>
    public IReadOnlyList<string> Writes
    {
        get
        {
            lock (_writes)
            {
                return [.. _writes];
            }
        }
    }

    public void ClearWrites()
    {
        lock (_writes)
        {
            _writes.Clear();
        }
    }

    public Task<IReadOnlyDictionary<string, ManifestEntry>> ReadManifestAsync(CancellationToken cancellationToken) => inner.ReadManifestAsync(cancellationToken);

    public Task ReplaceDocumentAsync(ManifestEntry entry, IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken)
    {
        Record("replace " + entry.SourcePath);
        return inner.ReplaceDocumentAsync(entry, chunks, cancellationToken);
    }

    public Task RemoveDocumentAsync(string sourcePath, CancellationToken cancellationToken)
    {
        Record("remove " + sourcePath);
        return inner.RemoveDocumentAsync(sourcePath, cancellationToken);
    }

    public Task UpdateManifestEntryAsync(ManifestEntry entry, CancellationToken cancellationToken)
    {
        Record("manifest " + entry.SourcePath);
        return inner.UpdateManifestEntryAsync(entry, cancellationToken);
    }

    public Task<IReadOnlyList<LexicalHit>> SearchLexicalAsync(IReadOnlyList<string> terms, int limit, CancellationToken cancellationToken) => inner.SearchLexicalAsync(terms, limit, cancellationToken);

    public Task<IReadOnlyList<Chunk>> GetChunksAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) => inner.GetChunksAsync(ids, cancellationToken);

    public Task<IReadOnlyList<VocabularyTerm>> ReadVocabularyAsync(CancellationToken cancellationToken) => inner.ReadVocabularyAsync(cancellationToken);

    public Task<IReadOnlyDictionary<string, int>> GetChunkFrequenciesAsync(IReadOnlyCollection<string> terms, CancellationToken cancellationToken) => inner.GetChunkFrequenciesAsync(terms, cancellationToken);

    public Task<IndexStatistics> GetStatisticsAsync(CancellationToken cancellationToken) => inner.GetStatisticsAsync(cancellationToken);

    public Task<byte[]?> ReadBlobAsync(string name, CancellationToken cancellationToken) => inner.ReadBlobAsync(name, cancellationToken);

    public Task WriteBlobAsync(string name, byte[] content, CancellationToken cancellationToken)
    {
        Record("blob " + name);
        return inner.WriteBlobAsync(name, content, cancellationToken);
    }

    private void Record(string write)
    {
        lock (_writes)
        {
            _writes.Add(write);
        }
    }
}
