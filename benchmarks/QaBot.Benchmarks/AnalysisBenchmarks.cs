using BenchmarkDotNet.Attributes;
using QaBot.Analysis;
using QaBot.Bench;
using QaBot.Core;
using QaBot.Ingestion.Chunking;

namespace QaBot.Benchmarks;

/// <summary>The analyzer on one chunk-sized passage per language, and the chunker on one article.</summary>
[MemoryDiagnoser]
public class AnalysisBenchmarks
{
    private readonly TextAnalyzer _analyzer = TextAnalyzer.Default;
    private readonly SentenceAwareChunker _chunker = new(new ChunkingOptions());
    private Dictionary<string, string> _passages = [];
    private CleanArticle _article = null!;

    [Params("en", "de", "zh")]
    public string Language { get; set; } = "en";

    [GlobalSetup]
    public void Setup()
    {
        var articles = new SyntheticCorpusGenerator(42).Articles(60).ToList();
        _passages = articles.ToDictionary(a => a.Language, a => a.Text.Split("\n\n")[1], StringComparer.Ordinal);
        var article = articles.First(a => a.Language == Language);
        _article = new CleanArticle(
            article.RelativePath,
            ArticleMetadata.Empty,
            article.Text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select((p, i) => new TextBlock(p, i + 1, i + 1)).ToList());
    }

    [Benchmark]
    public IReadOnlyList<string> AnalyzePassage() => _analyzer.Analyze(_passages[Language], Language);

    [Benchmark]
    public IReadOnlyList<Chunk> ChunkArticle() => _chunker.Chunk(_article);
}
