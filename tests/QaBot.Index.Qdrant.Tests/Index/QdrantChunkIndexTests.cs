using QaBot.Analysis;
using QaBot.Core;
using QaBot.Index.Qdrant.Index;
using QaBot.Index.Qdrant.Tests.Fakes;
using Qdrant.Client.Grpc;

namespace QaBot.Index.Qdrant.Tests.Index;

/// <summary>What the Qdrant index does beyond the shared contract: the collection it makes and checks, hybrid search, batching and faults.</summary>
public sealed class QdrantChunkIndexTests : IAsyncLifetime
{
    private static readonly EmbeddingModelInfo Model = new("test:model", 3);
    private FakeQdrantServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeQdrantServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Assert.Empty(_server.Rejections);
    }

    private static ManifestEntry Entry(string path, int chunks = 1) => new(path, "h-" + path, "v1", chunks, DateTimeOffset.UnixEpoch);

    private static IndexedChunk Chunk(string path, int index, string language, params string[] terms) =>
        new(new Chunk(path, index, "T", null, null, 1, 1, language, string.Join(' ', terms)), terms);

    [Fact]
    public async Task EnsureAsync_NoCollection_CreatesNamedDenseAndIdfSparseVectorsIndexesAndMetadata()
    {
        using var harness = new QdrantHarness(_server.Url, "fresh", Model, configure: o => (o.ShardNumber, o.ReplicationFactor) = (3, 2));

        await harness.Index.ReadManifestAsync(CancellationToken.None);

        var collection = _server.Engine.Collections["fresh"];
        Assert.Equal((3ul, Distance.Cosine), (collection.Dense["dense"].Size, collection.Dense["dense"].Distance));
        Assert.Equal(Modifier.Idf, collection.Sparse["text"]);
        Assert.Equal((3u, 2u), (collection.ShardNumber, collection.ReplicationFactor));
        Assert.Equal(FieldType.Keyword, collection.PayloadIndexes["source_path"]);
        Assert.Equal(FieldType.Keyword, collection.PayloadIndexes["language"]);
        Assert.Equal(FieldType.Datetime, collection.PayloadIndexes["date"]);
        var metadata = collection.Points.Values.Single(p => p.Payload["kind"].StringValue == "metadata").Payload;
        Assert.Equal(TextAnalyzer.Version, metadata["analyzer_version"].StringValue);
        Assert.Equal("test:model", collection.Metadata["embedding_model_id"].StringValue);
    }

    [Fact]
    public async Task EnsureAsync_CollectionWithOtherVectorSize_FailsNamingSizesAndTheKeyToChange()
    {
        using (var first = new QdrantHarness(_server.Url, "docs", Model))
        {
            await first.Index.ReadManifestAsync(CancellationToken.None);
        }

        using var second = new QdrantHarness(_server.Url, "docs", new EmbeddingModelInfo("other", 768));

        var error = await Assert.ThrowsAsync<QdrantCollectionMismatchException>(() => second.Index.ReadManifestAsync(CancellationToken.None));

        Assert.Contains("dense vectors of 3 dimensions", error.Message, StringComparison.Ordinal);
        Assert.Contains("needs 768", error.Message, StringComparison.Ordinal);
        Assert.Contains("Qdrant:Collection", error.Message, StringComparison.Ordinal);
        Assert.Single(_server.Engine.Collections["docs"].Dense);
    }

    [Fact]
    public async Task EnsureAsync_CollectionWithoutIdfSparseVector_FailsNamingTheCollectionKey()
    {
        _server.Engine.Collections["foreign"] = new FakeCollection();

        using var harness = new QdrantHarness(_server.Url, "foreign", Model);

        var error = await Assert.ThrowsAsync<QdrantCollectionMismatchException>(() => harness.Index.ReadManifestAsync(CancellationToken.None));
        Assert.Contains("IDF", error.Message, StringComparison.Ordinal);
        Assert.Contains("Qdrant:Collection", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task EnsureAsync_CollectionOfAnotherAnalyzer_FailsNamingBothVersions()
    {
        using (var first = new QdrantHarness(_server.Url, "docs", Model))
        {
            await first.Index.ReadManifestAsync(CancellationToken.None);
        }

        _server.Engine.Collections["docs"].Points.Values.Single(p => (string?)p.Payload["kind"].StringValue == "metadata").Payload["analyzer_version"] = new Value { StringValue = "analyzer-0" };
        using var second = new QdrantHarness(_server.Url, "docs", Model);

        var error = await Assert.ThrowsAsync<QdrantCollectionMismatchException>(() => second.Index.SearchLexicalAsync(["x"], 5, CancellationToken.None));

        Assert.Contains("analyzer-0", error.Message, StringComparison.Ordinal);
        Assert.Contains(TextAnalyzer.Version, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchHybridAsync_WithQueryVector_FusesDenseAndSparseLegsByRrf()
    {
        using var harness = new QdrantHarness(_server.Url, "docs", Model);
        await harness.Index.ReplaceDocumentAsync(Entry("a.txt", 3), [Chunk("a.txt", 0, "en", "drone"), Chunk("a.txt", 1, "en", "drone", "battery"), Chunk("a.txt", 2, "en", "river")], CancellationToken.None);
        await harness.Vectors.UpsertVectorsAsync(Model, [new(ChunkId.For("a.txt", 0), new float[] { 0, 1, 0 }), new(ChunkId.For("a.txt", 1), new float[] { 1, 0, 0 }), new(ChunkId.For("a.txt", 2), new float[] { 0.9f, 0.1f, 0 })], CancellationToken.None);

        var hits = await harness.Index.SearchHybridAsync(new HybridSearchRequest(["battery", "drone"], 3, new float[] { 1, 0, 0 }, Model), CancellationToken.None);

        // Chunk 1 is first in both legs; chunk 2 is second by vector only; chunk 0 second by terms only.
        Assert.Equal(ChunkId.For("a.txt", 1), hits[0].ChunkId);
        Assert.Equal(1.0 / 2 + (1.0 / 2), hits[0].Score, 6);
        var request = _server.RequestsTo<QueryPoints>("Points/Query")[^1];
        Assert.Equal(Fusion.Rrf, request.Query.Fusion);
        Assert.Equal(["dense", "text"], request.Prefetch.Select(p => p.Using));
    }

    [Fact]
    public async Task SearchHybridAsync_NoQueryVectorAndLanguage_QueriesSparseOnlyWithinTheLanguage()
    {
        using var harness = new QdrantHarness(_server.Url, "docs", null);
        await harness.Index.ReplaceDocumentAsync(Entry("en.txt"), [Chunk("en.txt", 0, "en", "ki")], CancellationToken.None);
        await harness.Index.ReplaceDocumentAsync(Entry("de.txt"), [Chunk("de.txt", 0, "de", "ki")], CancellationToken.None);

        var hits = await harness.Index.SearchHybridAsync(new HybridSearchRequest(["ki"], 5, Language: "de"), CancellationToken.None);

        Assert.Equal(ChunkId.For("de.txt", 0), Assert.Single(hits).ChunkId);
        var request = _server.RequestsTo<QueryPoints>("Points/Query")[^1];
        Assert.Empty(request.Prefetch);
        Assert.Equal("text", request.Using);
        Assert.Equal("de", request.Filter.Must.Single().Field.Match.Keyword);
        Assert.Empty(_server.Engine.Collections["docs"].Dense);
    }

    [Fact]
    public async Task SearchHybridAsync_QueryOfAnotherModel_IsRefused()
    {
        using var harness = new QdrantHarness(_server.Url, "docs", Model);
        await harness.Index.ReplaceDocumentAsync(Entry("a.txt"), [Chunk("a.txt", 0, "en", "x")], CancellationToken.None);
        await harness.Vectors.UpsertVectorsAsync(Model, [new(ChunkId.For("a.txt", 0), new float[] { 1, 0, 0 })], CancellationToken.None);

        await Assert.ThrowsAsync<EmbeddingModelMismatchException>(() =>
            harness.Index.SearchHybridAsync(new HybridSearchRequest(["x"], 5, new float[] { 1, 0, 0 }, Model with { ModelId = "other" }), CancellationToken.None));
    }

    [Fact]
    public async Task ReplaceDocumentAsync_ManyLargeChunks_UpsertsInSeveralMessagesUnderTheLimit()
    {
        using var harness = new QdrantHarness(_server.Url, "docs", null, configure: o => o.MaxRequestBytes = 64 * 1024);
        var chunks = Enumerable.Range(0, 40).Select(i => new IndexedChunk(new Chunk("big.txt", i, "T", null, null, i, i, "en", new string('a', 5000)), ["term" + i])).ToList();

        await harness.Index.ReplaceDocumentAsync(Entry("big.txt", 40), chunks, CancellationToken.None);

        var upserts = _server.RequestsTo<UpsertPoints>("Points/Upsert").Select(u => u.CalculateSize()).ToList();
        Assert.All(upserts, size => Assert.True(size <= 64 * 1024, $"{size} bytes"));
        Assert.True(upserts.Count >= 4);
        Assert.Equal(40, (await harness.Index.GetStatisticsAsync(CancellationToken.None)).ChunkCount);
    }

    [Fact]
    public async Task ReplaceDocumentAsync_QdrantLostMidDocument_LeavesItUningestedAndTheNextRunCompletesIt()
    {
        using var harness = new QdrantHarness(_server.Url, "docs", null);
        await harness.Index.ReplaceDocumentAsync(Entry("a.txt"), [Chunk("a.txt", 0, "en", "alpha")], CancellationToken.None);
        _server.GoAwayAfter(2); // The server dies after taking b.txt's first writes, before its manifest point.

        var error = await Assert.ThrowsAsync<QdrantUnavailableException>(() => harness.Index.ReplaceDocumentAsync(Entry("b.txt"), [Chunk("b.txt", 0, "en", "beta")], CancellationToken.None));
        _server.Recover();
        var afterLoss = await harness.Index.ReadManifestAsync(CancellationToken.None);
        await harness.Index.ReplaceDocumentAsync(Entry("b.txt"), [Chunk("b.txt", 0, "en", "beta")], CancellationToken.None);

        Assert.Equal(["a.txt"], afterLoss.Keys);
        Assert.Equal(["a.txt", "b.txt"], (await harness.Index.ReadManifestAsync(CancellationToken.None)).Keys.Order(StringComparer.Ordinal));
        Assert.Single(await harness.Index.SearchLexicalAsync(["beta"], 5, CancellationToken.None));
        Assert.Equal(2, (await harness.Index.GetStatisticsAsync(CancellationToken.None)).ChunkCount);
        Assert.Contains("after 2 attempt(s)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetChunkFrequenciesAsync_AnotherMachineIngests_SeenAfterTheRefreshInterval()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        using var reader = new QdrantHarness(_server.Url, "docs", null, time, o => o.StatisticsRefreshInterval = TimeSpan.FromMinutes(5));
        using var writer = new QdrantHarness(_server.Url, "docs", null);
        Assert.Equal(0, (await reader.Index.GetChunkFrequenciesAsync(["gamma"], CancellationToken.None))["gamma"]);

        await writer.Index.ReplaceDocumentAsync(Entry("g.txt"), [Chunk("g.txt", 0, "en", "gamma")], CancellationToken.None);
        var beforeRefresh = (await reader.Index.GetChunkFrequenciesAsync(["gamma"], CancellationToken.None))["gamma"];
        time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(0, beforeRefresh);
        Assert.Equal(1, (await reader.Index.GetChunkFrequenciesAsync(["gamma"], CancellationToken.None))["gamma"]);
    }

    [Fact]
    public async Task ReadModelAsync_AnotherMachineEmbedsTheCollection_SeenAtOnce()
    {
        var model = new EmbeddingModelInfo("test:model", 2);
        using var bot = new QdrantHarness(_server.Url, "embedded", model);
        using var ingest = new QdrantHarness(_server.Url, "embedded", model);
        Assert.Null(await bot.Vectors.ReadModelAsync(CancellationToken.None));

        await ingest.Index.ReplaceDocumentAsync(Entry("g.txt"), [Chunk("g.txt", 0, "en", "gamma")], CancellationToken.None);
        await ingest.Vectors.UpsertVectorsAsync(model, [new ChunkVector(ChunkId.For("g.txt", 0), new float[] { 1, 0 })], CancellationToken.None);

        Assert.Equal(model, await bot.Vectors.ReadModelAsync(CancellationToken.None));
    }
}
