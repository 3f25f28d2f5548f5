namespace QaBot.Analysis.Translation;

/// <summary>Character classes the translation component needs for Chinese text.</summary>
internal static class ChineseText
{
    /// <summary>Whether <paramref name="c"/> is a CJK ideograph (unified, extension A, or compatibility).</summary>
    public static bool IsHan(char c) =>
        c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf' or >= '\uf900' and <= '\ufaff';
}
