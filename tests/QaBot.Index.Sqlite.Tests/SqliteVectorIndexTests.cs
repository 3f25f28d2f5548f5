using QaBot.Core;
using QaBot.Testing;

namespace QaBot.Index.Sqlite.Tests;

public sealed class SqliteVectorIndexTests : IDisposable
{
    private static readonly EmbeddingModelInfo TwoDimensions = new("m", 2);
    private readonly TemporaryDirectory _directory = new();
    private readonly SqliteChunkIndex _index;
    private readonly SqliteVectorIndex _vectors;

    public SqliteVectorIndexTests()
    {
        _index = new SqliteChunkIndex(new SqliteIndexOptions { DatabasePath = _directory.Combine("index.db") });
        _vectors = new SqliteVectorIndex(_index);
    }

    public void Dispose()
    {
        _vectors.Dispose();
        _index.Dispose();
        _directory.Dispose();
    }

    private Task AddDocumentAsync(string path, int chunks) => _index.ReplaceDocumentAsync(
        new ManifestEntry(path, "h", "v1", chunks, DateTimeOffset.UnixEpoch),
        Enumerable.Range(0, chunks).Select(i => new IndexedChunk(new Chunk(path, i, "T", null, null, 1, 1, "en", "text " + i), ["text"])).ToList(),
        CancellationToken.None);

    [Fact]
    public async Task SearchAsync_StoredVectors_ReturnsNearestChunkFirst()
    {
        await AddDocumentAsync("a.txt", 3);
        await _vectors.UpsertVectorsAsync(new EmbeddingModelInfo("m", 3), [
            new ChunkVector(ChunkId.For("a.txt", 0), new float[] { 1, 0, 0 }),
            new ChunkVector(ChunkId.For("a.txt", 1), new float[] { 0, 1, 0 }),
            new ChunkVector(ChunkId.For("a.txt", 2), new float[] { 0, 0, 1 }),
        ], CancellationToken.None);

        var hits = await _vectors.SearchAsync(new float[] { 0.1f, 0.9f, 0.2f }, 2, CancellationToken.None);

        Assert.Equal([ChunkId.For("a.txt", 1), ChunkId.For("a.txt", 2)], hits.Select(h => h.ChunkId));
    }

    [Fact]
    public async Task SearchAsync_AfterDocumentReplaced_ForgetsItsOldVectors()
    {
        await AddDocumentAsync("a.txt", 1);
        await AddDocumentAsync("b.txt", 1);
        await _vectors.UpsertVectorsAsync(TwoDimensions, [
            new ChunkVector(ChunkId.For("a.txt", 0), new float[] { 1, 0 }),
            new ChunkVector(ChunkId.For("b.txt", 0), new float[] { 0, 1 }),
        ], CancellationToken.None);
        Assert.Equal(2, (await _vectors.SearchAsync(new float[] { 1, 0 }, 5, CancellationToken.None)).Count);

        await AddDocumentAsync("a.txt", 1);
        var hits = await _vectors.SearchAsync(new float[] { 1, 0 }, 5, CancellationToken.None);

        Assert.Equal(ChunkId.For("b.txt", 0), Assert.Single(hits).ChunkId);
    }

    [Fact]
    public async Task UpsertVectorsAsync_AnotherModelStored_ThrowsNamingBothModels()
    {
        await AddDocumentAsync("a.txt", 1);
        await _vectors.UpsertVectorsAsync(TwoDimensions, [new ChunkVector(ChunkId.For("a.txt", 0), new float[] { 1, 0 })], CancellationToken.None);
        var other = new EmbeddingModelInfo("other", 3);

        var error = await Assert.ThrowsAsync<EmbeddingModelMismatchException>(() =>
            _vectors.UpsertVectorsAsync(other, [new ChunkVector(ChunkId.For("a.txt", 0), new float[] { 1, 0, 0 })], CancellationToken.None));

        Assert.Contains("m (2 dimensions)", error.Message, StringComparison.Ordinal);
        Assert.Contains("other (3 dimensions)", error.Message, StringComparison.Ordinal);
        Assert.Equal(TwoDimensions, await _vectors.ReadModelAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ClearVectorsAsync_ThenAnotherModel_StoresIt()
    {
        await AddDocumentAsync("a.txt", 1);
        await _vectors.UpsertVectorsAsync(TwoDimensions, [new ChunkVector(ChunkId.For("a.txt", 0), new float[] { 1, 0 })], CancellationToken.None);
        var other = new EmbeddingModelInfo("other", 3);

        await _vectors.ClearVectorsAsync(CancellationToken.None);
        Assert.Null(await _vectors.ReadModelAsync(CancellationToken.None));
        await _vectors.UpsertVectorsAsync(other, [new ChunkVector(ChunkId.For("a.txt", 0), new float[] { 0, 0, 1 })], CancellationToken.None);

        Assert.Equal(other, await _vectors.ReadModelAsync(CancellationToken.None));
        Assert.Single(await _vectors.SearchAsync(new float[] { 0, 0, 1 }, 5, CancellationToken.None));
    }

    [Fact]
    public async Task UpsertVectorsAsync_VectorOfWrongLength_Throws()
    {
        await AddDocumentAsync("a.txt", 1);

        await Assert.ThrowsAsync<ArgumentException>(() =>
            _vectors.UpsertVectorsAsync(TwoDimensions, [new ChunkVector(ChunkId.For("a.txt", 0), new float[] { 1, 0, 0 })], CancellationToken.None));
    }

    [Fact]
    public async Task SearchAsync_NoVectors_ReturnsNothing()
    {
        await AddDocumentAsync("a.txt", 1);

        Assert.Empty(await _vectors.SearchAsync(new float[] { 1, 0 }, 5, CancellationToken.None));
    }

    [Fact]
    public async Task GetStatisticsAsync_AfterWrite_CountsTheNewChunks()
    {
        await AddDocumentAsync("a.txt", 2);
        Assert.Equal(2, (await _index.GetStatisticsAsync(CancellationToken.None)).ChunkCount);

        await AddDocumentAsync("b.txt", 3);
        var afterAdd = await _index.GetStatisticsAsync(CancellationToken.None);
        await _index.RemoveDocumentAsync("a.txt", CancellationToken.None);
        var afterRemove = await _index.GetStatisticsAsync(CancellationToken.None);

        Assert.Equal(5, afterAdd.ChunkCount);
        Assert.Equal(3, afterRemove.ChunkCount);
    }
}
