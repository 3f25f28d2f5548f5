using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using QaBot.Analysis;
using QaBot.Core;
using QaBot.Index.Sqlite;
using QaBot.Retrieval.Answerability;
using QaBot.Retrieval.Ranking;
using QaBot.Testing;

namespace QaBot.Retrieval.Tests;

/// <summary>The dense leg of <see cref="FusionRetriever"/>: SQLite's BM25 and exact vector search, a fake embedding model.</summary>
public sealed class HybridRetrievalTests : IDisposable
{
    private const string Question = "Where is the drone factory?";
    private static readonly EmbeddingModelInfo Model = new("fake", 4);

    private readonly TemporaryDirectory _directory = new();
    private readonly SqliteChunkIndex _index;
    private readonly SqliteVectorIndex _vectors;
    private readonly Mock<IQueryTranslator> _translator = new();
    private readonly FakeTextEmbedder _embedder = new(Model, _ => [1, 0, 0, 0]);

    public HybridRetrievalTests()
    {
        _index = new SqliteChunkIndex(new SqliteIndexOptions { DatabasePath = _directory.Combine("index.db") });
        _vectors = new SqliteVectorIndex(_index);
        _translator.Setup(t => t.TranslateAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
    }

    public void Dispose()
    {
        _vectors.Dispose();
        _index.Dispose();
        _directory.Dispose();
    }

    /// <summary>
    /// Lexical ranks A, C, D (B shares no word with the question); dense ranks B, C, D, A (dot products with the
    /// query vector 0.9, 0.8, 0.7, 0.6). Fused by RRF (k = 60): A 1/61 + 1/64 = 0.03202, B 1/61 = 0.01639,
    /// C 2/62 = 0.03226, D 2/63 = 0.03175, so C, second in each leg, is first.
    /// </summary>
    private async Task<Dictionary<string, Guid>> AddConstructedCollectionAsync()
    {
        var texts = new Dictionary<string, (string Text, float[] Vector)>
        {
            ["A"] = ("Drone factory output.", [0.6f, 0.8f, 0, 0]),
            ["B"] = ("Unmanned aircraft are assembled in a plant near the harbour.", [0.9f, 0.43589f, 0, 0]),
            ["C"] = ("A drone factory opened near the river port.", [0.8f, 0.6f, 0, 0]),
            ["D"] = ("The old drone factory was sold to a company that builds trains and buses across the whole region.", [0.7f, 0.71414f, 0, 0]),
        };
        string[] fillers = ["Berlin had a rainy spring.", "Tea prices rose in March.", "The museum opened a new wing.", "Rivers flooded the valley.", "A chess club meets on Fridays.", "Bakers start work early."];
        var ids = new Dictionary<string, Guid>();
        var chunks = new List<IndexedChunk>();
        foreach (var (name, (text, _)) in texts)
        {
            var chunk = new Chunk(name + ".txt", 0, name, null, null, 1, 1, "en", text);
            ids[name] = chunk.Id;
            await _index.ReplaceDocumentAsync(new ManifestEntry(chunk.SourcePath, "h", "v", 1, DateTimeOffset.UnixEpoch), [new IndexedChunk(chunk, TextAnalyzer.Default.Analyze(text, "en"))], CancellationToken.None);
        }

        var fillerChunks = fillers.Select((text, i) => new Chunk("fillers.txt", i, "fillers", null, null, i + 1, i + 1, "en", text)).ToList();
        await _index.ReplaceDocumentAsync(new ManifestEntry("fillers.txt", "h", "v", fillerChunks.Count, DateTimeOffset.UnixEpoch), fillerChunks.Select(c => new IndexedChunk(c, TextAnalyzer.Default.Analyze(c.Text, "en"))).ToList(), CancellationToken.None);

        List<ChunkVector> vectors = [.. texts.Select(t => new ChunkVector(ids[t.Key], t.Value.Vector)), .. fillerChunks.Select(c => new ChunkVector(c.Id, new float[] { 0, 0, 1, 0 }))];
        await _vectors.UpsertVectorsAsync(Model, vectors, CancellationToken.None);
        return ids;
    }

    // These tests are about fusing the legs, so the rerank keeps the fused order among equally covering
    // passages (the fitted ranking model also weighs each leg's best rank, which favours a leg's winner).
    private FusionRetriever Retriever(IEmbeddingGenerator<string, Embedding<float>>? embedder, RetrievalOptions? options = null)
    {
        var settings = Options.Create(options ?? new RetrievalOptions());
        return new(
            _index, TextAnalyzer.Default, _translator.Object, new CoverageAssessor(TextAnalyzer.Default, LanguageTags.Default),
            new AnswerabilityGate(settings), settings, NullLogger<FusionRetriever>.Instance, embedder, _vectors)
        {
            Ranking = RankingModel.CoverageFirst,
        };
    }

    [Fact]
    public async Task RetrieveAsync_PassageSecondInBothLegs_HybridRanksItFirstWhileEachLegAloneDoesNot()
    {
        var ids = await AddConstructedCollectionAsync();

        var lexicalOnly = await Retriever(null).RetrieveAsync(new RetrievalRequest(Question), CancellationToken.None);
        var denseOnly = await _vectors.SearchAsync(new float[] { 1, 0, 0, 0 }, 5, CancellationToken.None);
        var hybrid = await Retriever(_embedder).RetrieveAsync(new RetrievalRequest(Question), CancellationToken.None);

        Assert.Equal(ids["A"], lexicalOnly.Passages[0].Chunk.Id);
        Assert.Equal(ids["B"], denseOnly[0].ChunkId);
        var first = hybrid.Passages[0];
        Assert.Equal(ids["C"], first.Chunk.Id);
        Assert.Contains(new LegRank("original", 2, first.Legs.Single(l => l.Leg == "original").Score), first.Legs);
        Assert.Equal(2, first.Legs.Single(l => l.Leg == FusionRetriever.DenseLeg).Rank);
        Assert.Equal(0.8, first.Legs.Single(l => l.Leg == FusionRetriever.DenseLeg).Score, 5);
    }

    [Fact]
    public async Task RetrieveAsync_WithModel_EmbedsTheQuestionAndShowsTheDenseLegInDiagnostics()
    {
        await AddConstructedCollectionAsync();

        var result = await Retriever(_embedder).RetrieveAsync(new RetrievalRequest(Question), CancellationToken.None);

        Assert.Equal([Question], _embedder.Queries);
        var dense = Assert.Single(result.Queries, q => q.Label == FusionRetriever.DenseLeg);
        Assert.Equal(1, dense.TopHits[0].Rank);
        Assert.Equal("B.txt:1-1", dense.TopHits[0].Leg);
        Assert.True(result.TimingsMs.ContainsKey("dense"));
    }

    [Fact]
    public async Task RetrieveAsync_DenseWeightZero_UsesNoDenseLeg()
    {
        await AddConstructedCollectionAsync();

        var result = await Retriever(_embedder, new RetrievalOptions { DenseWeight = 0 }).RetrieveAsync(new RetrievalRequest(Question), CancellationToken.None);

        Assert.Empty(_embedder.Queries);
        Assert.DoesNotContain(result.Passages.SelectMany(p => p.Legs), l => l.Leg == FusionRetriever.DenseLeg);
    }

    [Fact]
    public async Task RetrieveAsync_IndexHoldsAnotherModelsVectors_ThrowsNamingBothModels()
    {
        await AddConstructedCollectionAsync();
        var other = new FakeTextEmbedder(new EmbeddingModelInfo("other", 8), _ => new float[8]);

        var error = await Assert.ThrowsAsync<EmbeddingModelMismatchException>(() => Retriever(other).RetrieveAsync(new RetrievalRequest(Question), CancellationToken.None));

        Assert.Contains("fake (4 dimensions)", error.Message, StringComparison.Ordinal);
        Assert.Contains("other (8 dimensions)", error.Message, StringComparison.Ordinal);
        Assert.Empty(other.Queries);
    }

    [Fact]
    public async Task RetrieveAsync_IndexWithoutVectors_AnswersLexically()
    {
        var chunk = new Chunk("a.txt", 0, "a", null, null, 1, 1, "en", "A drone factory opened near the river port.");
        await _index.ReplaceDocumentAsync(new ManifestEntry("a.txt", "h", "v", 1, DateTimeOffset.UnixEpoch), [new IndexedChunk(chunk, TextAnalyzer.Default.Analyze(chunk.Text, "en"))], CancellationToken.None);

        var result = await Retriever(_embedder).RetrieveAsync(new RetrievalRequest(Question), CancellationToken.None);

        Assert.Equal(chunk.Id, result.Passages[0].Chunk.Id);
        Assert.DoesNotContain(result.Passages[0].Legs, l => l.Leg == FusionRetriever.DenseLeg);
    }

    [Fact]
    public async Task RetrieveAsync_IndexFusesItself_SendsTermsAndVectorInOneSearchAndUsesItsOrder()
    {
        var ids = await AddConstructedCollectionAsync();
        // The server's fused order, deliberately unlike either leg: D, then B.
        var serverFusing = new ServerFusingIndex(_index, [new LexicalHit(ids["D"], 0.5), new LexicalHit(ids["B"], 0.4)]);
        var retriever = new FusionRetriever(
            serverFusing, TextAnalyzer.Default, _translator.Object, new CoverageAssessor(TextAnalyzer.Default, LanguageTags.Default),
            new AnswerabilityGate(Options.Create(new RetrievalOptions())), Options.Create(new RetrievalOptions()), NullLogger<FusionRetriever>.Instance, _embedder, _vectors, hybridIndex: serverFusing);

        var result = await retriever.RetrieveAsync(new RetrievalRequest(Question), CancellationToken.None);

        var call = Assert.Single(serverFusing.HybridCalls);
        Assert.Equal(TextAnalyzer.Default.AnalyzeQuery(Question, "en"), call.Terms);
        Assert.Equal([1f, 0, 0, 0], call.Vector);
        Assert.Equal(Model, call.Model);
        Assert.Equal(0, serverFusing.LexicalCalls);
        var legs = result.Passages.SelectMany(p => p.Legs).ToList();
        Assert.DoesNotContain(legs, l => l.Leg is FusionRetriever.DenseLeg or "original");
        var hybrid = Assert.Single(result.Queries, q => q.Label == FusionRetriever.HybridLeg);
        Assert.Equal(["D.txt:1-1", "B.txt:1-1"], hybrid.TopHits.Select(h => h.Leg));
    }

    /// <summary>The SQLite index, but searching the original question the way Qdrant does: one fused request, answered from a script.</summary>
    private sealed class ServerFusingIndex(SqliteChunkIndex inner, IReadOnlyList<LexicalHit> fused) : IChunkIndex, IHybridSearchIndex
    {
        public List<(IReadOnlyList<string> Terms, float[] Vector, EmbeddingModelInfo Model)> HybridCalls { get; } = [];

        public int LexicalCalls { get; private set; }

        public Task<IReadOnlyList<LexicalHit>> SearchHybridAsync(IReadOnlyList<string> terms, ReadOnlyMemory<float> queryVector, EmbeddingModelInfo model, int limit, CancellationToken cancellationToken)
        {
            HybridCalls.Add((terms, queryVector.ToArray(), model));
            return Task.FromResult(fused);
        }

        public Task<IReadOnlyList<LexicalHit>> SearchLexicalAsync(IReadOnlyList<string> terms, int limit, CancellationToken cancellationToken)
        {
            LexicalCalls++;
            return inner.SearchLexicalAsync(terms, limit, cancellationToken);
        }

        public Task<IReadOnlyDictionary<string, ManifestEntry>> ReadManifestAsync(CancellationToken cancellationToken) => inner.ReadManifestAsync(cancellationToken);

        public Task ReplaceDocumentAsync(ManifestEntry entry, IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken) => inner.ReplaceDocumentAsync(entry, chunks, cancellationToken);

        public Task RemoveDocumentAsync(string sourcePath, CancellationToken cancellationToken) => inner.RemoveDocumentAsync(sourcePath, cancellationToken);

        public Task UpdateManifestEntryAsync(ManifestEntry entry, CancellationToken cancellationToken) => inner.UpdateManifestEntryAsync(entry, cancellationToken);

        public Task<IReadOnlyList<Chunk>> GetChunksAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) => inner.GetChunksAsync(ids, cancellationToken);

        public Task<IReadOnlyList<VocabularyTerm>> ReadVocabularyAsync(CancellationToken cancellationToken) => inner.ReadVocabularyAsync(cancellationToken);

        public Task<IReadOnlyDictionary<string, int>> GetChunkFrequenciesAsync(IReadOnlyCollection<string> terms, CancellationToken cancellationToken) => inner.GetChunkFrequenciesAsync(terms, cancellationToken);

        public Task<IndexStatistics> GetStatisticsAsync(CancellationToken cancellationToken) => inner.GetStatisticsAsync(cancellationToken);

        public Task<byte[]?> ReadBlobAsync(string name, CancellationToken cancellationToken) => inner.ReadBlobAsync(name, cancellationToken);

        public Task WriteBlobAsync(string name, byte[] content, CancellationToken cancellationToken) => inner.WriteBlobAsync(name, content, cancellationToken);
    }
}
