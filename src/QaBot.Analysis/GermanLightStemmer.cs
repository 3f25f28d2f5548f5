namespace QaBot.Analysis;

/// <summary>
/// A light German stemmer after Savoy's: umlauts folded, then one common inflection ending removed
/// (-ern, -em/-en/-er/-es, -e, -s after a consonant that allows it), then a stacked -en/-er. Compounds are left whole.
/// </summary>
public static class GermanLightStemmer
{
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var stem = FoldUmlauts(word);
        stem = RemoveInflection(stem);
        // A second, narrower pass catches stacked endings such as "-ens" (unternehmens -> unternehm).
        if (stem.Length > 5 && (stem.EndsWith("en", StringComparison.Ordinal) || stem.EndsWith("er", StringComparison.Ordinal)))
        {
            stem = stem[..^2];
        }

        return stem;
    }

    private static string RemoveInflection(string word)
    {
        if (word.Length > 5 && word.EndsWith("ern", StringComparison.Ordinal))
        {
            return RemoveGenitiveS(word[..^3]);
        }

        if (word.Length > 4 && (word.EndsWith("em", StringComparison.Ordinal) || word.EndsWith("en", StringComparison.Ordinal)
            || word.EndsWith("er", StringComparison.Ordinal) || word.EndsWith("es", StringComparison.Ordinal)))
        {
            return RemoveGenitiveS(word[..^2]);
        }

        if (word.Length > 3 && word.EndsWith('e'))
        {
            return RemoveGenitiveS(word[..^1]);
        }

        return RemoveGenitiveS(word);
    }

    // A final s after these consonants is taken as the genitive -s ("Kurs" is stemmed "kur"); the same rule
    // runs after a plural or case ending is removed, so "Kurse" and "Kursen" meet "Kurs" at "kur" too.
    private static string RemoveGenitiveS(string word) =>
        word.Length > 3 && word.EndsWith('s') && "bdfghklmnrt".Contains(word[^2], StringComparison.Ordinal) ? word[..^1] : word;

    /// <summary>ä, ö, ü become a, o, u (ß is already ss after case folding).</summary>
    public static string FoldUmlauts(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.AsSpan().IndexOfAny("äöü") < 0)
        {
            return word;
        }

        return string.Create(word.Length, word, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] switch
                {
                    'ä' => 'a',
                    'ö' => 'o',
                    'ü' => 'u',
                    var c => c,
                };
            }
        });
    }
}
