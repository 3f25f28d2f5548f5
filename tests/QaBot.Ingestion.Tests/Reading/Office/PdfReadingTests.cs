using System.Text;
using QaBot.Core;
using QaBot.Ingestion.Reading;
using QaBot.Ingestion.Reading.Office;

namespace QaBot.Ingestion.Tests.Reading.Office;

/// <summary>PDFs built in the test with PdfPig's writer, read back through <see cref="DocumentParser"/>.</summary>
public sealed class PdfReadingTests
{
    private static readonly DocumentParser Parser = new(new ArticleParser());

    [Fact]
    public void Parse_LargeLineAboveBodyText_HeadingWithLevelOneThenParagraph()
    {
        // Arrange
        using var pdf = new TestPdf().Page()
            .Block(20, "Installing the printer")
            .Paragraph("Unpack the printer and remove every piece of tape.", "Then connect the power cable at the back.");

        // Act
        var article = Parser.Parse("guide.pdf", pdf.Build());

        // Assert
        var heading = article.Blocks[0];
        Assert.Equal(("Installing the printer", BlockKind.Heading, 1), (heading.Text, heading.Kind, heading.Level));
        var paragraph = article.Blocks[1];
        Assert.Equal(BlockKind.Paragraph, paragraph.Kind);
        Assert.Equal("Unpack the printer and remove every piece of tape. Then connect the power cable at the back.", paragraph.Text);
        Assert.Equal("Installing the printer", article.Metadata.Title);
        Assert.Equal("guide.pdf", article.SourcePath);
    }

    [Fact]
    public void Parse_TwoHeadingSizes_LevelByRankOfSize()
    {
        // Arrange
        using var pdf = new TestPdf().Page()
            .Block(22, "Chapter one")
            .Paragraph("The chapter begins with a short overview of the topic.")
            .Block(15, "First section")
            .Paragraph("The section explains the first part in some detail.", "It continues on a second line of text.");

        // Act
        var article = Parser.Parse("book.pdf", pdf.Build());

        // Assert
        var headings = article.Blocks.Where(b => b.Kind == BlockKind.Heading).Select(b => (b.Text, b.Level));
        Assert.Equal([("Chapter one", 1), ("First section", 2)], headings);
    }

    [Fact]
    public void Parse_ThreePages_BlocksCiteTheirPageAndLinesWithinIt()
    {
        // Arrange
        using var pdf = new TestPdf()
            .Page().Paragraph("Alpha is on the first page.")
            .Page().Paragraph("Beta opens the second page.").Paragraph("Gamma follows on two lines", "of the second page.")
            .Page().Paragraph("Delta is alone on the third page.");

        // Act
        var article = Parser.Parse("pages.pdf", pdf.Build());

        // Assert
        Assert.Equal(
            [(1, 1, 1), (2, 1, 1), (2, 2, 3), (3, 1, 1)],
            article.Blocks.Select(b => (b.Page, b.StartLine, b.EndLine)));
        var gamma = article.Single("Gamma");
        Assert.Equal(gamma.Text.Length, gamma.Positions!.Count);
        Assert.Equal(new SourcePosition(3, 1), gamma.Positions[gamma.Text.IndexOf("of the", StringComparison.Ordinal)]);
    }

    [Fact]
    public void Parse_TwoColumns_LeftColumnReadBeforeRight()
    {
        // Arrange: the right column's lines are written first, so content order alone would read it first.
        using var pdf = new TestPdf().Page();
        string[] left = ["The left column starts here", "and goes on for a while", "before it ends at the bottom."];
        string[] right = ["The right column comes second", "and is read after the left one", "by anyone reading the page."];
        for (var i = 0; i < 3; i++)
        {
            pdf.At(right[i], 320, 700 - (i * 12.5), 10);
        }

        for (var i = 0; i < 3; i++)
        {
            pdf.At(left[i], 72, 700 - (i * 12.5), 10);
        }

        // Act
        var article = Parser.Parse("columns.pdf", pdf.Build());

        // Assert
        Assert.Equal([string.Join(' ', left), string.Join(' ', right)], article.Blocks.Select(b => b.Text));
        Assert.Equal([(1, 3), (4, 6)], article.Blocks.Select(b => (b.StartLine, b.EndLine)));
    }

    [Fact]
    public void Parse_HeaderAndPageNumberOnEveryPage_BothDropped()
    {
        // Arrange
        using var pdf = new TestPdf();
        string[] bodies = ["Paris is the capital of France.", "Berlin is the capital of Germany.", "Rome is the capital of Italy."];
        for (var i = 0; i < bodies.Length; i++)
        {
            pdf.Page().At("Capitals of Europe, a short guide", 72, 810).At($"Page {i + 1} of 3", 270, 30).Paragraph(bodies[i]);
        }

        // Act
        var article = Parser.Parse("capitals.pdf", pdf.Build());

        // Assert
        Assert.Equal(bodies, article.Blocks.Select(b => b.Text));
        Assert.Equal([1, 2, 3], article.Blocks.Select(b => b.Page));
    }

    [Fact]
    public void Parse_SameTextInTheBodyOfOnlyOnePage_Kept()
    {
        // Arrange
        using var pdf = new TestPdf()
            .Page().At("Draft", 72, 810).Paragraph("The first page says something.")
            .Page().Paragraph("The second page says something else.")
            .Page().Paragraph("The third page has the last word.");

        // Act
        var article = Parser.Parse("draft.pdf", pdf.Build());

        // Assert
        Assert.Contains(article.Blocks, b => b.Text == "Draft");
    }

    [Fact]
    public void Parse_TableOfContentsAndBullets_ContentsDroppedBulletsListItems()
    {
        // Arrange
        using var pdf = new TestPdf().Page()
            .Paragraph("Introduction ........................ 1", "Installation ........................ 4")
            .Paragraph("The installer needs:")
            .Paragraph("• a network connection")
            .Paragraph("• two gigabytes of disk space");

        // Act
        var article = Parser.Parse("contents.pdf", pdf.Build());

        // Assert
        Assert.Equal(
            [("The installer needs:", BlockKind.Paragraph), ("a network connection", BlockKind.ListItem), ("two gigabytes of disk space", BlockKind.ListItem)],
            article.Blocks.Select(b => (b.Text, b.Kind)));
        Assert.All(article.Blocks, b => Assert.Equal(b.Text.Length, b.Positions!.Count));
        Assert.Equal(new SourcePosition(4, 3), article.Blocks[1].Positions![0]);
    }

    [Fact]
    public void Parse_ChapterTitleAtTheTopOfItsPages_Dropped()
    {
        // Arrange: a running title that changes with the chapter, so no one text is on most pages.
        using var pdf = new TestPdf();
        string[] chapters = ["Chapter 1: Setup", "Chapter 1: Setup", "Chapter 2: Use", "Chapter 2: Use"];
        string[] bodies = ["Body text unpacks the box.", "Body text plugs the cable in.", "Body text switches it on.", "Body text prints a test page."];
        for (var i = 0; i < chapters.Length; i++)
        {
            pdf.Page().At(chapters[i], 72, 810).Paragraph(bodies[i]);
        }

        // Act
        var article = Parser.Parse("chapters.pdf", pdf.Build());

        // Assert
        Assert.Equal(bodies, article.Blocks.Select(b => b.Text));
    }

    [Fact]
    public void Parse_LineEndsInHyphenatedWord_WordJoined()
    {
        // Arrange
        using var pdf = new TestPdf().Page().Paragraph("The configuration file holds every set-", "ting the service reads at start.");

        // Act
        var article = Parser.Parse("hyphen.pdf", pdf.Build());

        // Assert
        var block = Assert.Single(article.Blocks);
        Assert.Equal("The configuration file holds every setting the service reads at start.", block.Text);
        Assert.Equal(block.Text.Length, block.Positions!.Count);
    }

    [Fact]
    public void Parse_OnlyPicturesNoLetters_RejectedAsNoTextLayer()
    {
        // Arrange
        using var pdf = new TestPdf().Page().Picture().Page().Picture();

        // Act
        var exception = Assert.Throws<ArticleRejectedException>(() => Parser.Parse("scan.pdf", pdf.Build()));

        // Assert
        Assert.StartsWith("no text layer", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PasswordProtectedPdf_RejectedAsEncrypted()
    {
        // Arrange: a standard security handler whose password hashes match no password, as a protected file's would not match ours.
        using var pdf = new TestPdf().Page().Paragraph("A secret only the password opens.");
        var text = Encoding.Latin1.GetString(pdf.Build());
        var hash = new string('A', 64);
        var encrypted = text.Replace("trailer\n<<", $"trailer\n<< /Encrypt << /Filter /Standard /V 1 /R 2 /O <{hash}> /U <{hash}> /P -4 >>", StringComparison.Ordinal);
        Assert.NotEqual(text, encrypted);

        // Act
        var exception = Assert.Throws<ArticleRejectedException>(() => Parser.Parse("secret.pdf", Encoding.Latin1.GetBytes(encrypted)));

        // Assert
        Assert.StartsWith("encrypted PDF", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotAPdfAtAll_RejectedAsNotReadable()
    {
        // Act
        var exception = Assert.Throws<ArticleRejectedException>(() => Parser.Parse("fake.pdf", Encoding.ASCII.GetBytes("just some words, no PDF")));

        // Assert
        Assert.StartsWith("not a readable PDF", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TruncatedPdf_RejectedNeverThrowsAnythingElse()
    {
        // Arrange
        using var pdf = new TestPdf().Page().Paragraph("This document will be cut in half.");
        var bytes = pdf.Build();

        // Act
        var exception = Record.Exception(() => Parser.Parse("cut.pdf", bytes.AsSpan(0, bytes.Length / 2)));

        // Assert: lenient parsing may still find the text; if it cannot, the file is rejected with a reason.
        Assert.True(exception is null or ArticleRejectedException, exception?.ToString());
    }

    [Fact]
    public void Parse_EmptyPdfFile_RejectedAsEmpty()
    {
        // Act
        var exception = Assert.Throws<ArticleRejectedException>(() => Parser.Parse("empty.pdf", []));

        // Assert
        Assert.Equal("empty file", exception.Message);
    }

    [Fact]
    public void Parse_TextFile_ReadByTheTextParser()
    {
        // Act
        var article = Parser.Parse("notes.md", Encoding.UTF8.GetBytes("# Notes\n\nA paragraph of notes.\n"));

        // Assert
        Assert.Contains(article.Blocks, b => b.Text == "A paragraph of notes." && b.Page == 0);
    }
}
