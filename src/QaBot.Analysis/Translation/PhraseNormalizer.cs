namespace QaBot.Analysis.Translation;

/// <summary>Turns dictionary phrases and question words into lookup keys.</summary>
internal static class PhraseNormalizer
{
    private static readonly string[] EnglishLeadingWords = ["to ", "a ", "an ", "the "];
    private static readonly string[] GermanLeadingWords = ["der ", "die ", "das ", "ein ", "eine ", "sich "];
    private static readonly HashSet<string> GermanPlaceholders =
        new(["etw.", "jdn.", "jdm.", "jds.", "jd.", "etw", "jdn", "jdm", "jds", "jd", "o.ä.", "u.a."], StringComparer.Ordinal);

    // Ding writes English verbs with their objects' placeholders ("to remove sth.", "to install sb"); a question
    // says "remove", so the key and the translation must not carry them.
    private static readonly HashSet<string> EnglishPlaceholders =
        new(["sth", "sth.", "sb", "sb.", "sb/sth", "sth/sb", "sb./sth.", "sth./sb.", "sb's", "sth's", "oneself", "yourself"], StringComparer.Ordinal);

    private static readonly char[] EdgePunctuation = [' ', '.', ',', '!', '?', ';', ':', '"', '\'', '“', '”', '„', '‘', '’', '«', '»', '…', '-'];

    /// <summary>The lookup key of <paramref name="phrase"/> in <paramref name="language"/>; empty when nothing is left.</summary>
    public static string Normalize(string phrase, string language)
    {
        if (language == Languages.Chinese)
        {
            return string.Concat(phrase.Where(c => !char.IsWhiteSpace(c)));
        }

        var lower = phrase.ToLowerInvariant();
        if (language == Languages.English && lower.Contains('-', StringComparison.Ordinal))
        {
            // CC-CEDICT writes "out of date" where Ding writes "out-of-date": one key, so either dictionary's English
            // meets the other's (the German–Chinese pivot goes through these keys).
            lower = lower.Replace('-', ' ');
        }

        var text = AnnotationStripper.CollapseWhitespace(lower).Trim(EdgePunctuation);
        var placeholders = language == Languages.German ? GermanPlaceholders : EnglishPlaceholders;
        if (text.Contains(' ', StringComparison.Ordinal))
        {
            text = string.Join(' ', text.Split(' ').Where(word => !placeholders.Contains(word)));
        }

        var leading = language == Languages.English ? EnglishLeadingWords : GermanLeadingWords;
        foreach (var word in leading)
        {
            if (text.StartsWith(word, StringComparison.Ordinal) && text.Length > word.Length)
            {
                text = text[word.Length..];
                break;
            }
        }

        return text.Trim(EdgePunctuation);
    }

    /// <summary>Number of space-separated words; a Chinese key counts as one.</summary>
    public static int WordCount(string key) => key.Length == 0 ? 0 : key.Count(c => c == ' ') + 1;
}
