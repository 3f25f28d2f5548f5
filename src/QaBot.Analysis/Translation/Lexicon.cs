namespace QaBot.Analysis.Translation;

/// <summary>
/// The merged CC-CEDICT and Ding translations (no glossary) in a compact, id-based form: per language one sorted
/// pool of normalized phrases, and per dictionary language pair the candidates of each source phrase as
/// (target id, rank) runs, ordered as <see cref="CandidateAccumulator"/> orders them (rank, then text).
/// Ids index the pools, so the table builder can filter targets and follow pivots without hashing strings.
/// </summary>
internal sealed class Lexicon
{
    /// <summary>The four pairs the dictionaries translate directly, in a fixed order.</summary>
    public static readonly (string From, string To)[] DirectPairs =
    [
        (Languages.English, Languages.Chinese),
        (Languages.Chinese, Languages.English),
        (Languages.German, Languages.English),
        (Languages.English, Languages.German),
    ];

    private readonly string[][] _pools;
    private readonly LexiconPair[] _pairs;

    public Lexicon(string[][] pools, LexiconPair[] pairs)
    {
        _pools = pools;
        _pairs = pairs;
    }

    /// <summary>The normalized phrases of <paramref name="language"/>, sorted ordinally.</summary>
    public string[] Pool(string language) => _pools[LanguageIndex(language)];

    /// <summary>The candidates from <paramref name="from"/> to <paramref name="to"/>, or null when the dictionaries do not translate that pair directly.</summary>
    public LexiconPair? Pair(string from, string to)
    {
        foreach (var pair in _pairs)
        {
            if (pair.From == from && pair.To == to)
            {
                return pair;
            }
        }

        return null;
    }

    internal IReadOnlyList<LexiconPair> Pairs => _pairs;

    /// <summary>The id of <paramref name="phrase"/> in its language's pool, or -1.</summary>
    public int IdOf(string phrase, string language)
    {
        var index = Array.BinarySearch(Pool(language), phrase, StringComparer.Ordinal);
        return index < 0 ? -1 : index;
    }

    /// <summary>Builds the id form of frozen accumulator output (dictionary candidates only).</summary>
    public static Lexicon FromCandidates(Dictionary<(string From, string To), Dictionary<string, DictionaryCandidate[]>> candidates)
    {
        var phrases = Languages.All.Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToArray();
        foreach (var ((from, to), map) in candidates)
        {
            foreach (var (key, targets) in map)
            {
                phrases[LanguageIndex(from)].Add(key);
                foreach (var target in targets)
                {
                    phrases[LanguageIndex(to)].Add(target.Text);
                }
            }
        }

        var pools = phrases.Select(set =>
        {
            var pool = set.ToArray();
            Array.Sort(pool, StringComparer.Ordinal);
            return pool;
        }).ToArray();

        var pairs = new List<LexiconPair>();
        foreach (var (from, to) in DirectPairs)
        {
            var sources = pools[LanguageIndex(from)];
            var targetPool = pools[LanguageIndex(to)];
            var map = candidates.GetValueOrDefault((from, to)) ?? [];
            var starts = new int[sources.Length + 1];
            var targets = new List<int>();
            var ranks = new List<int>();
            for (var id = 0; id < sources.Length; id++)
            {
                starts[id] = targets.Count;
                if (map.TryGetValue(sources[id], out var list))
                {
                    foreach (var candidate in list)
                    {
                        targets.Add(Array.BinarySearch(targetPool, candidate.Text, StringComparer.Ordinal));
                        ranks.Add(candidate.Rank);
                    }
                }
            }

            starts[sources.Length] = targets.Count;
            pairs.Add(new LexiconPair(from, to, starts, [.. targets], [.. ranks]));
        }

        return new Lexicon(pools, [.. pairs]);
    }

    public static int LanguageIndex(string language) => language switch
    {
        Languages.English => 0,
        Languages.German => 1,
        Languages.Chinese => 2,
        _ => throw new ArgumentException($"Unsupported language '{language}'.", nameof(language)),
    };
}

/// <summary>
/// The dictionary candidates of one language pair: those of source id <c>s</c> are
/// <c>Targets[Starts[s]..Starts[s + 1]]</c> with the same-index <c>Ranks</c>, best first.
/// </summary>
internal sealed record LexiconPair(string From, string To, int[] Starts, int[] Targets, int[] Ranks)
{
    /// <summary>Number of source phrases with at least one candidate.</summary>
    public int KeyCount
    {
        get
        {
            var count = 0;
            for (var id = 0; id + 1 < Starts.Length; id++)
            {
                count += Starts[id + 1] > Starts[id] ? 1 : 0;
            }

            return count;
        }
    }
}
