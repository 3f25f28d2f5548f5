using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using QaBot.Core;
using QaBot.Ingestion.Cleaning;

namespace QaBot.Ingestion.Reading.Office;

/// <summary>
/// Reads a Word document's body (<c>.docx</c>) in document order: headings by style or outline level,
/// paragraphs, numbered or bulleted list items, tables row by row with their first row as header. A
/// block's lines are the 1-based indexes of its paragraphs in the document (table cells' paragraphs counted).
/// </summary>
internal static class DocxArticleReader
{
    /// <summary>An OLE compound file: a legacy .doc, or a .docx protected by a password.</summary>
    private static ReadOnlySpan<byte> CompoundFileSignature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <exception cref="ArticleRejectedException">Encrypted, unreadable or without text.</exception>
    public static CleanArticle Read(string sourcePath, byte[] content)
    {
        if (content.Length == 0)
        {
            throw new ArticleRejectedException("empty file");
        }

        if (content.AsSpan().StartsWith(CompoundFileSignature))
        {
            throw new ArticleRejectedException("password-protected or old binary Word file, not .docx: save an unprotected copy as .docx to ingest it");
        }

        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = WordprocessingDocument.Open(stream, isEditable: false);
            return ReadDocument(sourcePath, document);
        }
        catch (Exception exception) when (exception is not (ArticleRejectedException or OutOfMemoryException or OperationCanceledException))
        {
            // A damaged package makes the zip, packaging and XML layers throw many kinds of exceptions; each means the same to us.
            throw new ArticleRejectedException($"not a readable Word document ({exception.Message})", exception);
        }
    }

    private static CleanArticle ReadDocument(string sourcePath, WordprocessingDocument document)
    {
        var main = document.MainDocumentPart;
        var body = main?.Document?.Body ?? throw new ArticleRejectedException("not a Word document: it has no document body");
        var reader = new BodyReader(DocxStyles.From(main.StyleDefinitionsPart));
        reader.Read(body);
        if (reader.Blocks.Count == 0)
        {
            throw new ArticleRejectedException("empty after cleaning (the document has no text)");
        }

        var properties = document.PackageProperties;
        var title = NonEmpty(properties.Title) ?? reader.Title
            ?? reader.Blocks.FirstOrDefault(block => block is { Kind: BlockKind.Heading, Level: 1 })?.Text;
        var metadata = ArticleMetadata.Empty with
        {
            Title = title,
            Author = NonEmpty(properties.Creator),
            Date = properties.Created is { } created ? new DateTimeOffset(DateTime.SpecifyKind(created, DateTimeKind.Utc)) : null,
        };
        return new CleanArticle(sourcePath, metadata, reader.Blocks);
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Walks the body once, numbering paragraphs in document order.</summary>
    private sealed class BodyReader(DocxStyles styles)
    {
        private int _paragraphIndex;

        public List<TextBlock> Blocks { get; } = [];

        public string? Title { get; private set; }

        public void Read(OpenXmlElement container)
        {
            foreach (var element in container.ChildElements)
            {
                switch (element)
                {
                    case Paragraph paragraph:
                        ReadParagraph(paragraph);
                        break;
                    case Table table:
                        ReadTable(table);
                        break;
                    case SdtBlock or CustomXmlBlock:
                        Read(element.GetFirstChild<SdtContentBlock>() ?? element); // content controls wrap ordinary blocks
                        break;
                    default:
                        break; // section properties, bookmarks
                }
            }
        }

        private void ReadParagraph(Paragraph paragraph)
        {
            var line = ++_paragraphIndex;
            var text = TextNormalizer.Normalize(TextOf(paragraph));
            if (text.Length == 0)
            {
                return;
            }

            var properties = paragraph.ParagraphProperties;
            var style = styles.Of(properties?.ParagraphStyleId?.Val?.Value);
            var level = DocxStyles.OutlineLevel(properties?.OutlineLevel) ?? style.HeadingLevel;
            if (style.IsTitle)
            {
                Title ??= text;
            }

            var numbered = properties?.NumberingProperties?.NumberingId?.Val?.Value is { } numberingId
                ? numberingId != 0
                : style.IsNumbered;
            var kind = level > 0 ? BlockKind.Heading : numbered ? BlockKind.ListItem : BlockKind.Paragraph;
            Blocks.Add(new TextBlock(text, line, line, kind) { Level = level });
        }

        private void ReadTable(Table table)
        {
            string? header = null;
            foreach (var row in table.Elements<TableRow>())
            {
                var first = _paragraphIndex + 1;
                var cells = row.Elements<TableCell>()
                    .Select(cell => string.Join(' ', cell.Descendants<Paragraph>().Select(CountedText).Where(text => text.Length > 0)))
                    .ToList();
                var last = Math.Max(first, _paragraphIndex);
                if (cells.TrueForAll(cell => cell.Length == 0))
                {
                    continue;
                }

                var text = string.Join(" | ", cells);
                header ??= text;
                Blocks.Add(new TextBlock(text, first, last, BlockKind.TableRow) { TableHeader = header });
            }
        }

        private string CountedText(Paragraph paragraph)
        {
            _paragraphIndex++;
            return TextNormalizer.Normalize(TextOf(paragraph));
        }

        /// <summary>The paragraph's visible text: runs' text, tabs and breaks as spaces; deleted text and field codes left out.</summary>
        private static string TextOf(Paragraph paragraph)
        {
            var text = new StringBuilder();
            foreach (var element in paragraph.Descendants())
            {
                switch (element)
                {
                    case Text run:
                        text.Append(run.Text);
                        break;
                    case TabChar or Break or CarriageReturn:
                        text.Append(' ');
                        break;
                    case NoBreakHyphen:
                        text.Append('-');
                        break;
                    default:
                        break;
                }
            }

            return text.ToString();
        }
    }
}
