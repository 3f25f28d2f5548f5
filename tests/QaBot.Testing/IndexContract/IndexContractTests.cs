using QaBot.Core;
using Xunit;

namespace QaBot.Testing.IndexContract;

/// <summary>
/// The behaviours every index behind <see cref="IChunkIndex"/> and <see cref="IVectorIndex"/> must show:
/// ingest, replace, delete, search, id filters, statistics, blobs, vectors and an idempotent re-run. Run
/// against the embedded SQLite index, the Qdrant index on the fake server, and a real Qdrant when
/// QDRANT_URL is set.
/// </summary>
public abstract class IndexContractTests : IAsyncLifetime
{
    protected static readonly EmbeddingModelInfo Model = new("test:model", 4);
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private IChunkIndex? _index;
    private IVectorIndex? _vectors;

    protected IChunkIndex Index => _index!;

    protected IVectorIndex Vectors => _vectors!;

    /// <summary>A new, empty index whose vector side takes <see cref="Model"/>'s vectors.</summary>
    protected abstract Task<(IChunkIndex Index, IVectorIndex Vectors)> CreateAsync();

    protected abstract Task DestroyAsync();

    public async Task InitializeAsync() => (_index, _vectors) = await CreateAsync();

    public Task DisposeAsync() => DestroyAsync();

    private static ManifestEntry Entry(string path, string hash = "h1", int chunks = 0) => new(path, hash, "v1", chunks, At);

    private static IndexedChunk Chunk(string path, int index, string language, params string[] terms) =>
        new(new Chunk(path, index, "Title " + path, "Section", null, index + 1, index + 2, language, string.Join(' ', terms)), terms);

    [ContractFact]
    public async Task ReplaceDocumentAsync_NewDocument_IsInManifestAndSearchable()
    {
        await Index.ReplaceDocumentAsync(Entry("a.txt", chunks: 1), [Chunk("a.txt", 0, "en", "drone", "fly")], CancellationToken.None);

        var manifest = await Index.ReadManifestAsync(CancellationToken.None);
        var hit = Assert.Single(await Index.SearchLexicalAsync(["drone"], 10, CancellationToken.None));

        Assert.Equal(new ManifestEntry("a.txt", "h1", "v1", 1, At), manifest["a.txt"]);
        Assert.Equal(ChunkId.For("a.txt", 0), hit.ChunkId);
        Assert.True(hit.Score > 0);
    }

    [ContractFact]
    public async Task UpdateManifestEntryAsync_DocumentInIndex_ChangesTheEntryAndKeepsItsChunksAndCounts()
    {
        await Index.ReplaceDocumentAsync(Entry("a.txt", chunks: 2) with { PipelineVersion = "v1;pending" }, [Chunk("a.txt", 0, "en", "drone", "fly"), Chunk("a.txt", 1, "en", "drone")], CancellationToken.None);

        await Index.UpdateManifestEntryAsync(Entry("a.txt", chunks: 2), CancellationToken.None);

        var manifest = await Index.ReadManifestAsync(CancellationToken.None);
        Assert.Equal(new ManifestEntry("a.txt", "h1", "v1", 2, At), manifest["a.txt"]);
        Assert.Equal(2, (await Index.SearchLexicalAsync(["drone"], 10, CancellationToken.None)).Count);
        Assert.Equal(2, (await Index.GetChunkFrequenciesAsync(["drone"], CancellationToken.None))["drone"]);
    }

    [ContractFact]
    public async Task UpdateManifestEntryAsync_DocumentNotInIndex_Throws()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => Index.UpdateManifestEntryAsync(Entry("missing.txt", chunks: 1), CancellationToken.None));
    }

    [ContractFact]
    public async Task ReplaceDocumentAsync_ChangedDocumentWithFewerChunks_LeavesOnlyTheNewChunks()
    {
        await Index.ReplaceDocumentAsync(Entry("a.txt"), [Chunk("a.txt", 0, "en", "old"), Chunk("a.txt", 1, "en", "old", "two"), Chunk("a.txt", 2, "en", "old", "three")], CancellationToken.None);

        await Index.ReplaceDocumentAsync(Entry("a.txt", "h2"), [Chunk("a.txt", 0, "en", "new")], CancellationToken.None);

        Assert.Empty(await Index.SearchLexicalAsync(["old"], 10, CancellationToken.None));
        Assert.Equal(ChunkId.For("a.txt", 0), Assert.Single(await Index.SearchLexicalAsync(["new"], 10, CancellationToken.None)).ChunkId);
        Assert.Equal(1, (await Index.GetStatisticsAsync(CancellationToken.None)).ChunkCount);
        var entry = (await Index.ReadManifestAsync(CancellationToken.None))["a.txt"];
        Assert.Equal(("h2", 1), (entry.ContentHash, entry.ChunkCount));
        Assert.Empty(await Index.GetChunksAsync([ChunkId.For("a.txt", 1), ChunkId.For("a.txt", 2)], CancellationToken.None));
    }

    [ContractFact]
    public async Task RemoveDocumentAsync_OneOfTwoDocuments_RemovesOnlyItsChunksTermsAndEntry()
    {
        await Index.ReplaceDocumentAsync(Entry("a.txt"), [Chunk("a.txt", 0, "en", "drone")], CancellationToken.None);
        await Index.ReplaceDocumentAsync(Entry("b.txt"), [Chunk("b.txt", 0, "en", "drone")], CancellationToken.None);

        await Index.RemoveDocumentAsync("a.txt", CancellationToken.None);

        Assert.Equal(ChunkId.For("b.txt", 0), Assert.Single(await Index.SearchLexicalAsync(["drone"], 10, CancellationToken.None)).ChunkId);
        Assert.Equal(["b.txt"], (await Index.ReadManifestAsync(CancellationToken.None)).Keys);
        Assert.Equal(1, Assert.Single(await Index.ReadVocabularyAsync(CancellationToken.None), v => v.Term == "drone").ChunkFrequency);
    }

    [ContractFact]
    public async Task SearchLexicalAsync_RarerTermMatched_RanksFirst()
    {
        await Index.ReplaceDocumentAsync(Entry("a.txt"), [Chunk("a.txt", 0, "en", "ai", "chip"), Chunk("a.txt", 1, "en", "ai", "nvidia"), Chunk("a.txt", 2, "en", "ai", "cloud")], CancellationToken.None);

        var hits = await Index.SearchLexicalAsync(["ai", "nvidia"], 10, CancellationToken.None);

        Assert.Equal(3, hits.Count);
        Assert.Equal(ChunkId.For("a.txt", 1), hits[0].ChunkId);
        Assert.True(hits[0].Score > hits[1].Score);
    }

    [ContractFact]
    public async Task SearchLexicalAsync_LimitAndNoTerms_AreHonoured()
    {
        await Index.ReplaceDocumentAsync(Entry("a.txt"), [Chunk("a.txt", 0, "en", "ai"), Chunk("a.txt", 1, "en", "ai"), Chunk("a.txt", 2, "en", "ai")], CancellationToken.None);

        Assert.Equal(2, (await Index.SearchLexicalAsync(["ai"], 2, CancellationToken.None)).Count);
        Assert.Empty(await Index.SearchLexicalAsync([], 10, CancellationToken.None));
        Assert.Empty(await Index.SearchLexicalAsync(["absent"], 10, CancellationToken.None));
    }

    [ContractFact]
    public async Task GetChunksAsync_SomeKnownIds_ReturnsExactlyThoseChunksWithAllFields()
    {
        var date = new DateTimeOffset(2021, 7, 14, 13, 17, 10, TimeSpan.Zero);
        var chinese = new Chunk("dir/a.md", 3, "标题", null, date, 10, 12, "zh", "正文 内容");
        await Index.ReplaceDocumentAsync(Entry("dir/a.md"), [new IndexedChunk(chinese, ["正文", "内容"])], CancellationToken.None);
        await Index.ReplaceDocumentAsync(Entry("b.txt"), [Chunk("b.txt", 0, "de", "drohne"), Chunk("b.txt", 1, "de", "flug")], CancellationToken.None);

        var chunks = await Index.GetChunksAsync([chinese.Id, ChunkId.For("b.txt", 1), Guid.NewGuid()], CancellationToken.None);

        Assert.Equal(2, chunks.Count);
        Assert.Equal(chinese, Assert.Single(chunks, c => c.SourcePath == "dir/a.md"));
        Assert.Equal(Chunk("b.txt", 1, "de", "flug").Chunk, Assert.Single(chunks, c => c.SourcePath == "b.txt"));
    }

    [ContractFact]
    public async Task GetChunksAsync_ChunkWithColumnsHeadingPathAndPage_ReturnsThemToo()
    {
        var chunk = new Chunk("manual.pdf", 0, "Manual", "4.3.1 Configuration", null, 7, 7, "en", "edit the file")
        {
            StartColumn = 120,
            EndColumn = 480,
            HeadingPath = ["Chapter 4", "4.3 PAM", "4.3.1 Configuration"],
            Page = 12,
        };
        await Index.ReplaceDocumentAsync(Entry("manual.pdf"), [new IndexedChunk(chunk, ["edit"])], CancellationToken.None);

        var stored = Assert.Single(await Index.GetChunksAsync([chunk.Id], CancellationToken.None));

        Assert.Equal((120, 480, 12), (stored.StartColumn, stored.EndColumn, stored.Page));
        Assert.Equal(chunk.HeadingPath, stored.HeadingPath);
        Assert.Equal(chunk with { HeadingPath = stored.HeadingPath }, stored);
    }

    [ContractFact]
    public async Task GetStatisticsAsync_DocumentsInThreeLanguages_CountsDocumentsChunksAndLanguages()
    {
        await Index.ReplaceDocumentAsync(Entry("en.txt"), [Chunk("en.txt", 0, "en", "a"), Chunk("en.txt", 1, "en", "b")], CancellationToken.None);
        await Index.ReplaceDocumentAsync(Entry("de.txt"), [Chunk("de.txt", 0, "de", "c")], CancellationToken.None);
        await Index.ReplaceDocumentAsync(Entry("zh.txt"), [Chunk("zh.txt", 0, "zh", "中国")], CancellationToken.None);

        var statistics = await Index.GetStatisticsAsync(CancellationToken.None);

        Assert.Equal((3, 4), (statistics.DocumentCount, statistics.ChunkCount));
        Assert.Equal(new Dictionary<string, int> { ["de"] = 1, ["en"] = 2, ["zh"] = 1 }, statistics.ChunksByLanguage.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary());
    }

    [ContractFact]
    public async Task GetChunkFrequenciesAsync_TermsInSeveralChunks_CountsChunksNotOccurrences()
    {
        await Index.ReplaceDocumentAsync(Entry("a.txt"), [Chunk("a.txt", 0, "en", "ai", "ai", "chip"), Chunk("a.txt", 1, "en", "ai")], CancellationToken.None);
        await Index.ReplaceDocumentAsync(Entry("b.txt"), [Chunk("b.txt", 0, "en", "ai")], CancellationToken.None);

        var frequencies = await Index.GetChunkFrequenciesAsync(["ai", "chip", "absent"], CancellationToken.None);

        Assert.Equal(new Dictionary<string, int> { ["ai"] = 3, ["chip"] = 1, ["absent"] = 0 }, frequencies.ToDictionary());
    }

    [ContractFact]
    public async Task WriteBlobAsync_LargeBlobThenSmallerOne_ReadsBackTheLatestExactly()
    {
        var large = new byte[(3 * 1024 * 1024) + 17];
        new Random(7).NextBytes(large);
        await Index.WriteBlobAsync("table", large, CancellationToken.None);
        Assert.Equal(large, await Index.ReadBlobAsync("table", CancellationToken.None));

        await Index.WriteBlobAsync("table", [1, 2, 3], CancellationToken.None);

        Assert.Equal([1, 2, 3], await Index.ReadBlobAsync("table", CancellationToken.None));
        Assert.Null(await Index.ReadBlobAsync("missing", CancellationToken.None));
    }

    [ContractFact]
    public async Task ReplaceDocumentAsync_SameDocumentsIngestedTwice_GivesTheSameIndex()
    {
        IndexedChunk[] chunks = [Chunk("a.txt", 0, "en", "drone", "fly"), Chunk("a.txt", 1, "en", "drone")];
        await Index.ReplaceDocumentAsync(Entry("a.txt"), chunks, CancellationToken.None);
        var firstHits = await Index.SearchLexicalAsync(["drone", "fly"], 10, CancellationToken.None);

        await Index.ReplaceDocumentAsync(Entry("a.txt"), chunks, CancellationToken.None);

        var statistics = await Index.GetStatisticsAsync(CancellationToken.None);
        Assert.Equal((1, 2), (statistics.DocumentCount, statistics.ChunkCount));
        Assert.Equal(firstHits.Select(h => h.ChunkId), (await Index.SearchLexicalAsync(["drone", "fly"], 10, CancellationToken.None)).Select(h => h.ChunkId));
        Assert.Equal(2, (await Index.GetChunkFrequenciesAsync(["drone"], CancellationToken.None))["drone"]);
    }

    [ContractFact]
    public async Task UpsertVectorsAsync_StoredVectors_SearchFindsNearestFirstAndRecordsModel()
    {
        await Index.ReplaceDocumentAsync(Entry("a.txt"), [Chunk("a.txt", 0, "en", "x"), Chunk("a.txt", 1, "en", "y")], CancellationToken.None);

        await Vectors.UpsertVectorsAsync(Model, [new(ChunkId.For("a.txt", 0), new float[] { 1, 0, 0, 0 }), new(ChunkId.For("a.txt", 1), new float[] { 0, 1, 0, 0 })], CancellationToken.None);

        var hits = await Vectors.SearchAsync(new float[] { 0.1f, 0.9f, 0, 0 }, 2, CancellationToken.None);
        Assert.Equal([ChunkId.For("a.txt", 1), ChunkId.For("a.txt", 0)], hits.Select(h => h.ChunkId));
        Assert.Equal(Model, await Vectors.ReadModelAsync(CancellationToken.None));
    }

    [ContractFact]
    public async Task UpsertVectorsAsync_AnotherModelUntilCleared_IsRefused()
    {
        await Index.ReplaceDocumentAsync(Entry("a.txt"), [Chunk("a.txt", 0, "en", "x")], CancellationToken.None);
        ChunkVector[] vectors = [new(ChunkId.For("a.txt", 0), new float[] { 1, 0, 0, 0 })];
        await Vectors.UpsertVectorsAsync(Model, vectors, CancellationToken.None);
        var other = Model with { ModelId = "test:other" };

        await Assert.ThrowsAsync<EmbeddingModelMismatchException>(() => Vectors.UpsertVectorsAsync(other, vectors, CancellationToken.None));
        await Vectors.ClearVectorsAsync(CancellationToken.None);

        Assert.Null(await Vectors.ReadModelAsync(CancellationToken.None));
        Assert.Empty(await Vectors.SearchAsync(new float[] { 1, 0, 0, 0 }, 5, CancellationToken.None));
        await Vectors.UpsertVectorsAsync(other, vectors, CancellationToken.None);
        Assert.Equal(other, await Vectors.ReadModelAsync(CancellationToken.None));
    }
}
