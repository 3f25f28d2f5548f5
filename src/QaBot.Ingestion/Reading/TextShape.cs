namespace QaBot.Ingestion.Reading;

/// <summary>Shape tests on a line of text shared by the title, heading and boilerplate rules.</summary>
internal static class TextShape
{
    /// <summary>Longest title, in characters (Chinese characters count double).</summary>
    public const int MaxTitleWidth = 200;

    /// <summary>Longest heading, in characters (Chinese characters count double).</summary>
    public const int MaxHeadingWidth = 120;

    private const string SentenceEnds = ".。!！;；:：,，、…";
    private const string ClosingQuotes = "\"'”’」』)）】》»";

    /// <summary>True when the line ends like a sentence (a question mark does not count; titles may ask).</summary>
    public static bool EndsSentence(string text)
    {
        var trimmed = text.TrimEnd().TrimEnd(ClosingQuotes.ToCharArray());
        return trimmed.Length > 0 && SentenceEnds.Contains(trimmed[^1], StringComparison.Ordinal);
    }

    /// <summary>True when the line ends with a question mark.</summary>
    public static bool EndsQuestion(string text)
    {
        var trimmed = text.TrimEnd().TrimEnd(ClosingQuotes.ToCharArray());
        return trimmed.Length > 0 && trimmed[^1] is '?' or '？';
    }

    /// <summary>Display width: Chinese characters count as two, as they carry about two letters' worth.</summary>
    public static int Width(string text)
    {
        var width = 0;
        foreach (var c in text)
        {
            width += c >= '\u2E80' && c <= '\uFFEF' ? 2 : 1;
        }

        return width;
    }

    public static bool HasLetter(string text) => text.Any(char.IsLetter);

    /// <summary>Short, with a letter and without sentence-final punctuation: a title or a heading.</summary>
    public static bool LooksLikeTitle(string text) =>
        Width(text) <= MaxTitleWidth && HasLetter(text) && !EndsSentence(text);

    /// <summary>Like a title but shorter and not a question.</summary>
    public static bool LooksLikeHeading(string text) =>
        Width(text) <= MaxHeadingWidth && HasLetter(text) && !EndsSentence(text) && !EndsQuestion(text);
}
