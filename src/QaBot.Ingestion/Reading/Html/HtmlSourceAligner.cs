using System.Net;
using AngleSharp.Dom;

namespace QaBot.Ingestion.Reading.Html;

/// <summary>
/// Finds where each character of a parsed text node stood in the HTML source. AngleSharp keeps the
/// source position of elements only, so text nodes are matched against the source in document order
/// from a cursor: markup and comments between them are skipped, an entity (<c>&amp;amp;</c>) maps its
/// decoded characters to the ampersand, and a CRLF that the parser turned into LF maps to the CR.
/// </summary>
internal sealed class HtmlSourceAligner(string source)
{
    // How far past the cursor a text node's first character is looked for before giving up on it.
    private const int MaxSearchChars = 4096;

    private const int MaxEntityLength = 40;

    private int _cursor;

    /// <summary>Moves the cursor to an element's start tag: text inside it cannot stand before it.</summary>
    public void Anchor(IElement element)
    {
        if (element.SourceReference?.Position is { } position && position.Position > _cursor && position.Position <= source.Length)
        {
            // AngleSharp counts from 1; the tag's '<' is one before.
            _cursor = Math.Max(_cursor, position.Position - 1);
        }
    }

    /// <summary>The source offset of every character of <paramref name="data"/>; advances the cursor past it.</summary>
    public int[] Align(string data)
    {
        var offsets = new int[data.Length];
        var start = _cursor;
        var i = _cursor;
        var k = 0;
        while (k < data.Length)
        {
            if (i >= source.Length || (k == 0 && i - start > MaxSearchChars))
            {
                // Not found where expected (text the parser moved): place it at the cursor, which stays.
                Array.Fill(offsets, Math.Min(k == 0 ? start : i, Math.Max(source.Length - 1, 0)), k, data.Length - k);
                if (k == 0)
                {
                    return offsets;
                }

                break;
            }

            var c = source[i];
            var d = data[k];
            if (c == '&' && TryEntity(i, data, k, out var decodedLength, out var sourceLength))
            {
                // Tried before a literal match: "&amp;" decodes to the very character it starts with.
                Array.Fill(offsets, i, k, decodedLength);
                k += decodedLength;
                i += sourceLength;
            }
            else if (c == d)
            {
                offsets[k++] = i++;
            }
            else if (c == '\r' && d == '\n')
            {
                offsets[k++] = i;
                i += i + 1 < source.Length && source[i + 1] == '\n' ? 2 : 1;
            }
            else if (c == '<' && SkipMarkup(i) is { } after)
            {
                i = after;
            }
            else if (k == 0)
            {
                // White space the parser dropped, or stray characters before the text.
                i++;
            }
            else
            {
                // A substituted character (NUL becomes U+FFFD): one for one.
                offsets[k++] = i++;
            }
        }

        _cursor = i;
        return offsets;
    }

    /// <summary>An entity at <paramref name="at"/> whose decoded text starts <paramref name="data"/> at <paramref name="k"/>.</summary>
    private bool TryEntity(int at, string data, int k, out int decodedLength, out int sourceLength)
    {
        decodedLength = 0;
        sourceLength = 0;
        var end = at + 1;
        var limit = Math.Min(source.Length, at + MaxEntityLength);
        if (end < limit && source[end] == '#')
        {
            end++;
        }

        while (end < limit && char.IsAsciiLetterOrDigit(source[end]))
        {
            end++;
        }

        if (end == at + 1)
        {
            return false;
        }

        var hasSemicolon = end < source.Length && source[end] == ';';
        var name = source[(at + 1)..end];
        var entity = "&" + name + ";";
        var decoded = WebUtility.HtmlDecode(entity);
        var known = !string.Equals(decoded, entity, StringComparison.Ordinal);
        sourceLength = end - at + (hasSemicolon ? 1 : 0);
        if (known && data.AsSpan(k).StartsWith(decoded, StringComparison.Ordinal))
        {
            decodedLength = decoded.Length;
            return true;
        }

        if (hasSemicolon && !known && data[k] != '&')
        {
            // An HTML5 entity the runtime's table lacks: the parser decoded it to one character (two for a surrogate pair).
            decodedLength = char.IsHighSurrogate(data[k]) && k + 1 < data.Length ? 2 : 1;
            return true;
        }

        return false;
    }

    /// <summary>The offset after a tag, comment, doctype or processing instruction at <paramref name="at"/>; null when '&lt;' starts text.</summary>
    private int? SkipMarkup(int at)
    {
        if (at + 1 >= source.Length)
        {
            return null;
        }

        var next = source[at + 1];
        if (string.CompareOrdinal(source, at, "<!--", 0, 4) == 0)
        {
            var close = source.IndexOf("-->", at + 4, StringComparison.Ordinal);
            return close < 0 ? source.Length : close + 3;
        }

        if (!(char.IsAsciiLetter(next) || next is '/' or '!' or '?'))
        {
            return null;
        }

        char? quote = null;
        for (var i = at + 1; i < source.Length; i++)
        {
            var c = source[i];
            if (quote is not null)
            {
                quote = c == quote ? null : quote;
            }
            else if (c is '"' or '\'' && next is not ('!' or '?') && source[i - 1] == '=')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i + 1;
            }
        }

        return source.Length;
    }
}
