namespace QaBot.Analysis;

/// <summary>
/// Tells English, German and Chinese apart by script and by common function words. Good enough for
/// chunks and questions, which is all it is used for.
/// </summary>
public static class LanguageDetector
{
    private static readonly System.Buffers.SearchValues<char> GermanLetters = System.Buffers.SearchValues.Create("äöüßÄÖÜ");

    private static readonly HashSet<string> EnglishMarkers = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "and", "of", "to", "is", "in", "that", "for", "with", "are", "was", "this", "by", "on", "it", "how", "what", "which", "why", "does", "did", "from", "were", "many", "much",
    };

    private static readonly HashSet<string> GermanMarkers = new(StringComparer.OrdinalIgnoreCase)
    {
        "der", "die", "das", "und", "ist", "zu", "den", "von", "mit", "sich", "des", "auf", "für", "nicht", "ein", "eine", "dem", "im", "sind", "wird", "werden", "auch", "wie", "warum", "was", "welche", "welcher", "laut", "ihre", "über", "bei", "wurde",
    };

    public static string Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var han = 0;
        var latinWords = 0;
        var english = 0;
        var german = 0;
        var hasGermanLetters = false;
        foreach (var token in Tokenizer.Tokenize(text, Languages.English))
        {
            switch (token.Kind)
            {
                case TokenKind.Han:
                    han += token.Text.Length;
                    break;
                case TokenKind.Word:
                    latinWords++;
                    if (EnglishMarkers.Contains(token.Text))
                    {
                        english++;
                    }

                    if (GermanMarkers.Contains(token.Text))
                    {
                        german++;
                    }

                    hasGermanLetters |= token.Text.AsSpan().IndexOfAny(GermanLetters) >= 0;
                    break;
            }
        }

        // A Han character carries about as much as a Latin word, so compare counts directly.
        if (han > 0 && han >= latinWords)
        {
            return Languages.Chinese;
        }

        if (german > english || (german == english && german > 0 && hasGermanLetters) || (english == 0 && german == 0 && hasGermanLetters))
        {
            return Languages.German;
        }

        return Languages.English;
    }
}
