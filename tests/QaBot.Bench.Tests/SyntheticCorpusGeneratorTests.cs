using QaBot.Analysis;
using QaBot.Core;
using QaBot.Ingestion.Chunking;

namespace QaBot.Bench.Tests;

public sealed class SyntheticCorpusGeneratorTests
{
    [Fact]
    public void Articles_SameSeed_SameText()
    {
        var first = new SyntheticCorpusGenerator(42).Articles(300).ToList();
        var second = new SyntheticCorpusGenerator(42).Articles(300).ToList();

        Assert.Equal(first, second);
        Assert.Equal(new SyntheticCorpusGenerator(42).Questions(20, 300), new SyntheticCorpusGenerator(42).Questions(20, 300));
    }

    [Fact]
    public void Articles_OtherSeed_OtherText()
    {
        var first = new SyntheticCorpusGenerator(1).Articles(60).First();
        var second = new SyntheticCorpusGenerator(2).Articles(60).First();

        Assert.NotEqual(first.Text, second.Text);
    }

    [Fact]
    public void Articles_ThreeLanguages_DetectedAsTheirLanguage()
    {
        var articles = new SyntheticCorpusGenerator(42).Articles(200).Take(3).ToList();

        Assert.Equal(["en", "de", "zh"], articles.Select(a => a.Language));
        Assert.All(articles, a => Assert.Equal(a.Language, TextAnalyzer.DetectLanguage(a.Text)));
    }

    [Fact]
    public void Articles_TargetChunkCount_ChunkerProducesAboutThatMany()
    {
        var chunker = new SentenceAwareChunker(new ChunkingOptions());
        var articles = new SyntheticCorpusGenerator(42).Articles(600).ToList();

        var chunks = articles.Sum(a => chunker.Chunk(new CleanArticle(
            a.RelativePath,
            ArticleMetadata.Empty,
            a.Text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select((p, i) => new TextBlock(p, (2 * i) + 1, (2 * i) + 1)).ToList())).Count);

        Assert.InRange(chunks, 480, 720);
    }

    [Fact]
    public void Questions_QuotingPassages_MostTermsOccurInTheCollection()
    {
        var generator = new SyntheticCorpusGenerator(42);
        var analyzer = TextAnalyzer.Default;
        var collectionTerms = generator.Articles(300).SelectMany(a => analyzer.Analyze(a.Text, a.Language)).ToHashSet(StringComparer.Ordinal);

        var quoted = generator.Questions(20, 300).Where((_, i) => i % 5 != 4).ToList();

        // The question's frame ("What is known about", "关于…有什么") adds terms of its own, so not every term is in the collection.
        Assert.All(quoted, q =>
        {
            var terms = analyzer.AnalyzeQuery(q, TextAnalyzer.DetectLanguage(q));
            Assert.True(terms.Count(collectionTerms.Contains) >= terms.Count / 2.0, $"{q}: {string.Join(' ', terms.Select(t => collectionTerms.Contains(t) ? t : "!" + t))}");
        });
    }
}
