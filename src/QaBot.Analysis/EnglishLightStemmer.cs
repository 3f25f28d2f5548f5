namespace QaBot.Analysis;

/// <summary>
/// A light English stemmer: plurals (Harman's S-stemmer) and -ing/-ed endings, nothing more aggressive,
/// so that "packages" meets "package" without "national" collapsing into "nation".
/// </summary>
public static class EnglishLightStemmer
{
    private static readonly System.Buffers.SearchValues<char> Vowels = System.Buffers.SearchValues.Create("aeiouy");

    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length <= 3 || !IsAsciiLetters(word))
        {
            return word;
        }

        var stem = StripPlural(word);
        if (stem.Length > 5 && stem.EndsWith("ing", StringComparison.Ordinal) && HasVowel(stem.AsSpan(0, stem.Length - 3)))
        {
            return Undouble(stem[..^3]);
        }

        if (stem.Length > 4 && stem.EndsWith("ed", StringComparison.Ordinal) && !stem.EndsWith("eed", StringComparison.Ordinal) && HasVowel(stem.AsSpan(0, stem.Length - 2)))
        {
            return Undouble(stem[..^2]);
        }

        return stem;
    }

    private static string StripPlural(string word)
    {
        // Harman's "-oes" to "-oe" suits shoes and canoes, not the verbs "goes" and "does": those stay whole,
        // because a stem shorter than three letters would break the translation prefilter's contract (VocabularyStems).
        if (word.Length == 4 && word.EndsWith("oes", StringComparison.Ordinal))
        {
            return word;
        }

        if (word.EndsWith("ies", StringComparison.Ordinal) && !word.EndsWith("eies", StringComparison.Ordinal) && !word.EndsWith("aies", StringComparison.Ordinal))
        {
            return word[..^3] + "y";
        }

        if (word.EndsWith("es", StringComparison.Ordinal) && !word.EndsWith("aes", StringComparison.Ordinal) && !word.EndsWith("ees", StringComparison.Ordinal) && !word.EndsWith("oes", StringComparison.Ordinal))
        {
            return word[..^1];
        }

        if (word.EndsWith('s') && !word.EndsWith("us", StringComparison.Ordinal) && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("is", StringComparison.Ordinal))
        {
            return word[..^1];
        }

        return word;
    }

    private static string Undouble(string stem) =>
        stem.Length > 3 && stem[^1] == stem[^2] && !"aeiouls".Contains(stem[^1], StringComparison.Ordinal) ? stem[..^1] : stem;

    private static bool HasVowel(ReadOnlySpan<char> text) => text.IndexOfAny(Vowels) >= 0;

    private static bool IsAsciiLetters(string word)
    {
        foreach (var c in word)
        {
            if (c is < 'a' or > 'z')
            {
                return false;
            }
        }

        return true;
    }
}
