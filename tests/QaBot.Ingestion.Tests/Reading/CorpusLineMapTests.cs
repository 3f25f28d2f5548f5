using QaBot.Core;

namespace QaBot.Ingestion.Tests.Reading;

/// <summary>Citations show these line numbers, so they are pinned on the real articles.</summary>
public sealed class CorpusLineMapTests
{
    [Theory]
    [MemberData(nameof(CorpusFile.All), MemberType = typeof(CorpusFile))]
    public void Parse_RealArticle_EveryBlockStartsAndEndsOnItsLines(string name)
    {
        // Arrange
        var lines = CorpusFile.Lines(name);

        // Act
        var article = ParserRunner.ParseCorpus(name);

        // Assert: the first and last character of each block stand on its first and last line.
        Assert.NotEmpty(article.Blocks);
        Assert.All(article.Blocks, block =>
        {
            Assert.InRange(block.StartLine, 1, block.EndLine);
            Assert.InRange(block.EndLine, block.StartLine, lines.Length);
            Assert.Contains(block.Text[0], lines[block.StartLine - 1]);
            Assert.Contains(block.Text[^1], lines[block.EndLine - 1]);
        });
    }

    [Theory]
    [MemberData(nameof(CorpusFile.All), MemberType = typeof(CorpusFile))]
    public void Parse_RealArticle_BlocksInLineOrderWithoutOverlap(string name)
    {
        // Act
        var article = ParserRunner.ParseCorpus(name);

        // Assert
        for (var i = 1; i < article.Blocks.Count; i++)
        {
            Assert.True(article.Blocks[i].StartLine >= article.Blocks[i - 1].EndLine, $"block {i} starts before block {i - 1} ends");
        }
    }

    [Fact]
    public void Parse_English000_HeadingsAndParagraphsOnTheirLines()
    {
        // Act
        var article = ParserRunner.ParseCorpus(CorpusFile.English000);

        // Assert
        Assert.Equal(35, article.Blocks.Count);
        Assert.Equal(new TextBlock("The cliff between R&D investment and commercial returns", 7, 7, BlockKind.Heading).Shape(), article.Blocks[6].Shape());
        var patientCapital = article.Single("Patient capital:");
        Assert.Equal((32, 32, BlockKind.Paragraph), (patientCapital.StartLine, patientCapital.EndLine, patientCapital.Kind));
    }

    [Fact]
    public void Parse_FrontMatterHtml001_HtmlParagraphsKeepFileLines()
    {
        // Act
        var article = ParserRunner.ParseCorpus(CorpusFile.FrontMatterHtml001);

        // Assert
        Assert.Equal(16, article.Blocks[0].StartLine);
        Assert.StartsWith("1943年，美国生理学家", article.Blocks[0].Text, StringComparison.Ordinal);
        Assert.Equal(new TextBlock("AI创新落地路径：AI算法的规模化扩散", 20, 20, BlockKind.Heading).Shape(), article.Single("AI创新落地路径").Shape());
        Assert.Equal(new TextBlock("AI也是如此。", 23, 23).Shape(), article.Single("AI也是如此").Shape());
        Assert.Equal(new TextBlock("技术壁垒也是商业壁垒，未来商业化可期", 42, 42, BlockKind.Heading).Shape(), article.Single("技术壁垒也是商业壁垒，未来").Shape());
        var last = article.Blocks[^1];
        Assert.Equal((62, 62), (last.StartLine, last.EndLine));
        Assert.Equal("本文来自微信公众号“互联网江湖”（ID：VIPIT1），作者：互联网江湖团队，36氪经授权发布。", last.Text);
    }

    [Fact]
    public void Parse_German002_BlocksOnTheirBlankLineSeparatedLines()
    {
        // Act
        var article = ParserRunner.ParseCorpus(CorpusFile.German002);

        // Assert
        Assert.Equal(9, article.Single("seitdem chatgpt letztes jahr").StartLine);
        Assert.Equal(
            new TextBlock("2 die immer teurer werdende strecke muss eine neue richtung finden", 31, 33, BlockKind.Heading).Shape(),
            article.Single("2 die immer teurer").Shape());
        var last = article.Blocks[^1];
        Assert.StartsWith("als zweitgrößte volkswirtschaft der welt", last.Text, StringComparison.Ordinal);
        Assert.Equal((67, 67), (last.StartLine, last.EndLine));
    }

    [Fact]
    public void Parse_Traditional003_KnownSentenceOnLineEight()
    {
        // Act
        var article = ParserRunner.ParseCorpus(CorpusFile.Traditional003);

        // Assert
        Assert.Equal(new TextBlock("相反看中國市場,眾多的AI應用,其實落到了實處,實現了價值。", 8, 8).Shape(), article.Blocks[7].Shape());
    }

    [Fact]
    public void Parse_OneLine004_HugeFirstLineIsOneBlockOnLineOne()
    {
        // Act
        var article = ParserRunner.ParseCorpus(CorpusFile.OneLine004);

        // Assert
        var summary = article.Blocks[0];
        Assert.Equal((1, 1, BlockKind.Paragraph), (summary.StartLine, summary.EndLine, summary.Kind));
        Assert.StartsWith("Core Viewpoint - The article emphasizes", summary.Text, StringComparison.Ordinal);
        Assert.Contains("over 220,000 industrial enterprises", summary.Text, StringComparison.Ordinal);
        Assert.EndsWith("[36].", summary.Text, StringComparison.Ordinal);
        Assert.Equal(new TextBlock("当AI寻找场景,东莞滨海湾亮出「产业生态」解法", 2, 2, BlockKind.Heading).Shape(), article.Blocks[1].Shape());
        Assert.Equal(2, article.Blocks.Count);
    }

    [Theory]
    [InlineData(CorpusFile.English000, "The commercialization dilemma of cutting-edge AI technology")]
    [InlineData(CorpusFile.FrontMatterHtml001, "AI规模化生产之后，AI企业或迎来价值重构？")]
    [InlineData(CorpusFile.German002, "nach dem ende der ki-eröffnungsshow: ausländische institutionen sind damit beschäftigt, die blase zum platzen zu bringen, aber china ist damit beschäftigt, die schwelle zu durchbrechen")]
    [InlineData(CorpusFile.Traditional003, "中美AI競爭背后:美國研發,中國落地,美國在為中國服務?")]
    [InlineData(CorpusFile.OneLine004, "当AI寻找场景,东莞滨海湾亮出「产业生态」解法")]
    public void Parse_RealArticle_DerivesTitle(string name, string expectedTitle)
    {
        // Act
        var article = ParserRunner.ParseCorpus(name);

        // Assert
        Assert.Equal(expectedTitle, article.Metadata.Title);
    }

    [Theory]
    [InlineData(CorpusFile.German002, "2024-09-20T00:00:00+00:00")]
    [InlineData(CorpusFile.OneLine004, "2025-07-30T13:35:00+00:00")]
    public void Parse_RealArticleWithDateline_DateFromDateline(string name, string expectedDate)
    {
        // Act
        var article = ParserRunner.ParseCorpus(name);

        // Assert
        Assert.Equal(DateTimeOffset.Parse(expectedDate, System.Globalization.CultureInfo.InvariantCulture), article.Metadata.Date);
    }
}
