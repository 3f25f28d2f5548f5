using System.Globalization;
using QaBot.Core;
using QaBot.Index.Qdrant.Transport;
using Qdrant.Client.Grpc;

namespace QaBot.Index.Qdrant.Index;

/// <summary>A hit of <see cref="QdrantChunkIndex.SearchHybridAsync"/>: the chunk and its fused (RRF) score.</summary>
public sealed record HybridHit(Guid ChunkId, double Score);

/// <summary>
/// What to search with <see cref="QdrantChunkIndex.SearchHybridAsync"/>.
/// </summary>
/// <param name="Terms">The analyzed query terms (the sparse leg).</param>
/// <param name="Limit">How many fused hits to return.</param>
/// <param name="QueryVector">The query embedding (the dense leg); null for sparse only.</param>
/// <param name="QueryModel">The model that made <paramref name="QueryVector"/>; checked against the stored vectors.</param>
/// <param name="CandidatesPerLeg">How many hits each leg contributes to the fusion.</param>
/// <param name="Language">Only chunks in this language, when set.</param>
public sealed record HybridSearchRequest(
    IReadOnlyList<string> Terms,
    int Limit,
    ReadOnlyMemory<float>? QueryVector = null,
    EmbeddingModelInfo? QueryModel = null,
    int CandidatesPerLeg = 40,
    string? Language = null);

/// <summary>
/// The Qdrant-backed index: chunks are points with a sparse vector of our analyzer's terms (and a dense
/// vector once embedded); the manifest is one point per document, written after its chunks, so an ingest
/// stopped midway redoes that document next time; named blobs are stored in parts. Any machine that reaches
/// the server can ingest or answer.
/// </summary>
public sealed class QdrantChunkIndex(QdrantCollectionHandle collection, QdrantOptions options, TimeProvider timeProvider) : IChunkIndex, IHybridSearchIndex
{
    private const uint PageSize = 256;
    private static readonly string[] ManifestFields =
        [CollectionLayout.SourcePath, CollectionLayout.ContentHash, CollectionLayout.PipelineVersion, CollectionLayout.ChunkCount, CollectionLayout.IngestedAt];

    private readonly QdrantBlobStore _blobs = new(collection);
    // A reference, so concurrent questions read and replace it whole.
    private volatile CachedStatistics? _statistics;

    private QdrantGateway Client => collection.Client;

    public async Task<IReadOnlyDictionary<string, ManifestEntry>> ReadManifestAsync(CancellationToken cancellationToken)
    {
        await collection.EnsureAsync(cancellationToken);
        var manifest = new Dictionary<string, ManifestEntry>(StringComparer.Ordinal);
        await foreach (var point in Client.ScrollAllAsync(collection.Name, OfKind(CollectionLayout.DocumentKind), PointMessages.Fields(ManifestFields), PageSize, cancellationToken))
        {
            var entry = ToManifestEntry(point.Payload);
            manifest[entry.SourcePath] = entry;
        }

        return manifest;
    }

    /// <summary>
    /// Drops the document's manifest point, upserts its chunks (same ids overwrite), deletes the chunks the new
    /// version lacks, and writes the manifest point last: until then the document counts as not ingested.
    /// </summary>
    public async Task ReplaceDocumentAsync(ManifestEntry entry, IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(chunks);
        await collection.EnsureAsync(cancellationToken);
        Invalidate();
        await Client.DeleteAsync(collection.Name, OfDocument(CollectionLayout.DocumentKind, entry.SourcePath), cancellationToken);
        await Client.UpsertAsync(collection.Name, chunks.Select(ToPoint).ToList(), cancellationToken);
        // Chunks of the old version that the new one does not have (ids are per source path and chunk index).
        var stale = OfDocument(CollectionLayout.ChunkKind, entry.SourcePath);
        if (chunks.Count > 0)
        {
            stale.MustNot.Add(PointMessages.HasId(chunks.Select(c => c.Chunk.Id).Distinct()));
        }

        await Client.DeleteAsync(collection.Name, stale, cancellationToken);
        await Client.UpsertAsync(collection.Name, [ToDocumentPoint(entry with { ChunkCount = chunks.Count }, DocumentStatistics.Of(chunks))], cancellationToken);
        Invalidate();
    }

    public async Task UpdateManifestEntryAsync(ManifestEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await collection.EnsureAsync(cancellationToken);
        // The manifest point also carries the document's term statistics: keep them, change the entry.
        DocumentStatistics? statistics = null;
        await foreach (var point in Client.ScrollAllAsync(collection.Name, OfDocument(CollectionLayout.DocumentKind, entry.SourcePath), PointMessages.AllFields, 1, cancellationToken))
        {
            statistics = DocumentStatistics.FromPayload(point.Payload);
        }

        if (statistics is null)
        {
            throw new InvalidOperationException($"'{entry.SourcePath}' is not in the Qdrant collection '{collection.Name}'; write it with ReplaceDocumentAsync first.");
        }

        Invalidate();
        await Client.UpsertAsync(collection.Name, [ToDocumentPoint(entry, statistics)], cancellationToken);
        Invalidate();
    }

    public async Task RemoveDocumentAsync(string sourcePath, CancellationToken cancellationToken)
    {
        await collection.EnsureAsync(cancellationToken);
        Invalidate();
        // The manifest point goes first: a run stopped in between leaves chunks that the next run's delete removes.
        await Client.DeleteAsync(collection.Name, OfDocument(CollectionLayout.DocumentKind, sourcePath), cancellationToken);
        await Client.DeleteAsync(collection.Name, OfDocument(CollectionLayout.ChunkKind, sourcePath), cancellationToken);
        Invalidate();
    }

    /// <summary>The sparse leg alone: our terms' TF on the chunk side, IDF from the server at query time.</summary>
    public async Task<IReadOnlyList<LexicalHit>> SearchLexicalAsync(IReadOnlyList<string> terms, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var query = SparseTermEncoder.ForQuery(terms);
        if (query.Indices.Count == 0 || limit <= 0)
        {
            return [];
        }

        await collection.EnsureAsync(cancellationToken);
        var points = await Client.QueryAsync(collection.Name, new Query { Nearest = PointMessages.SparseQuery(query) }, CollectionLayout.SparseVector, null, null, (ulong)limit, cancellationToken);
        return [.. points.Select(p => new LexicalHit(PointMessages.Id(p.Id), p.Score))];
    }

    /// <summary>
    /// Hybrid retrieval in one Query API call: a dense prefetch (when a query vector is given) and a sparse
    /// prefetch, fused by reciprocal rank fusion on the server; sparse only without a vector.
    /// </summary>
    /// <exception cref="EmbeddingModelMismatchException">The stored vectors were made by another model than <see cref="HybridSearchRequest.QueryModel"/>.</exception>
    public async Task<IReadOnlyList<HybridHit>> SearchHybridAsync(HybridSearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sparse = SparseTermEncoder.ForQuery(request.Terms);
        if (request.Limit <= 0 || (sparse.Indices.Count == 0 && request.QueryVector is null))
        {
            return [];
        }

        await collection.EnsureAsync(cancellationToken);
        var filter = request.Language is { } language ? PointMessages.All(PointMessages.Equal(CollectionLayout.Language, language)) : null;
        var legs = new List<PrefetchQuery>(2);
        if (request.QueryVector is { } vector)
        {
            QdrantVectorIndex.CheckQuery(collection, vector, request.QueryModel);
            legs.Add(Leg(new Query { Nearest = PointMessages.DenseQuery(vector) }, CollectionLayout.DenseVector, request.CandidatesPerLeg, filter));
        }

        if (sparse.Indices.Count > 0)
        {
            legs.Add(Leg(new Query { Nearest = PointMessages.SparseQuery(sparse) }, CollectionLayout.SparseVector, request.CandidatesPerLeg, filter));
        }

        var points = legs.Count == 1
            ? await Client.QueryAsync(collection.Name, legs[0].Query, legs[0].Using, null, filter, (ulong)request.Limit, cancellationToken)
            : await Client.QueryAsync(collection.Name, new Query { Fusion = Fusion.Rrf }, null, legs, filter, (ulong)request.Limit, cancellationToken);
        return [.. points.Select(p => new HybridHit(PointMessages.Id(p.Id), p.Score))];
    }

    /// <inheritdoc/>
    async Task<IReadOnlyList<LexicalHit>> IHybridSearchIndex.SearchHybridAsync(IReadOnlyList<string> terms, ReadOnlyMemory<float> queryVector, EmbeddingModelInfo model, int limit, CancellationToken cancellationToken)
    {
        var hits = await SearchHybridAsync(new HybridSearchRequest(terms, limit, queryVector, model, CandidatesPerLeg: limit), cancellationToken);
        return [.. hits.Select(h => new LexicalHit(h.ChunkId, h.Score))];
    }

    public async Task<IReadOnlyList<Chunk>> GetChunksAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return [];
        }

        await collection.EnsureAsync(cancellationToken);
        var filter = PointMessages.All(PointMessages.HasId(ids.Distinct()), PointMessages.Equal(CollectionLayout.Kind, CollectionLayout.ChunkKind));
        var chunks = new List<Chunk>(ids.Count);
        await foreach (var point in Client.ScrollAllAsync(collection.Name, filter, PointMessages.AllFields, Math.Min((uint)ids.Count, PageSize), cancellationToken))
        {
            chunks.Add(ToChunk(point.Payload));
        }

        return chunks;
    }

    public async Task<IReadOnlyList<VocabularyTerm>> ReadVocabularyAsync(CancellationToken cancellationToken)
    {
        var statistics = await GetCollectionStatisticsAsync(cancellationToken);
        return [.. statistics.ChunkFrequencies.Select(p => new VocabularyTerm(p.Key, p.Value))];
    }

    public async Task<IReadOnlyDictionary<string, int>> GetChunkFrequenciesAsync(IReadOnlyCollection<string> terms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var statistics = await GetCollectionStatisticsAsync(cancellationToken);
        return terms.Distinct(StringComparer.Ordinal).ToDictionary(t => t, t => statistics.ChunkFrequencies.GetValueOrDefault(t), StringComparer.Ordinal);
    }

    /// <summary>Counts from the document points; the size on the server is not reported by its API, so it is 0.</summary>
    public async Task<IndexStatistics> GetStatisticsAsync(CancellationToken cancellationToken)
    {
        var statistics = await GetCollectionStatisticsAsync(cancellationToken);
        return new IndexStatistics(statistics.DocumentCount, statistics.ChunkCount, statistics.ChunksByLanguage, 0);
    }

    public async Task<byte[]?> ReadBlobAsync(string name, CancellationToken cancellationToken)
    {
        await collection.EnsureAsync(cancellationToken);
        return await _blobs.ReadAsync(name, cancellationToken);
    }

    public async Task WriteBlobAsync(string name, byte[] content, CancellationToken cancellationToken)
    {
        await collection.EnsureAsync(cancellationToken);
        await _blobs.WriteAsync(name, content, cancellationToken);
    }

    /// <summary>
    /// Retrieval asks for term frequencies on every question, so the sums over the document points are kept
    /// until this process writes or <see cref="QdrantOptions.StatisticsRefreshInterval"/> passes (another
    /// machine's ingest is seen after that).
    /// </summary>
    private async Task<CollectionStatistics> GetCollectionStatisticsAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (_statistics is { } cached && now - cached.ReadAt < options.StatisticsRefreshInterval)
        {
            return cached.Statistics;
        }

        await collection.EnsureAsync(cancellationToken);
        var documents = new List<(ManifestEntry, DocumentStatistics)>();
        await foreach (var point in Client.ScrollAllAsync(collection.Name, OfKind(CollectionLayout.DocumentKind), PointMessages.AllFields, PageSize, cancellationToken))
        {
            documents.Add((ToManifestEntry(point.Payload), DocumentStatistics.FromPayload(point.Payload)));
        }

        var statistics = new CollectionStatistics(documents);
        _statistics = new CachedStatistics(now, statistics);
        return statistics;
    }

    private void Invalidate() => _statistics = null;

    private sealed record CachedStatistics(DateTimeOffset ReadAt, CollectionStatistics Statistics);

    private static Filter OfKind(string kind) => PointMessages.All(PointMessages.Equal(CollectionLayout.Kind, kind));

    private static Filter OfDocument(string kind, string sourcePath) =>
        PointMessages.All(PointMessages.Equal(CollectionLayout.Kind, kind), PointMessages.Equal(CollectionLayout.SourcePath, sourcePath));

    /// <summary>One leg of the fusion; its filter too, so each leg's candidates are already restricted.</summary>
    private static PrefetchQuery Leg(Query query, string vectorName, int limit, Filter? filter)
    {
        var leg = new PrefetchQuery { Query = query, Using = vectorName, Limit = (ulong)limit };
        if (filter is not null)
        {
            leg.Filter = filter;
        }

        return leg;
    }

    private static PointStruct ToPoint(IndexedChunk indexed)
    {
        var chunk = indexed.Chunk;
        var payload = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [CollectionLayout.Kind] = CollectionLayout.ChunkKind,
            [CollectionLayout.SourcePath] = chunk.SourcePath,
            [CollectionLayout.ChunkIndex] = chunk.Index,
            [CollectionLayout.Title] = chunk.Title,
            [CollectionLayout.Section] = chunk.Section,
            [CollectionLayout.Date] = chunk.Date is { } date ? Payload.Format(date) : null,
            [CollectionLayout.StartLine] = chunk.StartLine,
            [CollectionLayout.EndLine] = chunk.EndLine,
            [CollectionLayout.StartColumn] = chunk.StartColumn,
            [CollectionLayout.EndColumn] = chunk.EndColumn,
            [CollectionLayout.HeadingPath] = chunk.HeadingPath,
            [CollectionLayout.Page] = chunk.Page,
            [CollectionLayout.Language] = chunk.Language,
            [CollectionLayout.Text] = chunk.Text,
        };
        return PointMessages.Create(chunk.Id, payload, new Dictionary<string, Vector> { [CollectionLayout.SparseVector] = PointMessages.Sparse(SparseTermEncoder.ForDocument(indexed.Terms)) });
    }

    private static PointStruct ToDocumentPoint(ManifestEntry entry, DocumentStatistics statistics) => PointMessages.Create(
        CollectionLayout.DocumentId(entry.SourcePath),
        new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [CollectionLayout.Kind] = CollectionLayout.DocumentKind,
            [CollectionLayout.SourcePath] = entry.SourcePath,
            [CollectionLayout.ContentHash] = entry.ContentHash,
            [CollectionLayout.PipelineVersion] = entry.PipelineVersion,
            [CollectionLayout.ChunkCount] = entry.ChunkCount,
            [CollectionLayout.IngestedAt] = entry.IngestedAt.ToString("O", CultureInfo.InvariantCulture),
            [CollectionLayout.Languages] = statistics.ChunksByLanguage,
            [CollectionLayout.Terms] = statistics.Terms,
            [CollectionLayout.TermChunkCounts] = statistics.TermChunkCounts,
        });

    private static ManifestEntry ToManifestEntry(IReadOnlyDictionary<string, Value>? payload) => new(
        Payload.String(payload, CollectionLayout.SourcePath),
        Payload.String(payload, CollectionLayout.ContentHash),
        Payload.String(payload, CollectionLayout.PipelineVersion),
        Payload.Int(payload, CollectionLayout.ChunkCount),
        DateTimeOffset.Parse(Payload.String(payload, CollectionLayout.IngestedAt), CultureInfo.InvariantCulture));

    private static Chunk ToChunk(IReadOnlyDictionary<string, Value>? payload) => new(
        Payload.String(payload, CollectionLayout.SourcePath),
        Payload.Int(payload, CollectionLayout.ChunkIndex),
        Payload.String(payload, CollectionLayout.Title),
        Payload.OptionalString(payload, CollectionLayout.Section),
        Payload.OptionalDate(payload, CollectionLayout.Date),
        Payload.Int(payload, CollectionLayout.StartLine),
        Payload.Int(payload, CollectionLayout.EndLine),
        Payload.String(payload, CollectionLayout.Language),
        Payload.String(payload, CollectionLayout.Text))
    {
        StartColumn = Payload.OptionalInt(payload, CollectionLayout.StartColumn) ?? 1,
        EndColumn = Payload.OptionalInt(payload, CollectionLayout.EndColumn) ?? 0,
        HeadingPath = Payload.OptionalStrings(payload, CollectionLayout.HeadingPath),
        Page = Payload.OptionalInt(payload, CollectionLayout.Page) ?? 0,
    };
}
