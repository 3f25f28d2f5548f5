namespace QaBot.Analysis.Translation;

/// <summary>
/// Candidate base forms of a phrase's last word (English plurals, -ing, -ed; common German endings), tried only
/// when the surface form is not a key. Over-generation is harmless: a variant is used only if it is a key.
/// </summary>
internal static class InflectionFallback
{
    private static readonly string[] GermanEndings = ["ern", "en", "er", "es", "em", "e", "n", "s"];

    /// <summary>Variants of <paramref name="key"/> with its last word reduced, most likely first.</summary>
    public static IEnumerable<string> Variants(string key, string language)
    {
        var space = key.LastIndexOf(' ');
        var prefix = space < 0 ? string.Empty : key[..(space + 1)];
        var word = key[(space + 1)..];
        var variants = language switch
        {
            Languages.English => EnglishVariants(word),
            Languages.German => GermanVariants(word),
            _ => [],
        };
        foreach (var variant in variants.Distinct(StringComparer.Ordinal))
        {
            if (variant.Length > 1 && variant != word)
            {
                yield return prefix + variant;
            }
        }
    }

    private static IEnumerable<string> EnglishVariants(string word)
    {
        if (word.Length < 4)
        {
            yield break;
        }

        if (word.EndsWith("ies", StringComparison.Ordinal))
        {
            yield return word[..^3] + "y";
        }

        if (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal))
        {
            yield return word[..^1];
            if (word.EndsWith("es", StringComparison.Ordinal))
            {
                yield return word[..^2];
            }
        }

        if (word.EndsWith("ing", StringComparison.Ordinal) && word.Length > 5)
        {
            var stem = word[..^3];
            yield return stem;
            yield return stem + "e";
            if (stem[^1] == stem[^2])
            {
                yield return stem[..^1];
            }
        }

        if (word.EndsWith("ed", StringComparison.Ordinal) && word.Length > 4)
        {
            if (word.EndsWith("ied", StringComparison.Ordinal))
            {
                yield return word[..^3] + "y";
            }

            yield return word[..^1];
            var stem = word[..^2];
            yield return stem;
            if (stem[^1] == stem[^2])
            {
                yield return stem[..^1];
            }
        }
    }

    private static IEnumerable<string> GermanVariants(string word)
    {
        // Verb forms a question uses: "prüfe ich" (prüfen), "aktiviert ist" (aktivieren), "melde mich" (melden).
        if (word.Length >= 5 && word.EndsWith("iert", StringComparison.Ordinal))
        {
            yield return word[..^1] + "en";
        }

        if (word.Length >= 4 && word.EndsWith('e'))
        {
            yield return word + "n";
        }

        foreach (var ending in GermanEndings)
        {
            if (word.Length - ending.Length >= 3 && word.EndsWith(ending, StringComparison.Ordinal))
            {
                yield return word[..^ending.Length];
            }
        }
    }
}
