using System.Globalization;
using System.Text;
using QaBot.Core;

namespace QaBot.Ingestion.Cleaning;

/// <summary>
/// Normalizes the text of one block: Unicode NFC, no zero-width or control characters, no U+FFFD left
/// by a corrupt byte, no converter pinyin, and every whitespace run collapsed to one space. A line break
/// between two Chinese characters is dropped instead, since Chinese has no spaces between words. Code
/// keeps its white space and line breaks. Each kept character keeps its source position.
/// </summary>
internal static class TextNormalizer
{
    public static string Normalize(string raw) => Normalize(raw, null, keepWhiteSpace: false).Text;

    /// <summary>Normalizes a block's text and carries its <see cref="TextBlock.Positions"/> along.</summary>
    public static TextBlock Normalize(TextBlock block)
    {
        var (text, positions) = Normalize(block.Text, block.Positions, block.Kind == BlockKind.Code);
        return block with { Text = text, Positions = positions };
    }

    private static (string Text, IReadOnlyList<SourcePosition>? Positions) Normalize(
        string raw, IReadOnlyList<SourcePosition>? positions, bool keepWhiteSpace)
    {
        var (text, map) = ComposeNfc(raw, positions);
        (text, map) = PinyinAnnotationRemover.Remove(text, map);
        return keepWhiteSpace ? CleanCode(text, map) : Collapse(text, map);
    }

    /// <summary>NFC, composed run by run (a base character and the marks after it) so each run keeps its base's position.</summary>
    private static (string, IReadOnlyList<SourcePosition>?) ComposeNfc(string raw, IReadOnlyList<SourcePosition>? positions)
    {
        if (raw.IsNormalized(NormalizationForm.FormC))
        {
            return (raw, positions);
        }

        if (positions is null)
        {
            return (raw.Normalize(NormalizationForm.FormC), null);
        }

        var builder = new StringBuilder(raw.Length);
        var map = new List<SourcePosition>(raw.Length);
        var start = 0;
        while (start < raw.Length)
        {
            var end = start + 1;
            while (end < raw.Length && IsMark(raw[end]))
            {
                end++;
            }

            var run = raw[start..end];
            var composed = run.IsNormalized(NormalizationForm.FormC) ? run : run.Normalize(NormalizationForm.FormC);
            builder.Append(composed);
            map.AddRange(Enumerable.Repeat(positions[start], composed.Length));
            start = end;
        }

        return (builder.ToString(), map);
    }

    private static (string, IReadOnlyList<SourcePosition>?) Collapse(string text, IReadOnlyList<SourcePosition>? positions)
    {
        var builder = new StringBuilder(text.Length);
        var map = positions is null ? null : new List<SourcePosition>(text.Length);
        var pendingSpace = -1;
        var pendingBreak = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsInvisible(c))
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = pendingSpace < 0 ? i : pendingSpace;
                pendingBreak |= c is '\n' or '\r';
                continue;
            }

            if (char.IsControl(c) || c == '\uFFFD')
            {
                continue;
            }

            if (pendingSpace >= 0 && builder.Length > 0)
            {
                var joinsChinese = pendingBreak && IsChinese(builder[^1]) && IsChinese(c);
                if (!joinsChinese)
                {
                    builder.Append(' ');
                    map?.Add(positions![pendingSpace]);
                }
            }

            pendingSpace = -1;
            pendingBreak = false;
            builder.Append(c);
            map?.Add(positions![i]);
        }

        return (builder.ToString(), map);
    }

    /// <summary>Code keeps spaces, tabs and line breaks; only invisible and control characters go, and blank lines at either end.</summary>
    private static (string, IReadOnlyList<SourcePosition>?) CleanCode(string text, IReadOnlyList<SourcePosition>? positions)
    {
        var builder = new StringBuilder(text.Length);
        var map = positions is null ? null : new List<SourcePosition>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue;
            }

            if (IsInvisible(c) || c == '\uFFFD' || (char.IsControl(c) && c is not ('\n' or '\t' or '\r')))
            {
                continue;
            }

            builder.Append(c == '\r' ? '\n' : c);
            map?.Add(positions![i]);
        }

        var end = builder.Length;
        while (end > 0 && char.IsWhiteSpace(builder[end - 1]))
        {
            end--;
        }

        var start = 0;
        for (var i = 0; i < end && char.IsWhiteSpace(builder[i]); i++)
        {
            if (builder[i] == '\n')
            {
                start = i + 1;
            }
        }

        var cleaned = builder.ToString(start, end - start);
        return (cleaned, map?.GetRange(start, end - start));
    }

    /// <summary>True for CJK ideographs and the CJK punctuation between them.</summary>
    public static bool IsChinese(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF')
            or (>= '\u3000' and <= '\u303F') or (>= '\uFF00' and <= '\uFF0F') or (>= '\uFF1A' and <= '\uFF20');

    /// <summary>True for CJK ideographs only.</summary>
    public static bool IsIdeograph(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF');

    private static bool IsMark(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private static bool IsInvisible(char c) =>
        c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD' or '\u180E'
        || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format && c is >= '\u200E' and <= '\u206F';
}
