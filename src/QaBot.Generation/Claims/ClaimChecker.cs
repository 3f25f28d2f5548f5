using System.Text.RegularExpressions;
using QaBot.Analysis;
using QaBot.Analysis.Translation;
using QaBot.Core;

namespace QaBot.Generation.Claims;

/// <summary>What the claim check found in one sentence.</summary>
/// <param name="Missing">The sentence's numbers, months and names that no passage it cites holds; empty when verified.</param>
public sealed record SentenceCheck(bool HasClaims, IReadOnlyList<string> Missing)
{
    public bool IsVerified => Missing.Count == 0;
}

/// <summary>
/// Checks a model's sentence claim by claim against the passages it cites: every number (by value, whatever its
/// language writes: 1.2 billion = 1,2 Mrd. = 12亿), every month of a date and every name must occur in one of them.
/// A name may occur as written (case and script folded) or as one of its translations in the collection's table
/// (a Latin name in a Chinese passage written in Chinese characters).
/// </summary>
public sealed partial class ClaimChecker(TextAnalyzer analyzer)
{
    private const double RelativeTolerance = 1e-6;

    public SentenceCheck Check(string sentence, IReadOnlyList<RetrievedPassage> cited, TranslationTable? table)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(cited);
        var text = Markers().Replace(sentence, string.Empty);
        var language = TextAnalyzer.DetectLanguage(text);
        var numbers = ClaimReader.Numbers(text, language);
        var months = ClaimReader.Months(text);
        var names = ClaimReader.Names(text, language, table is null ? null : word => IsDictionaryWord(table, word, language));
        if (numbers.Count == 0 && months.Count == 0 && names.Count == 0)
        {
            return new SentenceCheck(false, []);
        }

        var passageValues = cited.SelectMany(p => ClaimReader.Numbers(p.Chunk.Text, p.Chunk.Language, withBare: true)).SelectMany(n => n.Values).ToList();
        var passageMonths = cited.SelectMany(p => ClaimReader.Months(p.Chunk.Text)).ToHashSet();
        var folded = cited.Select(p => (Text: analyzer.Fold(p.Chunk.Text), p.Chunk.Language)).ToList();
        var missing = new List<string>();
        missing.AddRange(numbers.Where(n => !n.Values.Any(v => passageValues.Any(p => Same(v, p)))).Select(n => n.Text));
        missing.AddRange(months.Where(m => !passageMonths.Contains(m)).Select(m => ((System.Globalization.DateTimeFormatInfo.InvariantInfo.GetMonthName(m)))));
        missing.AddRange(names.Where(name => !folded.Any(p => Holds(p.Text, p.Language, name, language, table))));
        return new SentenceCheck(true, missing);
    }

    private bool Holds(string foldedPassage, string passageLanguage, string name, string nameLanguage, TranslationTable? table)
    {
        if (Contains(foldedPassage, analyzer.Fold(name)))
        {
            return true;
        }

        if (table is null || passageLanguage == nameLanguage || !Languages.IsKnown(nameLanguage) || !Languages.IsKnown(passageLanguage)
            || !table.CollectionLanguages.Contains(passageLanguage))
        {
            return false;
        }

        return table.Translate(name, nameLanguage, passageLanguage).Phrases
            .SelectMany(p => p.Candidates)
            .Any(candidate => Contains(foldedPassage, analyzer.Fold(candidate)));
    }

    /// <summary>A Latin word only as a whole word ("Rust" is not in "trusted"); Chinese anywhere.</summary>
    private static bool Contains(string haystack, string needle)
    {
        if (needle.Length == 0)
        {
            return false;
        }

        var start = 0;
        while ((start = haystack.IndexOf(needle, start, StringComparison.Ordinal)) >= 0)
        {
            var end = start + needle.Length;
            var before = start == 0 || !IsLatinWordChar(haystack[start - 1]) || !IsLatinWordChar(needle[0]);
            var after = end == haystack.Length || !IsLatinWordChar(haystack[end]) || !IsLatinWordChar(needle[^1]);
            if (before && after)
            {
                return true;
            }

            start++;
        }

        return false;
    }

    private static bool IsLatinWordChar(char c) => c < 0x3000 && char.IsLetterOrDigit(c);

    private static bool IsDictionaryWord(TranslationTable table, string word, string language) =>
        language != Languages.English && Languages.IsKnown(language)
        && table.Translate(word, language, Languages.English).Phrases.Any(p => p.Kind == PhraseTranslationKind.Translated);

    private static bool Same(double a, double b) => Math.Abs(a - b) <= RelativeTolerance * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));

    [GeneratedRegex(@"\s?\[\d{1,3}\]")]
    private static partial Regex Markers();
}
