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
    internal const int PivotFanOut = 6;
    internal const int PivotTargets = 4;

    private static readonly Dictionary<string, DictionaryCandidate[]> NoGlossary = new(StringComparer.Ordinal);

    private readonly Dictionary<(string From, string To), Dictionary<string, DictionaryCandidate[]>> _glossary;

    private BilingualDictionary(Lexicon lexicon, Dictionary<(string From, string To), Dictionary<string, DictionaryCandidate[]>> glossary)
    {
        Lexicon = lexicon;
        _glossary = glossary;
    }

    /// <summary>The dictionary translations (without the glossary), by id.</summary>
    internal Lexicon Lexicon { get; }

    /// <summary>Builds the dictionary from parsed entries; glossary entries rank before dictionary ones.</summary>
    public static BilingualDictionary Create(
        IEnumerable<CedictEntry> cedict,
        IEnumerable<DingEntry> ding,
        IEnumerable<GlossaryEntry> glossary)
    {
        ArgumentNullException.ThrowIfNull(cedict);
        ArgumentNullException.ThrowIfNull(ding);
        ArgumentNullException.ThrowIfNull(glossary);
        return FromLexicon(CompileLexicon(cedict, ding), glossary);
    }

    /// <summary>Merges CC-CEDICT and Ding entries into the id form that <see cref="LexiconSerializer"/> stores.</summary>
    internal static Lexicon CompileLexicon(IEnumerable<CedictEntry> cedict, IEnumerable<DingEntry> ding)
    {
        var accumulator = new CandidateAccumulator();
        foreach (var entry in cedict)
        {
            accumulator.AddCedict(entry);
        }

        foreach (var entry in ding)
        {
            accumulator.AddDing(entry);
        }

        return Lexicon.FromCandidates(accumulator.Freeze());
    }

    /// <summary>Combines compiled dictionary translations with the glossary, which ranks first.</summary>
    internal static BilingualDictionary FromLexicon(Lexicon lexicon, IEnumerable<GlossaryEntry> glossary)
    {
        var accumulator = new CandidateAccumulator();
        foreach (var entry in glossary)
        {
            accumulator.AddGlossary(entry);
        }

        return new BilingualDictionary(lexicon, accumulator.Freeze());
    }

    /// <summary>The same dictionaries with <paramref name="glossary"/> instead of this one's glossary entries.</summary>
    public BilingualDictionary WithGlossary(IEnumerable<GlossaryEntry> glossary)
    {
        ArgumentNullException.ThrowIfNull(glossary);
        return FromLexicon(Lexicon, glossary);
    }

    /// <summary>Whether the compiled dictionaries have <paramref name="phrase"/> as a source phrase of <paramref name="language"/>.</summary>
    public bool HasPhrase(string phrase, string language)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        return Lexicon.IdOf(PhraseNormalizer.Normalize(phrase, language), language) >= 0;
    }

    /// <summary>Number of keys translated from <paramref name="fromLanguage"/> to <paramref name="toLanguage"/> directly (no pivot).</summary>
    public int DirectKeyCount(string fromLanguage, string toLanguage)
    {
        var glossary = Glossary(fromLanguage, toLanguage);
        var pair = Lexicon.Pair(fromLanguage, toLanguage);
        if (pair is null)
        {
            return glossary.Count;
        }

        var glossaryOnly = glossary.Keys.Count(key => DictionaryCandidateCount(pair, key) == 0);
        return pair.KeyCount + glossaryOnly;
    }

    /// <summary>Every key that has a translation out of <paramref name="language"/>, each once.</summary>
    public IEnumerable<string> SourcePhrases(string language)
    {
        Languages.ThrowIfUnknown(language, nameof(language));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pool = Lexicon.Pool(language);
        foreach (var pair in Lexicon.Pairs.Where(p => p.From == language))
        {
            for (var id = 0; id < pool.Length; id++)
            {
                if (pair.Starts[id + 1] > pair.Starts[id] && seen.Add(pool[id]))
                {
                    yield return pool[id];
                }
            }
        }

        foreach (var ((from, _), map) in _glossary)
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

    /// <summary>Glossary translations from <paramref name="fromLanguage"/> to <paramref name="toLanguage"/>, by key, best first.</summary>
    internal IReadOnlyDictionary<string, DictionaryCandidate[]> Glossary(string fromLanguage, string toLanguage) =>
        _glossary.GetValueOrDefault((fromLanguage, toLanguage)) ?? NoGlossary;

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
        Languages.ThrowIfUnknown(fromLanguage, nameof(fromLanguage));
        Languages.ThrowIfUnknown(toLanguage, nameof(toLanguage));
        if (fromLanguage == toLanguage || key.Length == 0)
        {
            return [];
        }

        var direct = Direct(key, fromLanguage, toLanguage);
        if (fromLanguage == Languages.English || toLanguage == Languages.English)
        {
            return direct;
        }

        return MergeWithPivot(key, fromLanguage, toLanguage, direct);
    }

    // Glossary candidates first, then the dictionary's, without the texts the glossary already gives.
    private DictionaryCandidate[] Direct(string key, string fromLanguage, string toLanguage)
    {
        var glossary = Glossary(fromLanguage, toLanguage).GetValueOrDefault(key) ?? [];
        var pair = Lexicon.Pair(fromLanguage, toLanguage);
        var id = pair is null ? -1 : Lexicon.IdOf(key, fromLanguage);
        if (pair is null || id < 0 || pair.Starts[id + 1] == pair.Starts[id])
        {
            return glossary;
        }

        var targets = Lexicon.Pool(toLanguage);
        var merged = new List<DictionaryCandidate>(glossary.Length + pair.Starts[id + 1] - pair.Starts[id]);
        merged.AddRange(glossary);
        for (var i = pair.Starts[id]; i < pair.Starts[id + 1]; i++)
        {
            var text = targets[pair.Targets[i]];
            if (!glossary.Any(g => g.Text == text))
            {
                merged.Add(new DictionaryCandidate(text, pair.Ranks[i], FromGlossary: false));
            }
        }

        return [.. merged];
    }

    private int DictionaryCandidateCount(LexiconPair pair, string key)
    {
        var id = Lexicon.IdOf(key, pair.From);
        return id < 0 ? 0 : pair.Starts[id + 1] - pair.Starts[id];
    }

    private DictionaryCandidate[] MergeWithPivot(string key, string fromLanguage, string toLanguage, DictionaryCandidate[] direct)
    {
        var best = new Dictionary<string, DictionaryCandidate>(StringComparer.Ordinal);
        foreach (var candidate in direct)
        {
            best.TryAdd(candidate.Text, candidate);
        }

        foreach (var pivot in Direct(key, fromLanguage, Languages.English).Take(PivotFanOut))
        {
            foreach (var target in Direct(pivot.Text, Languages.English, toLanguage).Take(PivotTargets))
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
