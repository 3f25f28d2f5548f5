using System.Net;
using System.Text;
using QaBot.Core;

namespace QaBot.Ingestion.Reading;

/// <summary>What the HTML reader found: body blocks with raw (entity-decoded) text, the title and the first h1.</summary>
internal sealed record HtmlContent(IReadOnlyList<TextBlock> Blocks, string? Title, string? FirstH1);

/// <summary>
/// A forgiving HTML-to-blocks reader (scraped pages are rarely well formed). Drops head, script, style,
/// noscript, template, svg and nav; takes the title from &lt;title&gt;; strips tags and decodes entities.
/// Block tags (p, div, h1-h6, li, br, tr, ...) end a block; h1-h6 give headings and li list items.
/// Each block keeps the original lines of its first and last visible character.
/// </summary>
internal static class HtmlBlockReader
{
    private static readonly HashSet<string> SkippedElements =
        new(["script", "style", "noscript", "template", "svg", "nav", "iframe", "object"], StringComparer.Ordinal);

    private static readonly HashSet<string> BlockElements = new(
        [
            "p", "div", "br", "hr", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table", "thead", "tbody", "tfoot",
            "section", "article", "main", "header", "footer", "aside", "blockquote", "pre", "figure", "figcaption",
            "form", "fieldset", "address", "body", "html", "caption",
            "h1", "h2", "h3", "h4", "h5", "h6",
        ],
        StringComparer.Ordinal);

    public static HtmlContent Read(string text, int bodyStart, LineMap lines)
    {
        var state = new ReaderState(text, lines);
        string? title = null;
        var i = bodyStart;
        while (i < text.Length)
        {
            if (text[i] != '<')
            {
                state.AddText(i);
                i++;
                continue;
            }

            if (string.CompareOrdinal(text, i, "<!--", 0, 4) == 0)
            {
                i = SkipPast(text, i + 4, "-->");
                continue;
            }

            if (i + 1 < text.Length && text[i + 1] is '!' or '?')
            {
                i = SkipPast(text, i + 2, ">");
                continue;
            }

            var tag = ReadTag(text, i);
            if (tag is null)
            {
                state.AddText(i);
                i++;
                continue;
            }

            var (name, closing, selfClosing, end) = tag.Value;
            i = end;
            if (!closing && !selfClosing && SkippedElements.Contains(name))
            {
                i = SkipElement(text, i, name).ContentEnd;
                i = SkipPast(text, i, ">");
                continue;
            }

            if (!closing && name == "head" && HeadEnd(text, i) is { } headEnd)
            {
                // Nothing in the head is body text; only its title is kept.
                title ??= ReadTitle(text, i, headEnd);
                i = headEnd;
                continue;
            }

            if (!closing && name == "title")
            {
                var (contentEnd, _) = SkipElement(text, i, name);
                title ??= WebUtility.HtmlDecode(text[i..contentEnd]);
                i = SkipPast(text, contentEnd, ">");
                continue;
            }

            if (name == "td" || name == "th")
            {
                state.AddSeparator();
            }

            if (BlockElements.Contains(name))
            {
                state.Flush();
                state.Track(name, closing || selfClosing);
            }
        }

        state.Flush();
        return new HtmlContent(state.Blocks, title, state.FirstH1);
    }

    /// <summary>Where the head ends: at &lt;/head&gt;, else at &lt;body&gt;; null when neither is found (then nothing is skipped).</summary>
    private static int? HeadEnd(string text, int start)
    {
        var (closingTag, found) = SkipElement(text, start, "head");
        if (found)
        {
            return SkipPast(text, closingTag, ">");
        }

        var body = text.IndexOf("<body", start, StringComparison.OrdinalIgnoreCase);
        return body < 0 ? null : body;
    }

    /// <summary>The text of the first &lt;title&gt; between <paramref name="start"/> and <paramref name="end"/>.</summary>
    private static string? ReadTitle(string text, int start, int end)
    {
        var open = text.IndexOf("<title", start, end - start, StringComparison.OrdinalIgnoreCase);
        if (open < 0 || ReadTag(text, open) is not { } tag || tag.Name != "title")
        {
            return null;
        }

        var contentEnd = Math.Min(SkipElement(text, tag.End, "title").ContentEnd, end);
        return tag.End <= contentEnd ? WebUtility.HtmlDecode(text[tag.End..contentEnd]) : null;
    }

    /// <summary>Reads a tag at <paramref name="start"/>: lower-case name, whether it closes or self-closes, and the offset after '&gt;'.</summary>
    private static (string Name, bool Closing, bool SelfClosing, int End)? ReadTag(string text, int start)
    {
        var i = start + 1;
        var closing = i < text.Length && text[i] == '/';
        if (closing)
        {
            i++;
        }

        var nameStart = i;
        while (i < text.Length && char.IsAsciiLetterOrDigit(text[i]))
        {
            i++;
        }

        if (i == nameStart || !char.IsAsciiLetter(text[nameStart]))
        {
            return null;
        }

        var name = text[nameStart..i].ToLowerInvariant();
        char? quote = null;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return (name, closing, text[i - 1] == '/', i + 1);
            }
        }

        return (name, closing, false, text.Length);
    }

    /// <summary>Finds the closing tag of a raw-content element; returns where its content ends.</summary>
    private static (int ContentEnd, bool Found) SkipElement(string text, int start, string name)
    {
        var index = text.IndexOf("</" + name, start, StringComparison.OrdinalIgnoreCase);
        return index < 0 ? (text.Length, false) : (index, true);
    }

    private static int SkipPast(string text, int start, string terminator)
    {
        var index = text.IndexOf(terminator, Math.Min(start, text.Length), StringComparison.Ordinal);
        return index < 0 ? text.Length : index + terminator.Length;
    }

    /// <summary>The block being collected and the stack of heading and list-item elements around it.</summary>
    private sealed class ReaderState(string text, LineMap lines)
    {
        private readonly StringBuilder _buffer = new();
        private readonly List<string> _context = [];
        private int _firstVisible = -1;
        private int _lastVisible = -1;

        public List<TextBlock> Blocks { get; } = [];

        public string? FirstH1 { get; private set; }

        public void AddText(int offset)
        {
            var c = text[offset];
            _buffer.Append(c);
            if (!char.IsWhiteSpace(c))
            {
                if (_firstVisible < 0)
                {
                    _firstVisible = offset;
                }

                _lastVisible = offset;
            }
        }

        public void AddSeparator() => _buffer.Append(' ');

        public void Flush()
        {
            if (_firstVisible >= 0)
            {
                var raw = WebUtility.HtmlDecode(_buffer.ToString());
                var top = _context.Count > 0 ? _context[^1] : null;
                var kind = top switch
                {
                    "li" => BlockKind.ListItem,
                    null => BlockKind.Paragraph,
                    _ => BlockKind.Heading,
                };

                Blocks.Add(new TextBlock(raw, lines.LineAt(_firstVisible), lines.LineAt(_lastVisible), kind));
                if (top == "h1" && FirstH1 is null && !string.IsNullOrWhiteSpace(raw))
                {
                    FirstH1 = raw;
                }
            }

            _buffer.Clear();
            _firstVisible = -1;
            _lastVisible = -1;
        }

        /// <summary>Keeps the h1-h6 and li elements open around the text; an unclosed li ends at the next li.</summary>
        public void Track(string name, bool closing)
        {
            var structural = name == "li" || (name.Length == 2 && name[0] == 'h' && name[1] is >= '1' and <= '6');
            if (!structural)
            {
                return;
            }

            if (closing)
            {
                var index = _context.LastIndexOf(name);
                if (index >= 0)
                {
                    _context.RemoveRange(index, _context.Count - index);
                }

                return;
            }

            if (name == "li" && _context.Count > 0 && _context[^1] == "li")
            {
                _context.RemoveAt(_context.Count - 1);
            }

            _context.Add(name);
        }
    }
}
