using System.Globalization;
using System.Text;

namespace QaBot.Core;

/// <summary>
/// Makes untrusted text (a file name, a heading) safe to print on one terminal line: control characters are
/// shown as escapes (<c>\n</c>, <c>\x1b</c>), so a name holding a newline cannot forge a line of output and
/// one holding ESC cannot move the cursor or recolour the terminal.
/// </summary>
public static class DisplayText
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(NeedsEscape))
        {
            return text ?? string.Empty;
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case var other when NeedsEscape(other):
                    builder.Append(other <= 0xFF ? string.Create(CultureInfo.InvariantCulture, $"\\x{(int)other:x2}") : string.Create(CultureInfo.InvariantCulture, $"\\u{(int)other:x4}"));
                    break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }

    // Besides C0/C1 controls: line and paragraph separators break a line, bidirectional overrides reorder it.
    private static bool NeedsEscape(char c) =>
        char.IsControl(c) || c is '\u2028' or '\u2029' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
