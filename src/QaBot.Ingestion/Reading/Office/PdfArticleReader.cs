using QaBot.Core;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace QaBot.Ingestion.Reading.Office;

/// <summary>
/// Reads a PDF's text layer into blocks: per page in reading order, running headers and footers and
/// table-of-contents entries dropped, headings found by font size, bulleted blocks as list items. A block cites its page and the lines it covers within that page.
/// </summary>
internal static class PdfArticleReader
{
    public const string NoTextLayer = "no text layer (a scanned or image-only PDF): run OCR on it to add text, or remove it from the corpus";

    /// <exception cref="ArticleRejectedException">Encrypted, unreadable, without a text layer, or empty.</exception>
    public static CleanArticle Read(string sourcePath, byte[] content)
    {
        if (content.Length == 0)
        {
            throw new ArticleRejectedException("empty file");
        }

        try
        {
            using var document = PdfDocument.Open(content);
            return ReadDocument(sourcePath, document);
        }
        catch (PdfDocumentEncryptedException)
        {
            throw new ArticleRejectedException("encrypted PDF: save an unprotected copy to ingest it");
        }
        catch (Exception exception) when (exception is not (ArticleRejectedException or OutOfMemoryException or OperationCanceledException))
        {
            // A damaged file makes the PDF parser throw many kinds of exceptions; each one means the same to us.
            throw new ArticleRejectedException($"not a readable PDF ({exception.Message})", exception);
        }
    }

    private static CleanArticle ReadDocument(string sourcePath, PdfDocument document)
    {
        var layout = new List<PdfLayoutBlock>();
        var hasLetters = false;
        foreach (var page in document.GetPages())
        {
            hasLetters |= page.Letters.Any(letter => !string.IsNullOrWhiteSpace(letter.Value));
            layout.AddRange(PdfPageLayout.Read(page));
        }

        if (!hasLetters)
        {
            throw new ArticleRejectedException(NoTextLayer);
        }

        var content = PdfDecorationFilter.Filter(layout, document.NumberOfPages);
        var headings = PdfHeadingClassifier.For(content);
        var blocks = new List<TextBlock>();
        foreach (var block in content)
        {
            if (PdfBlockShape.IsTableOfContents([.. block.Block.TextLines.Select(line => line.Text)]))
            {
                continue;
            }

            var (text, positions) = PdfBlockText.Build(block);
            if (text.Trim().Length == 0)
            {
                continue;
            }

            var level = headings.LevelOf(block);
            var bullet = level > 0 ? 0 : PdfBlockShape.BulletLength(text);
            var kind = level > 0 ? BlockKind.Heading : bullet > 0 ? BlockKind.ListItem : BlockKind.Paragraph;
            (text, positions) = (text[bullet..], positions.Skip(bullet).ToList());
            blocks.Add(new TextBlock(text, block.FirstLine, block.LastLine, kind)
            {
                Level = level,
                Positions = positions,
                Page = block.Page,
            });
        }

        if (blocks.Count == 0)
        {
            throw new ArticleRejectedException("empty after cleaning (only page headers and footers)");
        }

        var title = NonEmpty(document.Information.Title)
            ?? blocks.FirstOrDefault(block => block is { Kind: BlockKind.Heading, Level: 1 })?.Text;
        return new CleanArticle(sourcePath, ArticleMetadata.Empty with { Title = title }, blocks);
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
