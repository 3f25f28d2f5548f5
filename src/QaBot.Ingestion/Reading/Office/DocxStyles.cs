using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace QaBot.Ingestion.Reading.Office;

/// <summary>What a paragraph style makes of its paragraphs, its base styles included.</summary>
internal sealed record DocxStyle(int HeadingLevel, bool IsTitle, bool IsNumbered);

/// <summary>
/// The document's paragraph styles, each resolved along its <c>basedOn</c> chain: a heading level from the
/// style's outline level or its built-in name (<c>heading 1</c> … <c>heading 9</c>), the Title style, numbering.
/// </summary>
internal sealed class DocxStyles
{
    private const int MaxBaseStyles = 20; // a basedOn loop in a damaged file must not hang the reader

    private readonly Dictionary<string, Style> _byId;
    private readonly Dictionary<string, DocxStyle> _resolved = new(StringComparer.Ordinal);

    private DocxStyles(Dictionary<string, Style> byId) => _byId = byId;

    public static DocxStyles From(StyleDefinitionsPart? part)
    {
        var byId = new Dictionary<string, Style>(StringComparer.Ordinal);
        foreach (var style in part?.Styles?.Elements<Style>() ?? [])
        {
            if (style.StyleId?.Value is { } id && style.Type?.Value == StyleValues.Paragraph)
            {
                byId.TryAdd(id, style);
            }
        }

        return new DocxStyles(byId);
    }

    public DocxStyle Of(string? styleId)
    {
        if (styleId is null)
        {
            return new DocxStyle(0, false, false);
        }

        if (!_resolved.TryGetValue(styleId, out var resolved))
        {
            resolved = Resolve(styleId);
            _resolved[styleId] = resolved;
        }

        return resolved;
    }

    private DocxStyle Resolve(string styleId)
    {
        int? level = null;
        bool? numbered = null;
        var isTitle = false;
        var id = styleId;
        for (var depth = 0; depth < MaxBaseStyles && id is not null && _byId.TryGetValue(id, out var style); depth++)
        {
            var name = style.StyleName?.Val?.Value ?? id;
            isTitle |= depth == 0 && (name.Equals("Title", StringComparison.OrdinalIgnoreCase) || id == "Title");
            level ??= OutlineLevel(style.StyleParagraphProperties?.OutlineLevel) ?? NamedHeadingLevel(name) ?? NamedHeadingLevel(id);
            if (style.StyleParagraphProperties?.NumberingProperties?.NumberingId?.Val?.Value is { } numberingId)
            {
                numbered ??= numberingId != 0;
            }

            id = style.BasedOn?.Val?.Value;
        }

        return new DocxStyle(isTitle ? 1 : level ?? 0, isTitle, numbered ?? false);
    }

    /// <summary>Word's outline level 0–8 is heading level 1–9; 9 means body text.</summary>
    public static int? OutlineLevel(OutlineLevel? outline) =>
        outline?.Val?.Value is { } value ? (value is >= 0 and <= 8 ? value + 1 : 0) : null;

    /// <summary>The built-in heading styles: name <c>heading 2</c>, id <c>Heading2</c>.</summary>
    private static int? NamedHeadingLevel(string name)
    {
        var compact = name.Replace(" ", "", StringComparison.Ordinal);
        return compact.StartsWith("heading", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(compact.AsSpan(7), NumberStyles.None, CultureInfo.InvariantCulture, out var level)
            && level is >= 1 and <= 9
            ? level
            : null;
    }
}
