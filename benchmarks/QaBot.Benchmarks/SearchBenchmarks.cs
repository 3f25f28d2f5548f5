using BenchmarkDotNet.Attributes;
using QaBot.Analysis;
using QaBot.Bench;
using QaBot.Core;
using QaBot.Index.Sqlite;
using QaBot.Retrieval;

namespace QaBot.Benchmarks;

/// <summary>
/// BM25 (an FTS5 search of one analyzed question), the exact vector scan and reciprocal rank fusion, on a
/// generated collection of <see cref="Chunks"/> chunks.
/// </summary>
[MemoryDiagnoser]
public class SearchBenchmarks
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "qabot-microbench", Guid.NewGuid().ToString("N"));
    private SqliteChunkIndex _index = null!;
    private ExactVectorScan _scan = null!;
    private IReadOnlyList<string> _terms = [];
    private float[] _query = [];
    private List<RankedList<Guid>> _lists = [];

    [Params(10_000)]
    public int Chunks { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        Directory.CreateDirectory(_folder);
        _index = new SqliteChunkIndex(new SqliteIndexOptions { DatabasePath = Path.Combine(_folder, "index.db") });
        var analyzer = TextAnalyzer.Default;
        var generator = new SyntheticCorpusGenerator(42);
        var ids = new List<Guid>();
        foreach (var article in generator.Articles(Chunks))
        {
            var chunks = article.Text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
                .Select((text, i) => new IndexedChunk(new Chunk(article.RelativePath, i, "title", null, null, i + 1, i + 1, article.Language, text), analyzer.Analyze(text, article.Language)))
                .ToList();
            _index.ReplaceDocumentAsync(new ManifestEntry(article.RelativePath, "h", "v", chunks.Count, DateTimeOffset.UnixEpoch), chunks, CancellationToken.None).GetAwaiter().GetResult();
            ids.AddRange(chunks.Select(c => c.Chunk.Id));
        }

        var question = generator.Questions(1, Chunks)[0];
        _terms = analyzer.AnalyzeQuery(question, TextAnalyzer.DetectLanguage(question));
        _scan = new ExactVectorScan([.. ids], [.. ids.SelectMany((_, i) => RandomUnitVectors.For(42, i))], RandomUnitVectors.Dimensions);
        _query = RandomUnitVectors.For(43, 0);
        var random = new Random(42);
        _lists = Enumerable.Range(0, 4)
            .Select(l => new RankedList<Guid>("list" + l, 1.0, Enumerable.Range(0, 50).Select(i => (ids[random.Next(ids.Count)], 50.0 - i)).ToList()))
            .ToList();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _index.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark]
    public Task<IReadOnlyList<LexicalHit>> Bm25Search() => _index.SearchLexicalAsync(_terms, 50, CancellationToken.None);

    [Benchmark]
    public IReadOnlyList<VectorHit> VectorScanTop50() => _scan.Search(_query, 50);

    [Benchmark]
    public IReadOnlyList<FusedItem<Guid>> FuseFourLists() => ReciprocalRankFusion.Fuse(_lists, 60);
}
