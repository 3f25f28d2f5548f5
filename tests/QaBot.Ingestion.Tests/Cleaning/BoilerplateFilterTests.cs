using QaBot.Core;
using QaBot.Ingestion.Cleaning;

namespace QaBot.Ingestion.Tests.Cleaning;

public sealed class BoilerplateFilterTests
{
    private const string Body = "Der Artikel beschreibt ausführlich, wie große Sprachmodelle trainiert werden und was das kostet.";

    [Fact]
    public void Parse_German002_TailAndHeaderFurnitureRemovedBodyWhole()
    {
        // Arrange
        var lines = CorpusFile.Lines(CorpusFile.German002);
        var bodyLines = Enumerable.Range(3, 65).Where(n => lines[n - 1].Trim().Length > 0 && n != 5 && n != 7).ToList();

        // Act
        var article = ParserRunner.ParseCorpus(CorpusFile.German002);

        // Assert: every non-blank body line (3-67 without the dateline and the language picker) is cited, nothing else.
        var cited = article.Blocks
            .SelectMany(b => Enumerable.Range(b.StartLine, b.EndLine - b.StartLine + 1))
            .Where(n => lines[n - 1].Trim().Length > 0)
            .ToList();
        Assert.Equal(bodyLines, cited);
        Assert.DoesNotContain(article.Blocks, b => b.Text.Contains("feedback", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_Traditional003_CommentsAndListsRemovedBodyWhole()
    {
        // Act
        var article = ParserRunner.ParseCorpus(CorpusFile.Traditional003);

        // Assert
        Assert.Equal(Enumerable.Range(1, 13), article.Blocks.Select(b => b.StartLine));
        Assert.EndsWith("只是美麗的“空中樓閣”而已。", article.Blocks[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Filter_RealGerman002_ReasonsForEachRemovedLine()
    {
        // Arrange
        var blocks = ParserRunnerBlocks(CorpusFile.German002);

        // Act
        var result = BoilerplateFilter.Filter(blocks);

        // Assert
        Assert.Equal(
            [(1, BoilerplateReason.SiteSection), (5, BoilerplateReason.Dateline), (7, BoilerplateReason.LanguagePicker),
             (69, BoilerplateReason.FeedbackFooter), (71, BoilerplateReason.FeedbackFooter), (73, BoilerplateReason.FeedbackFooter)],
            result.Removed.Select(r => (r.Block.StartLine, r.Reason)));
    }

    [Fact]
    public void Filter_RealTraditional003_ReasonsForEachRemovedLine()
    {
        // Arrange
        var blocks = ParserRunnerBlocks(CorpusFile.Traditional003);

        // Act
        var result = BoilerplateFilter.Filter(blocks);

        // Assert
        var reasons = result.Removed.ToDictionary(r => r.Block.StartLine, r => r.Reason);
        Assert.Equal(BoilerplateReason.TitleDuplicate, reasons[14]);
        Assert.Equal([BoilerplateReason.CommentBox], new[] { 16, 17, 18 }.Select(n => reasons[n]).Distinct());
        Assert.Equal(BoilerplateReason.RecommendationList, reasons[19]);
        Assert.Equal(BoilerplateReason.RecommendationList, reasons[32]);
        Assert.Equal(Enumerable.Range(14, 31).Where(n => n != 15), reasons.Keys.Order());
        Assert.Equal("中美AI競爭背后:美國研發,中國落地,美國在為中國服務?", result.DuplicatedTitle);
    }

    [Theory]
    [InlineData("Leave a comment")]
    [InlineData("Kommentar schreiben")]
    [InlineData("发表评论")]
    [InlineData("發表評論")]
    [InlineData("请输入评论内容...")]
    [InlineData("Feedback")]
    [InlineData("Chefredakteur: M. Muster")]
    [InlineData("Report/Feedback")]
    [InlineData("Teilen | Drucken")]
    [InlineData("责任编辑：张三")]
    [InlineData("—")]
    [InlineData("Original title: Something else")]
    public void Filter_FurnitureLine_Removed(string line)
    {
        // Arrange
        var blocks = Blocks(Body, line, Body);

        // Act
        var result = BoilerplateFilter.Filter(blocks);

        // Assert
        Assert.Equal([1, 3], result.Kept.Select(b => b.StartLine));
    }

    [Theory]
    [InlineData("Recommended")]
    [InlineData("Related articles")]
    [InlineData("Das könnte Sie auch interessieren:")]
    [InlineData("Empfohlen")]
    [InlineData("推荐阅读")]
    [InlineData("推薦專題")]
    [InlineData("最新活動更多")]
    public void Filter_RecommendationHeader_RemovesHeaderAndItsItems(string header)
    {
        // Arrange
        var blocks = new List<TextBlock>
        {
            new(Body, 1, 1),
            new(header, 2, 2),
            new("Zehn Tipps für bessere Prompts", 3, 3, BlockKind.ListItem),
            new("-", 4, 4),
            new("Warum GPUs so teuer sind", 5, 5),
            new(Body, 6, 6),
        };

        // Act
        var result = BoilerplateFilter.Filter(blocks);

        // Assert
        Assert.Equal([1, 6], result.Kept.Select(b => b.StartLine));
    }

    [Theory]
    [InlineData("The auditors recommended that every team publish its evaluation data before launch.")]
    [InlineData("Recommended reading lists for new engineers were shorter than expected, the survey found.")]
    [InlineData("Related articles in the journal reached the same conclusion about cost.")]
    [InlineData("编辑部推荐阅读的文章，读者反馈很好。")]
    [InlineData("Die Leser hinterließen einen Kommentar, den die Redaktion ausführlich beantwortete.")]
    public void Filter_ParagraphMentioningFurnitureWords_Kept(string paragraph)
    {
        // Arrange
        var blocks = Blocks(Body, paragraph, Body);

        // Act
        var result = BoilerplateFilter.Filter(blocks);

        // Assert
        Assert.Equal([1, 2, 3], result.Kept.Select(b => b.StartLine));
        Assert.Empty(result.Removed);
    }

    [Fact]
    public void Filter_RecommendationList_StopsAtFirstSentence()
    {
        // Arrange
        var blocks = Blocks("Related articles", "Short teaser one", Body, "Short closing words of the article");

        // Act
        var result = BoilerplateFilter.Filter(blocks);

        // Assert
        Assert.Equal([3, 4], result.Kept.Select(b => b.StartLine));
    }

    [Fact]
    public void Filter_LanguagePickerLine_Removed()
    {
        // Arrange
        var blocks = Blocks(Body, "English | Deutsch | Français | 中文 | Español", Body);

        // Act
        var result = BoilerplateFilter.Filter(blocks);

        // Assert
        Assert.Equal(BoilerplateReason.LanguagePicker, Assert.Single(result.Removed).Reason);
    }

    [Fact]
    public void Filter_SentenceNamingLanguages_Kept()
    {
        // Arrange
        var blocks = Blocks(Body, "The app is available in English and Deutsch, with Français planned for next year's release.", Body);

        // Act
        var result = BoilerplateFilter.Filter(blocks);

        // Assert
        Assert.Empty(result.Removed);
    }

    [Fact]
    public void Filter_SingleCapitalisedWordAtTop_KeptAsTitleCandidate()
    {
        // Arrange
        var blocks = Blocks("Quantencomputing", Body);

        // Act
        var result = BoilerplateFilter.Filter(blocks);

        // Assert
        Assert.Equal(2, result.Kept.Count);
    }

    private static List<TextBlock> Blocks(params string[] texts) =>
        texts.Select((text, index) => new TextBlock(text, index + 1, index + 1)).ToList();

    /// <summary>The normalized plain-text lines of a real article, before the filter ran.</summary>
    private static List<TextBlock> ParserRunnerBlocks(string name) =>
        CorpusFile.Lines(name)
            .Select((line, index) => new TextBlock(TextNormalizer.Normalize(line), index + 1, index + 1))
            .Where(b => b.Text.Length > 0)
            .Select(b => b.Text.StartsWith("- ", StringComparison.Ordinal) ? b with { Text = b.Text[2..], Kind = BlockKind.ListItem } : b)
            .ToList();
}
