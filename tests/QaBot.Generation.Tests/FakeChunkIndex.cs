using QaBot.Core;

namespace QaBot.Generation.Tests;

/// <summary>An index that only knows the collection's languages (what the query translator asks of it).</summary>
internal sealed class FakeChunkIndex(params string[] languages) : IChunkIndex
{
    public Task<IndexStatistics> GetStatisticsAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new IndexStatistics(languages.Length, languages.Length * 10, languages.ToDictionary(l => l, _ => 10), 0));

    public Task<IReadOnlyDictionary<string, ManifestEntry>> ReadManifestAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task ReplaceDocumentAsync(ManifestEntry entry, IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task RemoveDocumentAsync(string sourcePath, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task UpdateManifestEntryAsync(ManifestEntry entry, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<LexicalHit>> SearchLexicalAsync(IReadOnlyList<string> terms, int limit, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<Chunk>> GetChunksAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<VocabularyTerm>> ReadVocabularyAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyDictionary<string, int>> GetChunkFrequenciesAsync(IReadOnlyCollection<string> terms, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<byte[]?> ReadBlobAsync(string name, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task WriteBlobAsync(string name, byte[] content, CancellationToken cancellationToken) => throw new NotSupportedException();
}
