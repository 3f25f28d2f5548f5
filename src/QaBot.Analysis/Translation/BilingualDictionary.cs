using System.Diagnostics.CodeAnalysis;

namespace QaBot.Analysis.Translation;

/// <summary>
/// English–Chinese (CC-CEDICT, glosses inverted), English–German (Ding) and the glossary in one compact lookup
/// structure; German–Chinese goes through English. Keys are normalized phrases of up to
/// <see cref="MaxPhraseWords"/> words (Simplified characters for Chinese).
/// </summary>
[SuppressMessage(
    "Naming",
    "CA1711:Identifiers should not have incorrect suffix",
    Justification = "A bilingual dictionary in the lexicographic sense, not a key/value collection type; the name is the domain term.")]
public sealed class BilingualDictionary
{
    /// <summary>Longest English or German key, in words.</summary>
    public const int MaxPhraseWords = 4;

    // How many English pivots, and how many of their translations, German–Chinese lookups follow.
    private const int PivotFanOut = 6;
    private const int PivotTargets = 4;

    private readonly Dictionary<(string From, string To), Dictionary<string, DictionaryCandidate[]>> _pairs;

    private BilingualDictionary(Dictionary<(string From, string To), Dictionary<string, DictionaryCandidate[]>> pairs) =>
        _pairs = pairs;

    /// <summary>Builds the dictionary from parsed entries; glossary entries rank before dictionary ones.</summary>
    public static BilingualDictionary Create(
        IEnumerable<CedictEntry> cedict,
        IEnumerable<DingEntry> ding,
        IEnumerable<GlossaryEntry> glossary)
    {
        ArgumentNullException.ThrowIfNull(cedict);
        ArgumentNullException.ThrowIfNull(ding);
        ArgumentNullException.ThrowIfNull(glossary);
        var accumulator = new CandidateAccumulator();
        foreach (var entry in glossary)
        {
            accumulator.AddGlossary(entry);
        }

        foreach (var entry in cedict)
        {
            accumulator.AddCedict(entry);
        }

        foreach (var entry in ding)
        {
            accumulator.AddDing(entry);
        }

        return new BilingualDictionary(accumulator.Freeze());
    }

    /// <summary>Number of keys translated from <paramref name="fromLanguage"/> to <paramref name="toLanguage"/> directly (no pivot).</summary>
    public int DirectKeyCount(string fromLanguage, string toLanguage) =>
        _pairs.TryGetValue((fromLanguage, toLanguage), out var map) ? map.Count : 0;

    /// <summary>Every key that has a translation out of <paramref name="language"/>, each once.</summary>
    public IEnumerable<string> SourcePhrases(string language)
    {
        TranslationLanguages.ThrowIfUnsupported(language, nameof(language));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ((from, _), map) in _pairs)
        {
            if (from != language)
            {
                continue;
            }

            foreach (var key in map.Keys)
            {
                if (seen.Add(key))
                {
                    yield return key;
                }
            }
        }
    }

    /// <summary>
    /// Translations of <paramref name="phrase"/>, best first. When the surface form is not a key, base forms of its
    /// last word (plurals, -ing, -ed; German endings) are tried.
    /// </summary>
    public IReadOnlyList<DictionaryCandidate> Lookup(string phrase, string fromLanguage, string toLanguage)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var key = PhraseNormalizer.Normalize(phrase, fromLanguage);
        var candidates = LookupKey(key, fromLanguage, toLanguage);
        if (candidates.Count > 0)
        {
            return candidates;
        }

        foreach (var variant in InflectionFallback.Variants(key, fromLanguage))
        {
            candidates = LookupKey(variant, fromLanguage, toLanguage);
            if (candidates.Count > 0)
            {
                return candidates;
            }
        }

        return [];
    }

    /// <summary>Translations of an already normalized key, best first, with no inflection fallback.</summary>
    public IReadOnlyList<DictionaryCandidate> LookupKey(string key, string fromLanguage, string toLanguage)
    {
        ArgumentNullException.ThrowIfNull(key);
        TranslationLanguages.ThrowIfUnsupported(fromLanguage, nameof(fromLanguage));
        TranslationLanguages.ThrowIfUnsupported(toLanguage, nameof(toLanguage));
        if (fromLanguage == toLanguage || key.Length == 0)
        {
            return [];
        }

        var direct = Direct(key, fromLanguage, toLanguage);
        if (fromLanguage == TranslationLanguages.English || toLanguage == TranslationLanguages.English)
        {
            return direct;
        }

        return MergeWithPivot(key, fromLanguage, toLanguage, direct);
    }

    private DictionaryCandidate[] Direct(string key, string fromLanguage, string toLanguage) =>
        _pairs.TryGetValue((fromLanguage, toLanguage), out var map) && map.TryGetValue(key, out var candidates)
            ? candidates
            : [];

    private DictionaryCandidate[] MergeWithPivot(string key, string fromLanguage, string toLanguage, DictionaryCandidate[] direct)
    {
        var best = new Dictionary<string, DictionaryCandidate>(StringComparer.Ordinal);
        foreach (var candidate in direct)
        {
            best.TryAdd(candidate.Text, candidate);
        }

        foreach (var pivot in Direct(key, fromLanguage, TranslationLanguages.English).Take(PivotFanOut))
        {
            foreach (var target in Direct(pivot.Text, TranslationLanguages.English, toLanguage).Take(PivotTargets))
            {
                var combined = new DictionaryCandidate(
                    target.Text,
                    pivot.Rank + target.Rank,
                    pivot.FromGlossary && target.FromGlossary);
                if (!best.TryGetValue(target.Text, out var existing) || combined.Rank < existing.Rank)
                {
                    best[target.Text] = combined;
                }
            }
        }

        return [.. best.Values.OrderByDescending(c => c.FromGlossary).ThenBy(c => c.Rank).ThenBy(c => c.Text, StringComparer.Ordinal)];
    }
}
