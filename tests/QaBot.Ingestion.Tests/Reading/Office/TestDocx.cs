using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace QaBot.Ingestion.Tests.Reading.Office;

/// <summary>Builds small Word documents in the test with the Open XML SDK, in memory.</summary>
internal sealed class TestDocx
{
    private readonly List<OpenXmlElement> _body = [];
    private readonly List<Style> _styles = [];
    private string? _title;

    /// <summary>A paragraph style, such as Word's built-in "heading 1" or a custom one based on another.</summary>
    public TestDocx Style(string id, string name, string? basedOn = null, int? outlineLevel = null, bool numbered = false)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        style.Append(new StyleName { Val = name });
        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn });
        }

        var properties = new StyleParagraphProperties();
        if (numbered)
        {
            properties.Append(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 }));
        }

        if (outlineLevel is { } level)
        {
            properties.Append(new OutlineLevel { Val = level });
        }

        style.Append(properties);
        _styles.Add(style);
        return this;
    }

    public TestDocx Paragraph(string text, string? styleId = null, int? outlineLevel = null, bool numbered = false)
    {
        var properties = new ParagraphProperties();
        if (styleId is not null)
        {
            properties.Append(new ParagraphStyleId { Val = styleId });
        }

        if (numbered)
        {
            properties.Append(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 }));
        }

        if (outlineLevel is { } level)
        {
            properties.Append(new OutlineLevel { Val = level });
        }

        _body.Add(new Paragraph(properties, new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve })));
        return this;
    }

    /// <summary>A table; each cell is one paragraph.</summary>
    public TestDocx Table(params string[][] rows)
    {
        var table = new Table();
        foreach (var row in rows)
        {
            table.Append(new TableRow(row.Select(cell => new TableCell(new Paragraph(new Run(new Text(cell)))))));
        }

        _body.Add(table);
        return this;
    }

    public TestDocx Title(string title)
    {
        _title = title;
        return this;
    }

    public byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(_body.Select(element => element.CloneNode(true))));
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(_styles.Select(style => style.CloneNode(true)));
            if (_title is not null)
            {
                document.PackageProperties.Title = _title;
            }
        }

        return stream.ToArray();
    }
}
