using System.IO.Compression;
using System.Text;
using QaBot.Core;
using QaBot.Ingestion.Reading;
using QaBot.Ingestion.Reading.Office;

namespace QaBot.Ingestion.Tests.Reading.Office;

/// <summary>Word documents built in the test with the Open XML SDK, read back through <see cref="DocumentParser"/>.</summary>
public sealed class DocxReadingTests
{
    private static readonly DocumentParser Parser = new(new ArticleParser());

    [Fact]
    public void Parse_BuiltInHeadingStyles_HeadingsWithLevelsAndParagraphsWithParagraphIndexes()
    {
        // Arrange
        var docx = new TestDocx()
            .Style("Heading1", "heading 1", outlineLevel: 0)
            .Style("Heading2", "heading 2")
            .Paragraph("Backups", "Heading1")
            .Paragraph("Back up the database every night.")
            .Paragraph("")
            .Paragraph("Restoring", "Heading2")
            .Paragraph("Stop the service before restoring a backup.");

        // Act
        var article = Parser.Parse("ops/backups.docx", docx.Build());

        // Assert
        Assert.Equal(
            [
                ("Backups", BlockKind.Heading, 1, 1),
                ("Back up the database every night.", BlockKind.Paragraph, 0, 2),
                ("Restoring", BlockKind.Heading, 2, 4),
                ("Stop the service before restoring a backup.", BlockKind.Paragraph, 0, 5),
            ],
            article.Blocks.Select(b => (b.Text, b.Kind, b.Level, b.StartLine)));
        Assert.All(article.Blocks, b => Assert.Equal((b.StartLine, 0), (b.EndLine, b.Page)));
        Assert.Equal("Backups", article.Metadata.Title);
        Assert.Equal("ops/backups.docx", article.SourcePath);
    }

    [Fact]
    public void Parse_CustomStyleBasedOnAHeadingAndDirectOutlineLevel_BothHeadings()
    {
        // Arrange
        var docx = new TestDocx()
            .Style("Heading1", "heading 1")
            .Style("ChapterTitle", "Chapter Title", basedOn: "Heading1")
            .Paragraph("Getting started", "ChapterTitle")
            .Paragraph("Outlined by hand", outlineLevel: 2)
            .Paragraph("Body text under it.");

        // Act
        var article = Parser.Parse("custom.docx", docx.Build());

        // Assert
        Assert.Equal(
            [("Getting started", BlockKind.Heading, 1), ("Outlined by hand", BlockKind.Heading, 3), ("Body text under it.", BlockKind.Paragraph, 0)],
            article.Blocks.Select(b => (b.Text, b.Kind, b.Level)));
    }

    [Fact]
    public void Parse_NumberedParagraphsAndNumberedStyle_ListItems()
    {
        // Arrange
        var docx = new TestDocx()
            .Style("ListBullet", "List Bullet", numbered: true)
            .Paragraph("Before you begin:")
            .Paragraph("Open the lid.", numbered: true)
            .Paragraph("Insert the cartridge.", "ListBullet");

        // Act
        var article = Parser.Parse("steps.docx", docx.Build());

        // Assert
        Assert.Equal([BlockKind.Paragraph, BlockKind.ListItem, BlockKind.ListItem], article.Blocks.Select(b => b.Kind));
    }

    [Fact]
    public void Parse_Table_RowsWithFirstRowAsHeaderAndParagraphIndexesCountingCells()
    {
        // Arrange
        var docx = new TestDocx()
            .Paragraph("Supported versions:")
            .Table(["Version", "Released"], ["2.0", "2024"], ["3.0", "2026"])
            .Paragraph("Older versions are not supported.");

        // Act
        var article = Parser.Parse("versions.docx", docx.Build());

        // Assert
        var rows = article.Blocks.Where(b => b.Kind == BlockKind.TableRow).ToList();
        Assert.Equal(["Version | Released", "2.0 | 2024", "3.0 | 2026"], rows.Select(r => r.Text));
        Assert.All(rows, r => Assert.Equal("Version | Released", r.TableHeader));
        Assert.Equal([(2, 3), (4, 5), (6, 7)], rows.Select(r => (r.StartLine, r.EndLine)));
        Assert.Equal(8, article.Single("Older versions").StartLine);
    }

    [Fact]
    public void Parse_DocumentPropertiesTitleAndTitleStyle_PropertiesTitleWins()
    {
        // Arrange
        var docx = new TestDocx()
            .Style("Title", "Title")
            .Title("Operations handbook")
            .Paragraph("Handbook", "Title")
            .Paragraph("Welcome to the team.");

        // Act
        var article = Parser.Parse("handbook.docx", docx.Build());

        // Assert
        Assert.Equal("Operations handbook", article.Metadata.Title);
        Assert.Equal((BlockKind.Heading, 1), (article.Blocks[0].Kind, article.Blocks[0].Level));
    }

    [Fact]
    public void Parse_NotAZipFile_RejectedAsNotReadable()
    {
        // Act
        var exception = Assert.Throws<ArticleRejectedException>(() => Parser.Parse("fake.docx", Encoding.ASCII.GetBytes("plain words with a .docx name")));

        // Assert
        Assert.StartsWith("not a readable Word document", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ZipWithoutWordParts_RejectedWithAReason()
    {
        // Arrange
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            entry.Write("not a Word document");
        }

        // Act
        var exception = Assert.Throws<ArticleRejectedException>(() => Parser.Parse("other.docx", stream.ToArray()));

        // Assert
        Assert.StartsWith("not a", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TruncatedDocx_RejectedAsNotReadable()
    {
        // Arrange
        var bytes = new TestDocx().Paragraph("This document will be cut in half.").Build();

        // Act
        var exception = Assert.Throws<ArticleRejectedException>(() => Parser.Parse("cut.docx", bytes.AsSpan(0, bytes.Length / 2)));

        // Assert
        Assert.StartsWith("not a readable Word document", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CompoundFile_RejectedAsProtectedOrOldFormat()
    {
        // Arrange
        byte[] bytes = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];

        // Act
        var exception = Assert.Throws<ArticleRejectedException>(() => Parser.Parse("locked.docx", bytes));

        // Assert
        Assert.StartsWith("password-protected or old binary Word file", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoText_RejectedAsEmpty()
    {
        // Act
        var exception = Assert.Throws<ArticleRejectedException>(() => Parser.Parse("blank.docx", new TestDocx().Paragraph("   ").Build()));

        // Assert
        Assert.StartsWith("empty after cleaning", exception.Message, StringComparison.Ordinal);
    }
}
