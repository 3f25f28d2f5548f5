using System.Text;

namespace QaBot.Analysis.Translation;

/// <summary>Removes bracketed notes (<c>{f}</c>, <c>[Br.]</c>, <c>(...)</c>, <c>&lt;...&gt;</c>) from dictionary text.</summary>
internal static class AnnotationStripper
{
    /// <summary>The text without bracketed notes (nesting allowed), whitespace collapsed.</summary>
    public static string Strip(string text)
    {
        var builder = new StringBuilder(text.Length);
        var depth = 0;
        foreach (var c in text)
        {
            if (IsOpening(c))
            {
                depth++;
            }
            else if (IsClosing(c))
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0)
            {
                builder.Append(c);
            }
        }

        return CollapseWhitespace(builder.ToString());
    }

    /// <summary>
    /// The parts of <paramref name="text"/> between separators outside brackets: a note may hold the separator
    /// itself (Ding's "nach {prp; +Dat.}; hinter {prp; +Dat.}" has two synonyms, not four).
    /// </summary>
    public static IEnumerable<string> SplitOutsideNotes(string text, char separator)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsOpening(c))
            {
                depth++;
            }
            else if (IsClosing(c))
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (c == separator && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        yield return text[start..];
    }

    private static bool IsOpening(char c) => c is '{' or '[' or '(' or '<';

    private static bool IsClosing(char c) => c is '}' or ']' or ')' or '>';

    /// <summary>Trims and turns every run of whitespace into one space.</summary>
    public static string CollapseWhitespace(string text)
    {
        if (IsCollapsed(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static bool IsCollapsed(string text)
    {
        if (text.Length > 0 && (text[0] == ' ' || text[^1] == ' '))
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) && (c != ' ' || text[i - 1] == ' '))
            {
                return false;
            }
        }

        return true;
    }
}
