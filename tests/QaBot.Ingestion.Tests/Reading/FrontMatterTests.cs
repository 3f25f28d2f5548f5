using QaBot.Core;

namespace QaBot.Ingestion.Tests.Reading;

public sealed class FrontMatterTests
{
    [Fact]
    public void Parse_MarkdownFrontMatter_ReadsTitleDateAuthorAndTags()
    {
        // Arrange
        const string content = """
            ---
            title: "Quantencomputer im Alltag"
            date: 2024-03-05
            author: [Erika Muster, Max Beispiel]
            tags: [quanten, hardware]
            categories: technik
            ---
            # Einleitung

            Quantencomputer rechnen mit Qubits.
            """;

        // Act
        var article = ParserRunner.Parse("a.md", content);

        // Assert
        Assert.Equal("Quantencomputer im Alltag", article.Metadata.Title);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 0, 0, 0, TimeSpan.Zero), article.Metadata.Date);
        Assert.Equal("Erika Muster", article.Metadata.Author);
        Assert.Equal(["quanten", "hardware", "technik"], article.Metadata.TagsOrEmpty);
        Assert.Equal(new TextBlock("Einleitung", 8, 8, BlockKind.Heading).Shape(), article.Blocks[0].Shape());
        Assert.Equal(new TextBlock("Quantencomputer rechnen mit Qubits.", 10, 10).Shape(), article.Blocks[1].Shape());
    }

    [Fact]
    public void Parse_MalformedFrontMatter_KeepsLinesAsText()
    {
        // Arrange: "key: value: more" is not valid YAML.
        const string content = "---\ntitle: Broken: yes: really\n---\nThe body survives.\n";

        // Act
        var article = ParserRunner.Parse("broken.md", content);

        // Assert
        Assert.Null(article.Metadata.Title);
        Assert.Contains(article.Blocks, b => b.Text == "title: Broken: yes: really" && b.StartLine == 2);
        Assert.Contains(article.Blocks, b => b.Text == "The body survives." && b.StartLine == 4);
    }

    [Fact]
    public void Parse_UnclosedQuoteInFrontMatter_DoesNotThrowAndKeepsBody()
    {
        // Arrange
        const string content = "---\ntitle: 'never closed\ndate: 2024-01-01\n---\n\nErster Absatz des Artikels.\n";

        // Act
        var article = ParserRunner.Parse("broken.txt", content);

        // Assert
        Assert.Contains(article.Blocks, b => b.Text == "Erster Absatz des Artikels." && b.StartLine == 6);
    }

    [Fact]
    public void Parse_FrontMatterThatIsNotAMapping_TreatedAsText()
    {
        // Arrange
        const string content = "---\njust a sentence here\n---\nBody text follows here.\n";

        // Act
        var article = ParserRunner.Parse("x.md", content);

        // Assert
        Assert.Contains(article.Blocks, b => b.Text == "just a sentence here" && b.StartLine == 2);
    }

    [Fact]
    public void Parse_RealFrontMatterBeforeHtml_ReadsMetadata()
    {
        // Act
        var article = ParserRunner.ParseCorpus(CorpusFile.FrontMatterHtml001);

        // Assert
        Assert.Equal("AI规模化生产之后，AI企业或迎来价值重构？", article.Metadata.Title);
        Assert.Equal(new DateTimeOffset(2021, 7, 14, 13, 17, 10, TimeSpan.Zero), article.Metadata.Date);
        Assert.Equal("36kr", article.Metadata.Author);
        Assert.Equal(["新媒体", "36kr", "资讯"], article.Metadata.TagsOrEmpty);
    }
}
