using QaBot.Analysis;
using QaBot.Core;
using QaBot.Ingestion.Chunking;

namespace QaBot.Ingestion.Tests.Chunking;

/// <summary>The real parser and the default chunk sizes on the real articles: what citations will show.</summary>
public sealed class CorpusChunkingTests
{
    private static readonly ChunkingOptions Defaults = new();

    [Fact]
    public void Chunk_OneLine004_EveryChunkOfTheSummaryCitesLineOne()
    {
        // Arrange
        var article = ParserRunner.ParseCorpus(CorpusFile.OneLine004);

        // Act
        var chunks = Chunk(article);

        // Assert: the 2,600-character first line becomes several chunks, all on line 1; the title heading on
        // line 2 has no text under it, so it is not quoted as a chunk of its own.
        var summary = chunks.Where(c => c.Text.StartsWith("Core Viewpoint", StringComparison.Ordinal) || c.StartLine == 1).ToList();
        Assert.True(summary.Count >= 2, $"expected the long line to be cut, got {summary.Count} chunk(s)");
        Assert.All(summary, c => Assert.Equal((1, 1), (c.StartLine, c.EndLine)));
        Assert.DoesNotContain(chunks, c => c.Text == "当AI寻找场景,东莞滨海湾亮出「产业生态」解法");
    }

    [Fact]
    public void Chunk_OneLine004_EnterpriseCountSentenceCitedOnLineOneWithArticleData()
    {
        // Arrange
        var article = ParserRunner.ParseCorpus(CorpusFile.OneLine004);

        // Act
        var chunk = Assert.Single(Chunk(article), c => c.Text.Contains("over 220,000 industrial enterprises", StringComparison.Ordinal));

        // Assert
        Assert.Equal((CorpusFile.OneLine004, 1, 1), (chunk.SourcePath, chunk.StartLine, chunk.EndLine));
        Assert.Equal("当AI寻找场景,东莞滨海湾亮出「产业生态」解法", chunk.Title);
        Assert.Equal(new DateTimeOffset(2025, 7, 30, 13, 35, 0, TimeSpan.Zero), chunk.Date);
        Assert.Equal(Languages.English, chunk.Language);
        Assert.Contains("The East Guangdong Binhai Bay New Area is positioned as a significant \"AI training ground\" with over 220,000 industrial enterprises", chunk.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Chunk_English000_IncubationSentenceCitedOnItsTrueLine()
    {
        // Arrange
        const string sentence = "Patient capital: The EU's \"Digital Decade Plan\" has established a special fund, requiring investment institutions to tolerate an 8-10 year incubation period for AI startups.";
        var lines = CorpusFile.Lines(CorpusFile.English000);
        var article = ParserRunner.ParseCorpus(CorpusFile.English000);

        // Act
        var chunk = Assert.Single(Chunk(article), c => c.Text.Contains(sentence, StringComparison.Ordinal));

        // Assert
        Assert.Equal(sentence, lines[32 - 1]);
        Assert.Equal((31, 32), (chunk.StartLine, chunk.EndLine));
        Assert.Equal("The synergistic catalysis of policy and capital", chunk.Section);
        Assert.DoesNotContain("The synergistic catalysis of policy and capital", chunk.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Chunk_English000_EveryChunkNamesItsSectionWithoutQuotingIt()
    {
        // Arrange
        var article = ParserRunner.ParseCorpus(CorpusFile.English000);

        // Act
        var chunks = Chunk(article);

        // Assert: the heading travels as the chunk's heading path; the section's first chunk starts under it.
        Assert.All(chunks, c => Assert.Equal(c.Section, c.HeadingPath[^1]));
        Assert.All(chunks, c => Assert.False(c.Text.StartsWith(c.Section!, StringComparison.Ordinal), c.Text));
        Assert.Contains(chunks, c => c.Section == "Technology Black Box and Trust Crisis" && c.StartLine == 11);
    }

    [Theory]
    [InlineData(CorpusFile.English000)]
    [InlineData(CorpusFile.OneLine004)]
    public void Chunk_EnglishArticle_FirstAndLastSentenceStandOnTheCitedLines(string name)
    {
        // Arrange
        var lines = CorpusFile.Lines(name);
        var article = ParserRunner.ParseCorpus(name);

        // Act
        var chunks = Chunk(article);

        // Assert: these articles are clean English, so every sentence is found verbatim in the file.
        Assert.All(chunks, chunk =>
        {
            var sentences = SentenceSplitter.Split(chunk.Text);
            Assert.Contains(sentences[0], lines[chunk.StartLine - 1], StringComparison.Ordinal);
            Assert.Contains(sentences[^1], lines[chunk.EndLine - 1], StringComparison.Ordinal);
            var cited = string.Join('\n', lines[(chunk.StartLine - 1)..chunk.EndLine]);
            Assert.All(sentences, s => Assert.Contains(s, cited, StringComparison.Ordinal));
        });
    }

    [Theory]
    [MemberData(nameof(CorpusFile.All), MemberType = typeof(CorpusFile))]
    public void Chunk_RealArticle_FirstAndLastCharacterStandOnTheCitedLines(string name)
    {
        // Arrange
        var lines = CorpusFile.Lines(name);
        var article = ParserRunner.ParseCorpus(name);

        // Act
        var chunks = Chunk(article);

        // Assert
        Assert.NotEmpty(chunks);
        Assert.All(chunks, chunk =>
        {
            Assert.InRange(chunk.StartLine, 1, chunk.EndLine);
            Assert.InRange(chunk.EndLine, chunk.StartLine, lines.Length);
            Assert.Contains(chunk.Text[0], lines[chunk.StartLine - 1]);
            Assert.Contains(chunk.Text[^1], lines[chunk.EndLine - 1]);
        });
    }

    [Theory]
    [MemberData(nameof(CorpusFile.All), MemberType = typeof(CorpusFile))]
    public void Chunk_RealArticle_EverySentenceOfEveryBlockLandsInAChunkOnItsLines(string name)
    {
        // Arrange
        var article = ParserRunner.ParseCorpus(name);

        // Act
        var chunks = Chunk(article);

        // Assert: nothing is lost, and the chunk holding a sentence cites the sentence's block; a heading with
        // text under it travels in the heading path of that text's chunks.
        for (var i = 0; i < article.Blocks.Count; i++)
        {
            var block = article.Blocks[i];
            if (block.Kind == BlockKind.Heading)
            {
                if (i + 1 < article.Blocks.Count && article.Blocks[i + 1].Kind != BlockKind.Heading)
                {
                    Assert.Contains(chunks, c => c.HeadingPath.Contains(block.Text.Trim()) && c.StartLine >= block.EndLine);
                }

                continue;
            }

            foreach (var sentence in SentenceSplitter.Split(block.Text))
            {
                Assert.Contains(chunks, c => c.Text.Contains(sentence, StringComparison.Ordinal) && c.StartLine <= block.StartLine && c.EndLine >= block.EndLine);
            }
        }
    }

    [Theory]
    [MemberData(nameof(CorpusFile.All), MemberType = typeof(CorpusFile))]
    public void Chunk_RealArticle_IndexesConsecutiveAndChunksInLineOrderWithinTarget(string name)
    {
        // Arrange
        var article = ParserRunner.ParseCorpus(name);

        // Act
        var chunks = Chunk(article);

        // Assert
        Assert.Equal(Enumerable.Range(0, chunks.Count), chunks.Select(c => c.Index));
        Assert.All(chunks, c => Assert.Equal((name, article.DisplayTitle), (c.SourcePath, c.Title)));
        for (var i = 1; i < chunks.Count; i++)
        {
            Assert.True(chunks[i].StartLine >= chunks[i - 1].StartLine && chunks[i].EndLine >= chunks[i - 1].EndLine, $"chunk {i} goes back in the file");
        }

        // No sentence of these articles is longer than the target, so no chunk may be.
        Assert.All(chunks, c => Assert.InRange(TokenEstimator.Count(c.Text), 1, Defaults.TargetTokens));
    }

    [Theory]
    [InlineData(CorpusFile.English000, "en")]
    [InlineData(CorpusFile.German002, "de")]
    [InlineData(CorpusFile.Traditional003, "zh")]
    [InlineData(CorpusFile.FrontMatterHtml001, "zh")]
    public void Chunk_RealArticle_ChunksInTheArticlesLanguage(string name, string language)
    {
        // Arrange
        var article = ParserRunner.ParseCorpus(name);

        // Act
        var chunks = Chunk(article);

        // Assert
        Assert.All(chunks, c => Assert.Equal(language, c.Language));
    }

    private static IReadOnlyList<Chunk> Chunk(CleanArticle article) => new SentenceAwareChunker(Defaults).Chunk(article);
}
