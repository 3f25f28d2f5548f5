using QaBot.Core;

namespace QaBot.Ingestion.Tests.Reading;

public sealed class TextAndMarkdownReadingTests
{
    [Fact]
    public void Parse_PlainText_TitleAndHeadingsFromShortLines()
    {
        // Arrange
        const string content = """
            Warum Rechenzentren wachsen

            Die Nachfrage nach Rechenleistung steigt seit Jahren stark an, vor allem durch KI.
            Kosten und Energie
            Ein großes Rechenzentrum verbraucht so viel Strom wie eine Kleinstadt mit vielen Einwohnern.
            Fazit
            """;

        // Act
        var article = ParserRunner.Parse("a.txt", content);

        // Assert
        Assert.Equal("Warum Rechenzentren wachsen", article.Metadata.Title);
        Assert.Equal(
            [BlockKind.Heading, BlockKind.Paragraph, BlockKind.Heading, BlockKind.Paragraph, BlockKind.Paragraph],
            article.Blocks.Select(b => b.Kind));
        Assert.Equal([1, 3, 4, 5, 6], article.Blocks.Select(b => b.StartLine));
    }

    [Fact]
    public void Parse_PlainTextFirstLineIsSentence_NoTitle()
    {
        // Act
        var article = ParserRunner.Parse("a.txt", "This first line is a sentence.\nAnd so is this one.\n");

        // Assert
        Assert.Null(article.Metadata.Title);
        Assert.Equal("a.txt", article.DisplayTitle);
    }

    [Fact]
    public void Parse_HardWrappedParagraph_OneBlockOverItsLines()
    {
        // Arrange
        const string content = "Title line here\n\n"
            + "This paragraph was wrapped by an editor at a fixed width so that\n"
            + "every line stops in the middle of a sentence and goes on in the\n"
            + "next one until it ends.\n";

        // Act
        var article = ParserRunner.Parse("wrapped.txt", content);

        // Assert
        var paragraph = article.Single("This paragraph");
        Assert.Equal((3, 5), (paragraph.StartLine, paragraph.EndLine));
        Assert.EndsWith("goes on in the next one until it ends.", paragraph.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CrLfAndCrLineEnds_CountedAsLines()
    {
        // Act
        var article = ParserRunner.Parse("a.txt", "Erste Zeile ist ein Satz.\r\nZweite Zeile ist ein Satz.\rDritte Zeile ist ein Satz.\r\n");

        // Assert
        Assert.Equal([1, 2, 3], article.Blocks.Select(b => b.StartLine));
    }

    [Fact]
    public void Parse_Markdown_HeadingsListsParagraphsAndInlineMarkup()
    {
        // Arrange
        const string content = """
            # Large models

            Some **bold** text with a [link](https://example.com)
            that continues here.

            - first `item`
            - second item

            Setext heading
            --------------
            """;

        // Act
        var article = ParserRunner.Parse("doc.md", content);

        // Assert
        TextBlock[] expected =
        [
            new("Large models", 1, 1, BlockKind.Heading),
            new("Some bold text with a link that continues here.", 3, 4),
            new("first item", 6, 6, BlockKind.ListItem),
            new("second item", 7, 7, BlockKind.ListItem),
            new("Setext heading", 9, 10, BlockKind.Heading),
        ];
        Assert.Equal(expected, article.Blocks);
        Assert.Equal("Large models", article.Metadata.Title);
    }

    [Fact]
    public void Parse_SourcePathWithBackslashes_UsesForwardSlashes()
    {
        // Act
        var article = ParserRunner.Parse(@"news\de\a.txt", "Ein Satz mit Inhalt.");

        // Assert
        Assert.Equal("news/de/a.txt", article.SourcePath);
    }
}
