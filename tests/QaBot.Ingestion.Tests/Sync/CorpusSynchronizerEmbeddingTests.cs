using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using QaBot.Analysis;
using QaBot.Core;
using QaBot.Index.Sqlite;
using QaBot.Ingestion.Chunking;
using QaBot.Ingestion.Reading;
using QaBot.Ingestion.Sync;
using QaBot.Testing;

namespace QaBot.Ingestion.Tests.Sync;

/// <summary>The embed step of the ingest job, on copies of the real articles with the SQLite index and a fake model.</summary>
public sealed class CorpusSynchronizerEmbeddingTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly string _corpus;
    private readonly SqliteChunkIndex _sqlite;
    private readonly SqliteVectorIndex _vectors;

    public CorpusSynchronizerEmbeddingTests()
    {
        _corpus = TestCorpus.CopyTo(_directory);
        _sqlite = new SqliteChunkIndex(new SqliteIndexOptions { DatabasePath = _directory.Combine("index.db") });
        _vectors = new SqliteVectorIndex(_sqlite);
    }

    public void Dispose()
    {
        _vectors.Dispose();
        _sqlite.Dispose();
        _directory.Dispose();
    }

    private CorpusSynchronizer Synchronizer(IEmbeddingGenerator<string, Embedding<float>>? embedder, IVectorIndex? vectors = null)
    {
        var options = new IngestOptions();
        var preparer = new DocumentPreparer(new ArticleParser(), new SentenceAwareChunker(new ChunkingOptions()), TextAnalyzer.Default, LanguageTags.Default);
        return new CorpusSynchronizer(new CorpusScanner(options), new FileReader(options), preparer, _sqlite, [], new FakeTimeProvider(), NullLogger<CorpusSynchronizer>.Instance, embedder, embedder is null ? null : vectors ?? _vectors);
    }

    private Task<IngestReport> IngestAsync(IEmbeddingGenerator<string, Embedding<float>>? embedder) => Synchronizer(embedder).SynchronizeAsync(_corpus, null, CancellationToken.None);

    [Fact]
    public async Task SynchronizeAsync_WithModel_StoresOneVectorPerChunkWithTheModel()
    {
        var model = FakeTextEmbedder.Hashing("fake-a", 8);

        var report = await IngestAsync(model);

        Assert.Equal(model.Model, report.EmbeddingModel);
        Assert.Equal(report.ChunksWritten, model.Passages.Count);
        Assert.Equal(model.Model, await _vectors.ReadModelAsync(CancellationToken.None));
        var hits = await _vectors.SearchAsync(new float[8] { 1, 0, 0, 0, 0, 0, 0, 0 }, 1000, CancellationToken.None);
        Assert.Equal(report.ChunksWritten, hits.Count);
    }

    [Fact]
    public async Task SynchronizeAsync_SameModelAgain_EmbedsNothing()
    {
        await IngestAsync(FakeTextEmbedder.Hashing("fake-a", 8));
        var again = FakeTextEmbedder.Hashing("fake-a", 8);

        var report = await IngestAsync(again);

        Assert.All(report.Files, f => Assert.Equal(FileOutcome.Unchanged, f.Outcome));
        Assert.Empty(again.Passages);
        Assert.Null(report.ReplacedEmbeddingModel);
    }

    [Fact]
    public async Task SynchronizeAsync_ModelChanged_ClearsOldVectorsAndReembedsEveryFile()
    {
        var first = await IngestAsync(FakeTextEmbedder.Hashing("fake-a", 8));
        var other = FakeTextEmbedder.Hashing("fake-b", 4);

        var report = await IngestAsync(other);

        Assert.Equal(new EmbeddingModelInfo("fake-a", 8), report.ReplacedEmbeddingModel);
        Assert.All(report.Files, f => Assert.Equal(FileOutcome.Updated, f.Outcome));
        Assert.Equal(first.ChunksWritten, other.Passages.Count);
        Assert.Equal(other.Model, await _vectors.ReadModelAsync(CancellationToken.None));
        var hits = await _vectors.SearchAsync(new float[4] { 1, 0, 0, 0 }, 1000, CancellationToken.None);
        Assert.Equal(first.ChunksWritten, hits.Count);
    }

    [Fact]
    public async Task SynchronizeAsync_LexicalIndexThenModel_EmbedsEveryFile()
    {
        var lexical = await IngestAsync(null);
        var model = FakeTextEmbedder.Hashing("fake-a", 8);

        var report = await IngestAsync(model);

        Assert.All(report.Files, f => Assert.Equal(FileOutcome.Updated, f.Outcome));
        Assert.Equal(lexical.ChunksWritten, model.Passages.Count);
    }

    [Fact]
    public async Task SynchronizeAsync_WithoutModel_KeepsTheLexicalPipelineVersion()
    {
        var synchronizer = Synchronizer(null);

        await synchronizer.SynchronizeAsync(_corpus, null, CancellationToken.None);

        var manifest = await _sqlite.ReadManifestAsync(CancellationToken.None);
        Assert.All(manifest.Values, e => Assert.DoesNotContain("embed=", e.PipelineVersion, StringComparison.Ordinal));
        Assert.Null(await _vectors.ReadModelAsync(CancellationToken.None));
    }

    [Fact]
    public async Task SynchronizeAsync_StoppedWhileWritingVectors_NextRunRedoesThoseFiles()
    {
        var model = FakeTextEmbedder.Hashing("fake-a", 8);
        var lost = new VectorIndexLostOnWrite(_vectors);
        await Assert.ThrowsAsync<IOException>(() => Synchronizer(model, lost).SynchronizeAsync(_corpus, null, CancellationToken.None));
        var interrupted = (await _sqlite.ReadManifestAsync(CancellationToken.None)).Keys.ToList();
        Assert.NotEmpty(interrupted);

        var report = await IngestAsync(model);

        Assert.All(report.Files, f => Assert.Equal(interrupted.Contains(f.RelativePath) ? FileOutcome.Updated : FileOutcome.Added, f.Outcome));
        var hits = await _vectors.SearchAsync(new float[8] { 1, 0, 0, 0, 0, 0, 0, 0 }, 1000, CancellationToken.None);
        Assert.Equal(report.ChunksWritten, hits.Count);
        var manifest = await _sqlite.ReadManifestAsync(CancellationToken.None);
        Assert.All(manifest.Values, e => Assert.DoesNotContain(CorpusSynchronizer.VectorsPendingSuffix, e.PipelineVersion, StringComparison.Ordinal));
    }

    /// <summary>A vector index whose server goes away when vectors are written (after the chunks were).</summary>
    private sealed class VectorIndexLostOnWrite(IVectorIndex inner) : IVectorIndex
    {
        public Task<EmbeddingModelInfo?> ReadModelAsync(CancellationToken cancellationToken) => inner.ReadModelAsync(cancellationToken);

        public Task UpsertVectorsAsync(EmbeddingModelInfo model, IReadOnlyList<ChunkVector> vectors, CancellationToken cancellationToken) =>
            throw new IOException("connection lost");

        public Task ClearVectorsAsync(CancellationToken cancellationToken) => inner.ClearVectorsAsync(cancellationToken);

        public Task<IReadOnlyList<VectorHit>> SearchAsync(ReadOnlyMemory<float> query, int limit, CancellationToken cancellationToken) => inner.SearchAsync(query, limit, cancellationToken);
    }
}
