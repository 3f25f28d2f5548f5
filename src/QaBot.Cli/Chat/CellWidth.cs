using System.Globalization;
using System.Text;

namespace QaBot.Cli.Chat;

/// <summary>
/// How many terminal columns a character takes: two for East Asian wide and fullwidth characters (CJK, Hangul,
/// fullwidth forms, most emoji), none for combining marks and format characters, one otherwise — the ranges of
/// the usual wcwidth, which .NET does not expose.
/// </summary>
public static class CellWidth
{
    public static int Of(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
        {
            return 0;
        }

        var c = rune.Value;
        var wide = c is (>= 0x1100 and <= 0x115F) or 0x2329 or 0x232A
            or (>= 0x2E80 and <= 0xA4CF and not 0x303F)
            or (>= 0xAC00 and <= 0xD7A3)
            or (>= 0xF900 and <= 0xFAFF)
            or (>= 0xFE10 and <= 0xFE19)
            or (>= 0xFE30 and <= 0xFE6F)
            or (>= 0xFF00 and <= 0xFF60)
            or (>= 0xFFE0 and <= 0xFFE6)
            or (>= 0x1F300 and <= 0x1F64F)
            or (>= 0x1F900 and <= 0x1F9FF)
            or (>= 0x20000 and <= 0x3FFFD);
        return wide ? 2 : 1;
    }

    public static int Of(IEnumerable<Rune> runes) => runes.Sum(Of);
}
