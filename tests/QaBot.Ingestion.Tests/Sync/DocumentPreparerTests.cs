using QaBot.Analysis;
using QaBot.Core;
using QaBot.Ingestion.Chunking;
using QaBot.Ingestion.Reading;
using QaBot.Ingestion.Sync;

namespace QaBot.Ingestion.Tests.Sync;

public sealed class DocumentPreparerTests
{
    private static readonly TextAnalyzer Analyzer = TextAnalyzer.Default;

    [Fact]
    public void Prepare_OneChunk_TermsAreTheTextsThenItsLanguageTagsThenTheTitles()
    {
        // Arrange
        var parser = new FixedArticleParser(new ArticleMetadata("Binhai Bay"), new TextBlock("Drones deliver parcels.", 3, 3));

        // Act
        var chunk = Assert.Single(Preparer(parser).Prepare("news/a.txt", [1]));

        // Assert
        Assert.Equal(
            [.. Analyzer.Analyze("Drones deliver parcels.", "en"), .. LanguageTags.Default.TermsFor("en", "Drones deliver parcels."), .. Analyzer.Analyze("Binhai Bay", "en")],
            chunk.Terms);
        Assert.Equal(("news/a.txt", "Binhai Bay", 3, 3), (chunk.Chunk.SourcePath, chunk.Chunk.Title, chunk.Chunk.StartLine, chunk.Chunk.EndLine));
        Assert.Equal("news/a.txt", parser.ParsedPath);
    }

    [Fact]
    public void Prepare_ChunksOfASection_EachGetsItsHeadingsTermsOnceWithoutQuotingTheHeading()
    {
        // Arrange: a small target cuts the section in two; headings travel as the heading path, not as text.
        var sentences = string.Join(' ', Enumerable.Range(1, 6).Select(i => $"Sentence {i} talks about parcels and drones."));
        var parser = new FixedArticleParser(
            new ArticleMetadata("Logistics"),
            new TextBlock("Robotics", 1, 1, BlockKind.Heading),
            new TextBlock(sentences, 2, 2));
        var robotics = Assert.Single(Analyzer.Analyze("Robotics", "en"));

        // Act
        var chunks = Preparer(parser, new ChunkingOptions { TargetTokens = 20, OverlapTokens = 0 }).Prepare("a.txt", [1]);

        // Assert
        Assert.True(chunks.Count >= 2);
        Assert.All(chunks, c =>
        {
            Assert.DoesNotContain("Robotics", c.Chunk.Text, StringComparison.Ordinal);
            Assert.Equal(1, c.Terms.Count(t => t == robotics));
            Assert.Equal(["Robotics"], c.Chunk.HeadingPath);
        });
    }

    [Fact]
    public void Prepare_ChineseTitle_TitleAnalyzedAsChinese()
    {
        // Arrange
        var parser = new FixedArticleParser(new ArticleMetadata("滨海湾"), new TextBlock("The bay has many firms.", 1, 1));

        // Act
        var chunk = Assert.Single(Preparer(parser).Prepare("a.txt", [1]));

        // Assert
        Assert.Equal(Analyzer.Analyze("滨海湾", "zh"), chunk.Terms.TakeLast(Analyzer.Analyze("滨海湾", "zh").Count));
    }

    [Fact]
    public void Prepare_ArticleWithoutBlocks_RejectedAsNoText()
    {
        // Arrange
        var parser = new FixedArticleParser(ArticleMetadata.Empty);

        // Act
        var exception = Assert.Throws<ArticleRejectedException>(() => Preparer(parser).Prepare("a.txt", [1]));

        // Assert
        Assert.Equal("no text left after cleaning", exception.Message);
    }

    [Fact]
    public void Prepare_ParserRejects_RejectionPassesThrough()
    {
        // Act
        var exception = Assert.Throws<ArticleRejectedException>(() => Preparer(new ArticleParser()).Prepare("a.txt", []));

        // Assert
        Assert.Equal("empty file", exception.Message);
    }

    [Fact]
    public void Prepare_RealArticle004_ChunksCarryThePathGivenAndTitleTerms()
    {
        // Act
        var chunks = Preparer(new ArticleParser()).Prepare(CorpusFile.OneLine004, CorpusFile.Read(CorpusFile.OneLine004));

        // Assert
        var titleTerms = Analyzer.Analyze("当AI寻找场景,东莞滨海湾亮出「产业生态」解法", "zh");
        Assert.All(chunks, c =>
        {
            Assert.Equal(CorpusFile.OneLine004, c.Chunk.SourcePath);
            Assert.Equal(titleTerms, c.Terms.TakeLast(titleTerms.Count));
        });
        Assert.Contains(chunks, c => c.Terms.Contains("220,000") || c.Terms.Contains("220000") || c.Terms.Contains("220"));
    }

    [Fact]
    public void PipelineVersion_NamesChunkerAndAnalyzerAndFollowsChunkSizes()
    {
        // Arrange
        var parser = new ArticleParser();
        var chunker = new SentenceAwareChunker(new ChunkingOptions());

        // Act
        var version = new DocumentPreparer(parser, chunker, Analyzer, LanguageTags.Default).PipelineVersion;

        // Assert
        Assert.Contains(chunker.Version, version, StringComparison.Ordinal);
        Assert.Contains(TextAnalyzer.Version, version, StringComparison.Ordinal);
        Assert.NotEqual(version, Preparer(parser, new ChunkingOptions { TargetTokens = 100 }).PipelineVersion);
    }

    private static DocumentPreparer Preparer(IArticleParser parser, ChunkingOptions? chunking = null) =>
        new(parser, new SentenceAwareChunker(chunking ?? new ChunkingOptions()), Analyzer, LanguageTags.Default);

    /// <summary>Returns the same article whatever the bytes (Moq cannot set up a ReadOnlySpan parameter).</summary>
    private sealed class FixedArticleParser(ArticleMetadata metadata, params TextBlock[] blocks) : IArticleParser
    {
        public string? ParsedPath { get; private set; }

        public CleanArticle Parse(string relativePath, ReadOnlySpan<byte> content)
        {
            ParsedPath = relativePath;
            return new CleanArticle(relativePath, metadata, blocks);
        }
    }
}
