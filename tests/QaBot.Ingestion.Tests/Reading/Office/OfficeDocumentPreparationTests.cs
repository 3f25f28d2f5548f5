using QaBot.Analysis;
using QaBot.Ingestion.Chunking;
using QaBot.Ingestion.Reading;
using QaBot.Ingestion.Reading.Office;
using QaBot.Ingestion.Sync;

namespace QaBot.Ingestion.Tests.Reading.Office;

/// <summary>PDF and Word documents through the whole preparation step: parse, chunk, analyze.</summary>
public sealed class OfficeDocumentPreparationTests
{
    private static readonly DocumentPreparer Preparer = new(
        new DocumentParser(new ArticleParser()), new SentenceAwareChunker(new ChunkingOptions()), TextAnalyzer.Default, LanguageTags.Default);

    [Fact]
    public void Prepare_Pdf_ChunksHoldTheBodyTextAndItsLines()
    {
        // Arrange
        using var pdf = new TestPdf()
            .Page().Block(18, "Firewall").Paragraph("The firewall blocks every incoming port by default.")
            .Page().Paragraph("Open a port with the allow command and a port number.");

        // Act
        var chunks = Preparer.Prepare("net/firewall.pdf", pdf.Build());

        // Assert
        var text = string.Join(' ', chunks.Select(c => c.Chunk.Text));
        Assert.Contains("blocks every incoming port", text, StringComparison.Ordinal);
        Assert.Contains("allow command", text, StringComparison.Ordinal);
        Assert.All(chunks, c => Assert.Equal(("net/firewall.pdf", "Firewall"), (c.Chunk.SourcePath, c.Chunk.Title)));
        Assert.All(chunks, c => Assert.InRange(c.Chunk.StartLine, 1, 2));
    }

    [Fact]
    public void Prepare_Docx_ChunksHoldTheTextUnderItsHeading()
    {
        // Arrange
        var docx = new TestDocx()
            .Style("Heading1", "heading 1")
            .Paragraph("Mail server", "Heading1")
            .Paragraph("The mail server accepts messages on port 25 only from the local network.");

        // Act
        var chunks = Preparer.Prepare("mail.docx", docx.Build());

        // Assert
        var chunk = Assert.Single(chunks).Chunk;
        Assert.Contains("accepts messages on port 25", chunk.Text, StringComparison.Ordinal);
        Assert.Equal(("Mail server", 2), (chunk.Title, chunk.EndLine));
    }
}
