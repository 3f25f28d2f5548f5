using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using QaBot.Core;
using QaBot.Ingestion.Cleaning;

namespace QaBot.Ingestion.Reading.Html;

/// <summary>What the HTML reader found: raw body blocks with source positions, the title, the first h1 and the head's date and author.</summary>
/// <param name="HadNavigation">Whether text was dropped as navigation (nav, banners, footers, link lists).</param>
internal sealed record HtmlContent(IReadOnlyList<TextBlock> Blocks, string? Title, string? FirstH1, DateTimeOffset? Date, string? Author, bool HadNavigation);

/// <summary>
/// Reads HTML through AngleSharp's HTML5 parser (scraped pages are rarely well formed; the parser repairs
/// them as a browser would). Emits headings with their level, paragraphs, list items, table rows (cells
/// joined by " | ", every row carrying its table's header row) and code (<c>pre</c>, verbatim). Drops
/// what is not article text: scripts and styles, forms, site navigation, banners and footers, and
/// navigation found by structure (<see cref="NavigationDetector"/>).
/// </summary>
internal static class HtmlBlockReader
{
    private static readonly HtmlParserOptions Options = new() { IsKeepingSourceReferences = true };

    public static HtmlContent Read(string text, int bodyStart, LineMap lines)
    {
        // Front matter before the markup becomes blank (line breaks kept), so parser offsets are file offsets.
        var source = bodyStart == 0 ? text : FrontMatterReader.Blank(text, bodyStart);
        using var document = new HtmlParser(Options).ParseDocument(source);
        var walker = new HtmlBlockWalker(new HtmlSourceAligner(source), lines);
        if (document.DocumentElement is { } root)
        {
            walker.Walk(root);
        }

        var title = document.QuerySelector("title")?.TextContent;
        return new HtmlContent(walker.Blocks, title, walker.FirstH1, MetaDate(document), Meta(document, "author"), walker.DroppedNavigation);
    }

    private static string? Meta(IDocument document, string name) =>
        document.QuerySelectorAll("meta[name][content]")
            .FirstOrDefault(meta => string.Equals(meta.GetAttribute("name"), name, StringComparison.OrdinalIgnoreCase))
            ?.GetAttribute("content") is { Length: > 0 } value ? value.Trim() : null;

    private static DateTimeOffset? MetaDate(IDocument document)
    {
        var value = Meta(document, "date") ?? Meta(document, "dcterms.date") ?? Meta(document, "dc.date")
            ?? document.QuerySelector("meta[property='article:published_time'][content]")?.GetAttribute("content");
        return value is not null
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
                ? date
                : null;
    }
}

/// <summary>Walks the DOM in document order, aligning every text node with the source and collecting blocks.</summary>
internal sealed class HtmlBlockWalker(HtmlSourceAligner aligner, LineMap lines)
{
    private static readonly HashSet<string> Dropped = new(
        ["head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "nav", "aside", "form", "button", "select", "textarea", "input", "dialog"],
        StringComparer.Ordinal);

    // Dropped as never text of the page; the rest of Dropped is page structure (navigation, forms).
    private static readonly HashSet<string> NotText = new(
        ["head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object"],
        StringComparer.Ordinal);

    private static readonly HashSet<string> NavigationRoles = new(
        ["navigation", "banner", "contentinfo", "search", "complementary", "menu", "menubar", "toolbar"],
        StringComparer.Ordinal);

    private static readonly HashSet<string> BlockElements = new(
        [
            "p", "div", "hr", "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "section", "article",
            "main", "header", "footer", "blockquote", "figure", "figcaption", "fieldset", "address", "body", "html",
            "caption", "details", "summary", "center",
        ],
        StringComparer.Ordinal);

    private static readonly HashSet<string> CellBlockContent = new(
        ["p", "div", "ul", "ol", "dl", "pre", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"],
        StringComparer.Ordinal);

    private readonly NavigationDetector _navigation = new();
    private readonly SourceTextBuilder _current = new();
    private readonly Stack<(BlockKind Kind, int Level)> _context = new();

    public List<TextBlock> Blocks { get; } = [];

    public string? FirstH1 { get; private set; }

    /// <summary>Whether an element with letters or digits in it was dropped as navigation or page structure.</summary>
    public bool DroppedNavigation { get; private set; }

    public void Walk(IElement element)
    {
        aligner.Anchor(element);
        foreach (var child in element.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    _current.Append(text.Data, aligner.Align(text.Data));
                    break;
                case IElement childElement:
                    Visit(childElement);
                    break;
            }
        }
    }

    private void Visit(IElement element)
    {
        var name = element.LocalName;
        if (IsDropped(element))
        {
            if (BlockElements.Contains(name) || Dropped.Contains(name))
            {
                Flush();
            }

            DroppedNavigation |= !NotText.Contains(name) && element.TextContent.Any(char.IsLetterOrDigit);
            Skip(element);
            return;
        }

        switch (name)
        {
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                WalkBlock(element, BlockKind.Heading, name[1] - '0');
                break;
            case "li" or "dt" or "dd":
                WalkBlock(element, BlockKind.ListItem, 0);
                break;
            case "br":
                Flush();
                break;
            case "pre":
                ReadCode(element);
                break;
            case "table" when IsDataTable(element):
                ReadTable(element);
                break;
            case "img":
                break;
            default:
                if (BlockElements.Contains(name))
                {
                    Flush();
                    Walk(element);
                    Flush();
                }
                else
                {
                    Walk(element);
                }

                break;
        }
    }

    private bool IsDropped(IElement element)
    {
        var name = element.LocalName;
        if (Dropped.Contains(name) || element.HasAttribute("hidden"))
        {
            return true;
        }

        if (element.GetAttribute("role") is { } role && NavigationRoles.Contains(role.Trim().ToLowerInvariant()))
        {
            return true;
        }

        // A permalink beside a heading ("¶", "#"): an in-page link with no letter or digit in it.
        if (name == "a" && element.GetAttribute("href") is { } href && href.StartsWith('#') && !element.TextContent.Any(char.IsLetterOrDigit))
        {
            return true;
        }

        // A header or footer is the site's banner or footer unless it belongs to an article or section (as ARIA maps them).
        if (name is "header" or "footer" && element.ParentElement?.Closest("article, section, main, aside, nav") is null)
        {
            return true;
        }

        return _navigation.IsNavigation(element);
    }

    /// <summary>Aligns the text of a dropped element without keeping it, so the text after it is found in the right place.</summary>
    private void Skip(IElement element)
    {
        aligner.Anchor(element);
        foreach (var child in element.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    aligner.Align(text.Data);
                    break;
                case IElement childElement:
                    Skip(childElement);
                    break;
            }
        }
    }

    private void WalkBlock(IElement element, BlockKind kind, int level)
    {
        Flush();
        _context.Push((kind, level));
        Walk(element);
        Flush();
        _context.Pop();
        if (kind == BlockKind.Heading && level == 1 && FirstH1 is null)
        {
            FirstH1 = element.TextContent;
        }
    }

    private void ReadCode(IElement pre)
    {
        Flush();
        var code = new SourceTextBuilder();
        Collect(pre, code);
        Add(code.ToBlock(lines, BlockKind.Code));
    }

    /// <summary>All text under <paramref name="element"/>, as it stands (inline markup removed, white space kept).</summary>
    private void Collect(IElement element, SourceTextBuilder builder)
    {
        aligner.Anchor(element);
        foreach (var child in element.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    builder.Append(text.Data, aligner.Align(text.Data));
                    break;
                case IElement { LocalName: "br" }:
                    builder.AppendSeparator("\n");
                    break;
                case IElement childElement when Dropped.Contains(childElement.LocalName):
                    Skip(childElement);
                    break;
                case IElement childElement:
                    Collect(childElement, builder);
                    break;
            }
        }
    }

    /// <summary>A table of data, not of layout: no cell holds paragraphs, lists, code or another table.</summary>
    private static bool IsDataTable(IElement table) =>
        !table.QuerySelectorAll("td, th").Any(cell => cell.Children.Any(child => CellBlockContent.Contains(child.LocalName))
            || cell.QuerySelector("table, pre, p, ul, ol, dl, div") is not null);

    private void ReadTable(IElement table)
    {
        Flush();
        aligner.Anchor(table);
        var rows = table.QuerySelectorAll("tr").ToList();
        var headerRows = rows.Where(row => row.ParentElement?.LocalName == "thead").ToList();
        if (headerRows.Count == 0 && rows.Count > 1 && rows[0].Children.All(cell => cell.LocalName == "th"))
        {
            headerRows.Add(rows[0]);
        }

        if (table.QuerySelector("caption") is { } caption)
        {
            var captionText = new SourceTextBuilder();
            Collect(caption, captionText);
            Add(captionText.ToBlock(lines, BlockKind.Paragraph));
        }

        var built = new List<(IElement Row, TextBlock Block)>();
        foreach (var row in rows)
        {
            var builder = new SourceTextBuilder();
            aligner.Anchor(row);
            foreach (var cell in row.Children.Where(c => c.LocalName is "td" or "th"))
            {
                if (builder.HasVisibleText)
                {
                    builder.AppendSeparator(" | ");
                }

                Collect(cell, builder);
            }

            if (builder.ToBlock(lines, BlockKind.TableRow) is { } block)
            {
                built.Add((row, block));
            }
        }

        var header = string.Join(" | ", built.Where(b => headerRows.Contains(b.Row)).Select(b => TextNormalizer.Normalize(b.Block.Text)));
        foreach (var (_, block) in built)
        {
            Add(block with { TableHeader = header.Length > 0 ? header : null });
        }
    }

    private void Flush()
    {
        var (kind, level) = _context.Count > 0 ? _context.Peek() : (BlockKind.Paragraph, 0);
        Add(_current.ToBlock(lines, kind, level));
        _current.Clear();
    }

    private void Add(TextBlock? block)
    {
        if (block is not null)
        {
            Blocks.Add(block);
        }
    }
}
