using System.Globalization;
using System.Text;

namespace QaBot.Ingestion.Cleaning;

/// <summary>
/// Normalizes the text of one block: Unicode NFC, no zero-width or control characters, no U+FFFD left
/// by a corrupt byte, no converter
/// pinyin, and every whitespace run collapsed to one space. A line break between two Chinese
/// characters is dropped instead, since Chinese has no spaces between words.
/// </summary>
internal static class TextNormalizer
{
    public static string Normalize(string raw)
    {
        var text = raw.IsNormalized(NormalizationForm.FormC) ? raw : raw.Normalize(NormalizationForm.FormC);
        text = PinyinAnnotationRemover.Remove(text);

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        var pendingBreak = false;
        foreach (var c in text)
        {
            if (IsInvisible(c))
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                pendingBreak |= c is '\n' or '\r';
                continue;
            }

            if (char.IsControl(c) || c == '\uFFFD')
            {
                continue;
            }

            if (pendingSpace && builder.Length > 0)
            {
                var joinsChinese = pendingBreak && IsChinese(builder[^1]) && IsChinese(c);
                if (!joinsChinese)
                {
                    builder.Append(' ');
                }
            }

            pendingSpace = false;
            pendingBreak = false;
            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>True for CJK ideographs and the CJK punctuation between them.</summary>
    public static bool IsChinese(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF')
            or (>= '\u3000' and <= '\u303F') or (>= '\uFF00' and <= '\uFF0F') or (>= '\uFF1A' and <= '\uFF20');

    /// <summary>True for CJK ideographs only.</summary>
    public static bool IsIdeograph(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF');

    private static bool IsInvisible(char c) =>
        c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD' or '\u180E'
        || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format && c is >= '\u200E' and <= '\u206F';
}
