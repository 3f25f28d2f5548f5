namespace QaBot.Core;

/// <summary>What the index remembers of an ingested file, so unchanged files are skipped next time.</summary>
/// <param name="ContentHash">SHA-256 of the raw file bytes, hex.</param>
/// <param name="PipelineVersion">Reader, cleaner, chunker and analyzer version that produced the chunks.</param>
public sealed record ManifestEntry(string SourcePath, string ContentHash, string PipelineVersion, int ChunkCount, DateTimeOffset IngestedAt);

/// <summary>A chunk with the analyzed terms the lexical index stores for it.</summary>
public sealed record IndexedChunk(Chunk Chunk, IReadOnlyList<string> Terms);

/// <summary>One hit of a lexical (BM25) search.</summary>
public sealed record LexicalHit(Guid ChunkId, double Score);

/// <summary>A term of the indexed collection and in how many chunks it occurs.</summary>
public sealed record VocabularyTerm(string Term, int ChunkFrequency);

/// <summary>Counts that describe the indexed collection.</summary>
public sealed record IndexStatistics(int DocumentCount, int ChunkCount, IReadOnlyDictionary<string, int> ChunksByLanguage, long SizeBytes);

/// <summary>
/// The store behind retrieval: documents, chunks and the lexical index. Each document is replaced
/// atomically, so a crash mid-ingest never leaves half a document visible.
/// </summary>
public interface IChunkIndex
{
    Task<IReadOnlyDictionary<string, ManifestEntry>> ReadManifestAsync(CancellationToken cancellationToken);

    /// <summary>Replaces everything stored for <paramref name="entry"/>'s source path in one transaction.</summary>
    Task ReplaceDocumentAsync(ManifestEntry entry, IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken);

    Task RemoveDocumentAsync(string sourcePath, CancellationToken cancellationToken);

    /// <summary>
    /// Rewrites the manifest entry of a document whose chunks are already in the index, leaving the chunks as
    /// they are. The ingest job writes a document with a provisional entry, stores what belongs to its chunks
    /// outside this index (their vectors), and only then records the final entry, so a run stopped in between
    /// is redone by the next one.
    /// </summary>
    Task UpdateManifestEntryAsync(ManifestEntry entry, CancellationToken cancellationToken);

    /// <summary>BM25 over the analyzed terms; any term may match.</summary>
    Task<IReadOnlyList<LexicalHit>> SearchLexicalAsync(IReadOnlyList<string> terms, int limit, CancellationToken cancellationToken);

    Task<IReadOnlyList<Chunk>> GetChunksAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    Task<IReadOnlyList<VocabularyTerm>> ReadVocabularyAsync(CancellationToken cancellationToken);

    /// <summary>In how many chunks each of <paramref name="terms"/> occurs (0 when absent).</summary>
    Task<IReadOnlyDictionary<string, int>> GetChunkFrequenciesAsync(IReadOnlyCollection<string> terms, CancellationToken cancellationToken);

    Task<IndexStatistics> GetStatisticsAsync(CancellationToken cancellationToken);

    /// <summary>Small named blobs kept with the index (the translation table, the collection's languages).</summary>
    Task<byte[]?> ReadBlobAsync(string name, CancellationToken cancellationToken);

    Task WriteBlobAsync(string name, byte[] content, CancellationToken cancellationToken);
}

/// <summary>
/// Rebuilds data derived from the whole collection (the translation table, the list of languages) after an
/// ingest. Runs when the collection changed, or when the data is missing.
/// </summary>
public interface ICollectionRefresher
{
    Task RefreshAsync(bool collectionChanged, CancellationToken cancellationToken);
}

/// <summary>
/// The version of the analysis that turns text into index terms (folding, stemming, bigrams). An index that
/// stores analyzed terms (Qdrant's sparse vectors) records it and refuses terms of another version. The analysis
/// module registers it, so an index module need not know the analyzer.
/// </summary>
public sealed record TermAnalysisVersion(string Value);
