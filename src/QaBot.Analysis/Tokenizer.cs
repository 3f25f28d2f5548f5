using System.Globalization;
using System.Text;

namespace QaBot.Analysis;

/// <summary>
/// Splits folded text into words, numbers and runs of Han ideographs. Numbers are kept whole:
/// "125,000" (or German "125.000") becomes "125000", and a decimal comma becomes a point.
/// </summary>
public static class Tokenizer
{
    public static IEnumerable<Token> Tokenize(string text, string language)
    {
        ArgumentNullException.ThrowIfNull(text);
        var groupSeparator = language == Languages.German ? '.' : ',';
        var decimalSeparator = language == Languages.German ? ',' : '.';
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsHan(text, i))
            {
                var start = i;
                while (i < text.Length && IsHan(text, i))
                {
                    i += char.IsSurrogate(text[i]) ? 2 : 1;
                }

                yield return new Token(TokenKind.Han, text[start..i]);
            }
            else if (char.IsAsciiDigit(c))
            {
                yield return ReadNumberOrWord(text, ref i, groupSeparator, decimalSeparator);
            }
            else if (IsWordCharacter(text, i))
            {
                var start = i;
                while (i < text.Length && IsWordCharacter(text, i) && !IsHan(text, i))
                {
                    i += char.IsSurrogate(text[i]) ? 2 : 1;
                }

                yield return new Token(TokenKind.Word, text[start..i]);
            }
            else
            {
                i++;
            }
        }
    }

    private static Token ReadNumberOrWord(string text, ref int i, char groupSeparator, char decimalSeparator)
    {
        var builder = new StringBuilder();
        var hasDecimal = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                builder.Append(c);
                i++;
            }
            else if (c == groupSeparator && !hasDecimal && IsDigitGroup(text, i + 1))
            {
                i++; // a thousands separator: drop it, keep the number whole
            }
            else if (c == decimalSeparator && !hasDecimal && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            {
                builder.Append('.');
                hasDecimal = true;
                i++;
            }
            else
            {
                break;
            }
        }

        // Letters glued to digits ("g1", "4k", "2021waic") stay one word.
        if (!hasDecimal && i < text.Length && IsWordCharacter(text, i) && !IsHan(text, i))
        {
            while (i < text.Length && IsWordCharacter(text, i) && !IsHan(text, i))
            {
                builder.Append(text[i]);
                i++;
            }

            return new Token(TokenKind.Word, builder.ToString());
        }

        return new Token(TokenKind.Number, builder.ToString());
    }

    /// <summary>Exactly three digits follow, and no fourth: a thousands group.</summary>
    private static bool IsDigitGroup(string text, int start) =>
        start + 3 <= text.Length
        && char.IsAsciiDigit(text[start]) && char.IsAsciiDigit(text[start + 1]) && char.IsAsciiDigit(text[start + 2])
        && (start + 3 == text.Length || !char.IsAsciiDigit(text[start + 3]));

    private static bool IsWordCharacter(string text, int index) => IsWordCategory(CharUnicodeInfo.GetUnicodeCategory(text, index));

    /// <summary>Whether characters of the category belong to a word: letters, digits and marks.</summary>
    internal static bool IsWordCategory(UnicodeCategory category) =>
        category is UnicodeCategory.LowercaseLetter or UnicodeCategory.UppercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    /// <summary>Han ideographs: the CJK unified blocks, their extensions and compatibility ideographs.</summary>
    public static bool IsHan(string text, int index)
    {
        var c = text[index];
        if (char.IsHighSurrogate(c) && index + 1 < text.Length)
        {
            var codePoint = char.ConvertToUtf32(c, text[index + 1]);
            return codePoint is >= 0x20000 and <= 0x3134F;
        }

        return IsHan(c);
    }

    /// <summary>A Han ideograph of the basic plane (see <see cref="IsHan(string, int)"/>).</summary>
    public static bool IsHan(char c) =>
        c is (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF') or '\u3007';
}
