namespace QaBot.Analysis.Translation;

/// <summary>
/// Builds the <see cref="TranslationTable"/> of one collection at ingest: every dictionary translation into a
/// language of the collection whose analyzed terms all occur in the collection's vocabulary, a few per source
/// phrase: glossary first, then by <c>ln(1 + collection frequency) - RankWeight * dictionary rank</c>, so that a
/// frequent word wins unless it is a much weaker sense than a rarer one.
/// </summary>
/// <param name="dictionary">The dictionaries and glossary, merged.</param>
public sealed class TranslationTableBuilder(BilingualDictionary dictionary)
{
    /// <summary>Changes whenever the same lexicon and collection would give a different table; part of the stored table's fingerprint.</summary>
    public const string Version = "2-pivot-through-table";

    /// <summary>Candidates kept per source phrase.</summary>
    public int MaxCandidatesPerPhrase { get; init; } = 3;

    /// <summary>How much one step of dictionary rank weighs against the log of collection frequency.</summary>
    public double RankWeight { get; init; } = 0.5;

    /// <summary>Builds the table for one collection.</summary>
    /// <param name="analyze">
    /// The index analyzer: (text, language) to index terms (lowercased, stemmed, Chinese as bigrams). Words between
    /// spaces, hyphens, slashes and apostrophes must be analyzed independently, and stemming may only cut word
    /// endings as <see cref="VocabularyStems"/> describes: targets are prefiltered on that basis before analysis.
    /// </param>
    /// <param name="vocabulary">Index term to the number of chunks that contain it.</param>
    /// <param name="collectionLanguages">Languages present in the collection; only they are translated into.</param>
    public TranslationTable Build(
        Func<string, string, IReadOnlyList<string>> analyze,
        IReadOnlyDictionary<string, int> vocabulary,
        IReadOnlyCollection<string> collectionLanguages) =>
        BuildPairs(analyze, vocabulary, ValidatedTargets(analyze, vocabulary, collectionLanguages), previous: null);

    /// <summary>
    /// The table <see cref="Build"/> gives for <paramref name="vocabulary"/>, made from the table built before for
    /// <paramref name="previousVocabulary"/>: only source phrases that may rank differently are ranked again, those
    /// with a candidate that may analyze to a term whose chunk frequency changed (<see cref="VocabularyChange"/>),
    /// whose glossary entry came or went, or (German–Chinese) whose English pivots' entries changed; glossary keys are
    /// always translated again. Built as <see cref="Build"/> otherwise: when the languages changed or the previous
    /// table came from other dictionaries.
    /// </summary>
    /// <param name="previous">The table a builder with the same settings built before.</param>
    /// <param name="previousDictionary">The dictionaries it was built from: this builder's lexicon, with the glossary of then.</param>
    /// <param name="previousVocabulary">The vocabulary it was built for.</param>
    /// <param name="fold">The index analyzer's folding, which it applies before forming terms (see <see cref="TextAnalyzer.Fold"/>).</param>
    /// <param name="analyze">As for <see cref="Build"/>.</param>
    /// <param name="vocabulary">As for <see cref="Build"/>.</param>
    /// <param name="collectionLanguages">As for <see cref="Build"/>.</param>
    public TranslationTable Update(
        TranslationTable previous,
        BilingualDictionary previousDictionary,
        IReadOnlyDictionary<string, int> previousVocabulary,
        Func<string, string> fold,
        Func<string, string, IReadOnlyList<string>> analyze,
        IReadOnlyDictionary<string, int> vocabulary,
        IReadOnlyCollection<string> collectionLanguages)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(previousDictionary);
        ArgumentNullException.ThrowIfNull(previousVocabulary);
        ArgumentNullException.ThrowIfNull(fold);
        var targets = ValidatedTargets(analyze, vocabulary, collectionLanguages);
        if (!previous.CollectionLanguages.SequenceEqual(targets)
            || previous.MaxCandidatesPerPhrase != MaxCandidatesPerPhrase
            || !ReferenceEquals(previousDictionary.Lexicon, dictionary.Lexicon))
        {
            return BuildPairs(analyze, vocabulary, targets, previous: null);
        }

        var change = VocabularyChange.Between(previousVocabulary, vocabulary, fold);
        return BuildPairs(analyze, vocabulary, targets, new PreviousBuild(previous, previousDictionary, change));
    }

    // The languages translated into, after the checks Build and Update share.
    private List<string> ValidatedTargets(
        Func<string, string, IReadOnlyList<string>> analyze, IReadOnlyDictionary<string, int> vocabulary, IReadOnlyCollection<string> collectionLanguages)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        ArgumentNullException.ThrowIfNull(analyze);
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(collectionLanguages);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxCandidatesPerPhrase, 1);
        return Languages.All.Where(collectionLanguages.Contains).ToList();
    }

    private TranslationTable BuildPairs(
        Func<string, string, IReadOnlyList<string>> analyze,
        IReadOnlyDictionary<string, int> vocabulary,
        List<string> targets,
        PreviousBuild? previous)
    {
        var order = Languages.All.SelectMany(from => targets.Where(to => to != from).Select(to => (From: from, To: to))).ToList();
        // Every frequency a pair asks for is of its target language, so the pairs grouped by target language share
        // nothing but read-only data: each group gets its own memo and the groups build on all cores at once.
        var built = new System.Collections.Concurrent.ConcurrentDictionary<(string From, string To), Dictionary<string, TranslationCandidate[]>>();
        Parallel.ForEach(order.GroupBy(pair => pair.To), group =>
        {
            var frequencies = new TargetFrequencies(analyze, vocabulary);
            // English first: the German–Chinese pair pivots through the English–target pair.
            foreach (var (from, to) in group.OrderBy(pair => pair.From == Languages.English ? 0 : 1))
            {
                built[(from, to)] = from == Languages.English || to == Languages.English
                    ? BuildDirectPair(from, to, frequencies, previous)
                    : BuildPivotedPair(from, to, frequencies, built[(Languages.English, to)], previous);
            }
        });

        var pairs = new Dictionary<(string From, string To), Dictionary<string, TranslationCandidate[]>>();
        foreach (var pair in order)
        {
            pairs[pair] = built[pair];
        }

        return new TranslationTable(targets, MaxCandidatesPerPhrase, pairs);
    }

    // A pair the dictionaries translate: each source phrase's candidates are read by id, without string lookups.
    private Dictionary<string, TranslationCandidate[]> BuildDirectPair(string from, string to, TargetFrequencies frequencies, PreviousBuild? previous)
    {
        var lexicon = dictionary.Lexicon;
        var pair = lexicon.Pair(from, to)!;
        var sources = lexicon.Pool(from);
        var targets = lexicon.Pool(to);
        var glossary = dictionary.Glossary(from, to);
        var map = new Dictionary<string, TranslationCandidate[]>(StringComparer.Ordinal);
        var kept = new List<(DictionaryCandidate Candidate, int Frequency)>();
        var known = frequencies.PoolCache(to, targets.Length);
        var inGlossary = Marked(sources, glossary.Keys);
        // Locals, not properties, in the loops: this also runs unoptimized (Debug), where getters are not inlined.
        var starts = pair.Starts;
        var candidates = pair.Targets;
        var ranks = pair.Ranks;
        var before = previous?.Map(from, to);
        var wasInGlossary = previous is null ? null : Marked(sources, previous.Dictionary.Glossary(from, to).Keys);
        var mayChange = previous?.TargetMemo(to, targets.Length);
        for (var id = 0; id < sources.Length; id++)
        {
            if (starts[id + 1] == starts[id] || inGlossary[id])
            {
                continue;
            }

            if (before is not null && !wasInGlossary![id] && !AnyMayChange(previous!.Change, targets, candidates, starts[id], starts[id + 1], mayChange!))
            {
                if (before.TryGetValue(sources[id], out var unchanged))
                {
                    map[sources[id]] = unchanged;
                }

                continue;
            }

            kept.Clear();
            for (var i = starts[id]; i < starts[id + 1]; i++)
            {
                var target = candidates[i];
                var frequency = known[target] >= 0 ? known[target] : known[target] = frequencies.Of(targets[target], to);
                if (frequency > 0)
                {
                    kept.Add((new DictionaryCandidate(targets[target], ranks[i], FromGlossary: false), frequency));
                }
            }

            AddRanked(map, sources[id], kept);
        }

        // Keys the glossary translates, merged with the dictionary's candidates.
        foreach (var key in glossary.Keys)
        {
            AddFiltered(map, key, dictionary.LookupKey(key, from, to), to, frequencies);
        }

        return map;
    }

    // German–Chinese: through English. Each English pivot's targets are that pivot's own entry in the English–target
    // pair built before (ranked by the collection's frequencies over all of the pivot's dictionary translations), so a
    // frequent target late in a pivot's dictionary list ("file" -> "datei") is found, and nothing is looked up twice.
    private Dictionary<string, TranslationCandidate[]> BuildPivotedPair(
        string from, string to, TargetFrequencies frequencies, Dictionary<string, TranslationCandidate[]> pivotToTarget, PreviousBuild? previous)
    {
        var lexicon = dictionary.Lexicon;
        var toPivot = lexicon.Pair(from, Languages.English)!;
        var sources = lexicon.Pool(from);
        var pivots = lexicon.Pool(Languages.English);
        var sourceGlossary = dictionary.Glossary(from, Languages.English);
        var directGlossary = dictionary.Glossary(from, to);
        var map = new Dictionary<string, TranslationCandidate[]>(StringComparer.Ordinal);
        var sourceInGlossary = Marked(sources, sourceGlossary.Keys.Concat(directGlossary.Keys));
        var pivotStarts = toPivot.Starts;
        var pivotIds = toPivot.Targets;
        var pivotRanks = toPivot.Ranks;
        var kept = new List<(DictionaryCandidate Candidate, int Frequency)>();
        var before = previous?.Map(from, to);
        var wasInGlossary = previous is null ? null : Marked(
            sources, previous.Dictionary.Glossary(from, Languages.English).Keys.Concat(previous.Dictionary.Glossary(from, to).Keys));
        var changedPivots = previous is null ? null : ChangedKeys(previous.Map(Languages.English, to), pivotToTarget);
        for (var id = 0; id < sources.Length; id++)
        {
            if (sourceInGlossary[id])
            {
                continue;
            }

            var pivotEnd = Math.Min(pivotStarts[id + 1], pivotStarts[id] + BilingualDictionary.PivotFanOut);
            if (before is not null && !wasInGlossary![id] && !AnyPivotChanged(changedPivots!, pivots, pivotIds, pivotStarts[id], pivotEnd))
            {
                if (before.TryGetValue(sources[id], out var unchanged))
                {
                    map[sources[id]] = unchanged;
                }

                continue;
            }

            kept.Clear();
            for (var i = pivotStarts[id]; i < pivotEnd; i++)
            {
                if (!pivotToTarget.TryGetValue(pivots[pivotIds[i]], out var targets))
                {
                    continue;
                }

                for (var j = 0; j < targets.Length; j++)
                {
                    AddBest(kept, new DictionaryCandidate(targets[j].Text, pivotRanks[i] + j + 1, FromGlossary: false), targets[j].CollectionFrequency);
                }
            }

            AddRanked(map, sources[id], kept);
        }

        foreach (var key in sourceGlossary.Keys.Concat(directGlossary.Keys).Distinct(StringComparer.Ordinal))
        {
            AddFiltered(map, key, dictionary.LookupKey(key, from, to), to, frequencies);
        }

        return map;
    }

    // Whether a dictionary candidate of one source phrase may have another collection frequency than before; memoized
    // per target id (0 unknown, 1 no, 2 yes).
    private static bool AnyMayChange(VocabularyChange change, string[] targets, int[] candidates, int start, int end, sbyte[] memo)
    {
        for (var i = start; i < end; i++)
        {
            var target = candidates[i];
            if (memo[target] == 0)
            {
                memo[target] = change.MayAffect(targets[target]) ? (sbyte)2 : (sbyte)1;
            }

            if (memo[target] == 2)
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyPivotChanged(HashSet<string> changedPivots, string[] pivots, int[] pivotIds, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (changedPivots.Contains(pivots[pivotIds[i]]))
            {
                return true;
            }
        }

        return false;
    }

    // Keys whose entry is not the same in both maps (present in one only, or other candidates).
    private static HashSet<string> ChangedKeys(Dictionary<string, TranslationCandidate[]> before, Dictionary<string, TranslationCandidate[]> now)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, candidates) in now)
        {
            if (!before.TryGetValue(key, out var old) || !old.AsSpan().SequenceEqual(candidates))
            {
                changed.Add(key);
            }
        }

        changed.UnionWith(before.Keys.Where(key => !now.ContainsKey(key)));
        return changed;
    }

    // Keeps one entry per target text, with its best rank.
    private static void AddBest(List<(DictionaryCandidate Candidate, int Frequency)> kept, DictionaryCandidate candidate, int frequency)
    {
        for (var k = 0; k < kept.Count; k++)
        {
            if (kept[k].Candidate.Text == candidate.Text)
            {
                if (candidate.Rank < kept[k].Candidate.Rank)
                {
                    kept[k] = (candidate, frequency);
                }

                return;
            }
        }

        kept.Add((candidate, frequency));
    }

    // Which pool ids the given phrases have.
    private static bool[] Marked(string[] pool, IEnumerable<string> phrases)
    {
        var marked = new bool[pool.Length];
        foreach (var phrase in phrases)
        {
            var id = Array.BinarySearch(pool, phrase, StringComparer.Ordinal);
            if (id >= 0)
            {
                marked[id] = true;
            }
        }

        return marked;
    }

    private void AddFiltered(
        Dictionary<string, TranslationCandidate[]> map,
        string key,
        IReadOnlyList<DictionaryCandidate> candidates,
        string to,
        TargetFrequencies frequencies)
    {
        var kept = new List<(DictionaryCandidate Candidate, int Frequency)>();
        foreach (var candidate in candidates)
        {
            var frequency = frequencies.Of(candidate.Text, to);
            if (frequency > 0)
            {
                kept.Add((candidate, frequency));
            }
        }

        AddRanked(map, key, kept);
    }

    // Glossary first, then by ln(1 + frequency) - RankWeight * rank; ties by rank and text.
    private void AddRanked(Dictionary<string, TranslationCandidate[]> map, string key, List<(DictionaryCandidate Candidate, int Frequency)> kept)
    {
        if (kept.Count == 0)
        {
            return;
        }

        map[key] = [.. kept
            .OrderByDescending(k => k.Candidate.FromGlossary)
            .ThenByDescending(k => Math.Log(1 + k.Frequency) - RankWeight * k.Candidate.Rank)
            .ThenBy(k => k.Candidate.Rank)
            .ThenBy(k => k.Candidate.Text, StringComparer.Ordinal)
            .Take(MaxCandidatesPerPhrase)
            .Select(k => new TranslationCandidate(k.Candidate.Text, k.Frequency))];
    }

    // The table built before, what it was built from, and what changed since.
    private sealed class PreviousBuild(TranslationTable table, BilingualDictionary dictionary, VocabularyChange change)
    {
        private readonly Dictionary<(string From, string To), Dictionary<string, TranslationCandidate[]>> _maps =
            table.Pairs.ToDictionary(p => p.Key, p => p.Value);

        private readonly sbyte[]?[] _mayChange = new sbyte[]?[Languages.All.Count];

        public BilingualDictionary Dictionary { get; } = dictionary;

        public VocabularyChange Change { get; } = change;

        public Dictionary<string, TranslationCandidate[]> Map(string from, string to) => _maps.GetValueOrDefault((from, to)) ?? [];

        // Whether a target of the language's pool may have changed (0 not yet known, 1 no, 2 yes), shared by the pairs
        // into that language, which one thread builds.
        public sbyte[] TargetMemo(string language, int poolLength) => _mayChange[Lexicon.LanguageIndex(language)] ??= new sbyte[poolLength];
    }
}
