namespace QaBot.Analysis.Translation;

/// <summary>Collects translations per language pair and key, keeping each target's best rank, then freezes them into arrays.</summary>
internal sealed class CandidateAccumulator
{
    // Rank added to a translation keyed under the head noun of a "domain head" gloss instead of the gloss itself.
    private const int DomainHeadPenalty = 2;

    // Qualifiers that only name the technical domain of the noun they precede ("digital" and "online" do not:
    // "digital examination", "online friend").
    private static readonly HashSet<string> DomainQualifiers =
        new(["computer", "electronic", "internet", "software", "web"], StringComparer.Ordinal);

    private readonly Dictionary<(string From, string To), Dictionary<string, List<DictionaryCandidate>>> _pairs = [];
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

    public void AddGlossary(GlossaryEntry entry)
    {
        foreach (var from in Languages.All)
        {
            foreach (var to in Languages.All)
            {
                if (from == to)
                {
                    continue;
                }

                var targets = entry.FormsIn(to);
                foreach (var source in entry.FormsIn(from))
                {
                    for (var i = 0; i < targets.Count; i++)
                    {
                        Add(from, to, source, targets[i], i, fromGlossary: true);
                    }
                }
            }
        }
    }

    public void AddCedict(CedictEntry entry)
    {
        if (!entry.Simplified.Any(ChineseText.IsHan))
        {
            return;
        }

        var chinese = Intern(PhraseNormalizer.Normalize(entry.Simplified, Languages.Chinese));
        var toChinese = Pair(Languages.English, Languages.Chinese);
        var fromChinese = Pair(Languages.Chinese, Languages.English);

        // Short glosses of single-sense entries are the most reliable translations; later senses and synonyms less so.
        var multiSense = entry.Senses.Count > 1 ? 1 : 0;
        for (var i = 0; i < entry.Senses.Count; i++)
        {
            var synonyms = entry.Senses[i];
            for (var j = 0; j < synonyms.Count; j++)
            {
                var english = Intern(PhraseNormalizer.Normalize(synonyms[j], Languages.English));
                var length = PhraseNormalizer.WordCount(english) > 2 ? 1 : 0;
                Add(toChinese, english, chinese, 1 + multiSense + i + j + length, fromGlossary: false);
                Add(fromChinese, chinese, english, 1 + i + j + length, fromGlossary: false);
                if (DomainHead(english) is { } head)
                {
                    // "computer chip" is what a "chip" is in technical text: key it under the head noun too, ranked lower.
                    Add(toChinese, Intern(head), chinese, 1 + multiSense + i + j + DomainHeadPenalty, fromGlossary: false);
                }
            }
        }
    }

    public void AddDing(DingEntry entry)
    {
        var german = entry.German.Select(g => Intern(PhraseNormalizer.Normalize(g, Languages.German))).ToArray();
        var english = entry.English.Select(e => Intern(PhraseNormalizer.Normalize(e, Languages.English))).ToArray();
        var toEnglish = Pair(Languages.German, Languages.English);
        var toGerman = Pair(Languages.English, Languages.German);

        // Sense 0 is the headword; later senses are inflected forms and compounds.
        var later = Math.Min(entry.SenseIndex, 1);
        for (var g = 0; g < german.Length; g++)
        {
            for (var e = 0; e < english.Length; e++)
            {
                Add(toEnglish, german[g], english[e], 1 + later + e + Math.Min(g, 1), fromGlossary: false);
                Add(toGerman, english[e], german[g], 1 + later + g + Math.Min(e, 1), fromGlossary: false);
            }
        }
    }

    // The head of a two-word gloss whose first word is a domain qualifier ("computer chip" -> "chip"), else null.
    private static string? DomainHead(string english)
    {
        var space = english.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && english.IndexOf(' ', space + 1) < 0 && DomainQualifiers.Contains(english[..space])
            ? english[(space + 1)..]
            : null;
    }

    public Dictionary<(string From, string To), Dictionary<string, DictionaryCandidate[]>> Freeze()
    {
        var frozen = new Dictionary<(string From, string To), Dictionary<string, DictionaryCandidate[]>>();
        foreach (var (pair, keys) in _pairs)
        {
            var map = new Dictionary<string, DictionaryCandidate[]>(keys.Count, StringComparer.Ordinal);
            foreach (var (key, targets) in keys)
            {
                targets.Sort(static (a, b) => a.FromGlossary != b.FromGlossary
                    ? (a.FromGlossary ? -1 : 1)
                    : a.Rank != b.Rank ? a.Rank.CompareTo(b.Rank) : string.CompareOrdinal(a.Text, b.Text));
                map[key] = [.. targets];
            }

            frozen[pair] = map;
        }

        return frozen;
    }

    private Dictionary<string, List<DictionaryCandidate>> Pair(string from, string to)
    {
        if (!_pairs.TryGetValue((from, to), out var keys))
        {
            keys = new Dictionary<string, List<DictionaryCandidate>>(StringComparer.Ordinal);
            _pairs[(from, to)] = keys;
        }

        return keys;
    }

    private void Add(string from, string to, string source, string target, int rank, bool fromGlossary) =>
        Add(Pair(from, to), Intern(PhraseNormalizer.Normalize(source, from)), Intern(PhraseNormalizer.Normalize(target, to)), rank, fromGlossary);

    private static void Add(Dictionary<string, List<DictionaryCandidate>> keys, string key, string text, int rank, bool fromGlossary)
    {
        if (key.Length == 0 || text.Length == 0
            || PhraseNormalizer.WordCount(key) > BilingualDictionary.MaxPhraseWords)
        {
            return;
        }

        if (!keys.TryGetValue(key, out var targets))
        {
            targets = new List<DictionaryCandidate>(2);
            keys[key] = targets;
        }

        // Lists stay short (a handful of targets per key), so a linear scan beats a nested dictionary.
        for (var i = 0; i < targets.Count; i++)
        {
            var existing = targets[i];
            if (existing.Text == text)
            {
                if (rank < existing.Rank && existing.FromGlossary == fromGlossary || fromGlossary && !existing.FromGlossary)
                {
                    targets[i] = new DictionaryCandidate(text, rank, fromGlossary);
                }

                return;
            }
        }

        targets.Add(new DictionaryCandidate(text, rank, fromGlossary));
    }

    private string Intern(string text)
    {
        if (_strings.TryGetValue(text, out var existing))
        {
            return existing;
        }

        _strings[text] = text;
        return text;
    }
}
