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
            new("Setext heading", 9, 9, BlockKind.Heading),
        ];
        Assert.Equal(expected.Shapes(), article.Blocks.Shapes());
        Assert.Equal("Large models", article.Metadata.Title);
    }

    [Fact]
    public void Parse_MarkdownHeadingLevels_FromMarkdig()
    {
        // Act
        var article = ParserRunner.Parse("doc.md", "# Eins\n\n### Drei\n\nText.\n");

        // Assert
        Assert.Equal([1, 3, 0], article.Blocks.Select(b => b.Level));
    }

    [Fact]
    public void Parse_MarkdownInline_PositionsAtTheirSourceColumns()
    {
        // Arrange: "**fett**" puts the word at columns 9-12; "`x`" puts x at column 21.
        const string content = "Text: **fett** und `x`.";

        // Act
        var block = Assert.Single(ParserRunner.Parse("doc.md", content).Blocks);

        // Assert
        Assert.Equal("Text: fett und x.", block.Text);
        Assert.Equal(9, block.Positions![6].Column);
        Assert.Equal(21, block.Positions[15].Column);
        Assert.Equal((1, 1, 1, 0), (block.StartLine, block.StartColumn, block.EndLine, block.EndColumn));
    }

    [Fact]
    public void Parse_MarkdownFencedAndIndentedCode_VerbatimCode()
    {
        // Arrange
        const string content = "Vorher.\n\n```sh\n$ apt install  paket\n  --yes\n```\n\n    eingerückt\n";

        // Act
        var blocks = ParserRunner.Parse("doc.md", content).Blocks;

        // Assert
        Assert.Equal((BlockKind.Code, "$ apt install  paket\n  --yes"), (blocks[1].Kind, blocks[1].Text));
        Assert.Equal((4, 1, 5, 0), (blocks[1].StartLine, blocks[1].StartColumn, blocks[1].EndLine, blocks[1].EndColumn));
        Assert.Equal((BlockKind.Code, "eingerückt", 8, 5), (blocks[2].Kind, blocks[2].Text, blocks[2].StartLine, blocks[2].StartColumn));
    }

    [Fact]
    public void Parse_MarkdownPipeTable_RowsWithHeader()
    {
        // Arrange
        const string content = "| Paket | Größe |\n|---|---|\n| apt | 1 MB |\n";

        // Act
        var blocks = ParserRunner.Parse("doc.md", content).Blocks;

        // Assert
        Assert.Equal(["Paket | Größe", "apt | 1 MB"], blocks.Select(b => b.Text));
        Assert.All(blocks, b => Assert.Equal((BlockKind.TableRow, "Paket | Größe"), (b.Kind, b.TableHeader)));
        Assert.Equal((3, 3), (blocks[1].StartLine, blocks[1].StartColumn));
    }

    [Fact]
    public void Parse_MarkdownAfterFrontMatter_LinesOfTheFile()
    {
        // Act
        var block = Assert.Single(ParserRunner.Parse("doc.md", "---\ntitle: T\n---\n\n- Punkt &amp; Komma\n").Blocks);

        // Assert
        Assert.Equal((BlockKind.ListItem, "Punkt & Komma", 5, 3), (block.Kind, block.Text, block.StartLine, block.StartColumn));
        Assert.Equal(block.Text.Length, block.Positions!.Count);
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
