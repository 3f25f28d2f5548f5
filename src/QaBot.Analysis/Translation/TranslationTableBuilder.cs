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
        IReadOnlyCollection<string> collectionLanguages)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        ArgumentNullException.ThrowIfNull(analyze);
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(collectionLanguages);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxCandidatesPerPhrase, 1);

        var targets = Languages.All.Where(collectionLanguages.Contains).ToList();
        var order = Languages.All.SelectMany(from => targets.Where(to => to != from).Select(to => (From: from, To: to))).ToList();
        // Every frequency a pair asks for is of its target language, so the pairs grouped by target language share
        // nothing but read-only data: each group gets its own memo and the groups build on all cores at once.
        var built = new System.Collections.Concurrent.ConcurrentDictionary<(string From, string To), Dictionary<string, TranslationCandidate[]>>();
        Parallel.ForEach(order.GroupBy(pair => pair.To), group =>
        {
            var frequencies = new TargetFrequencies(analyze, vocabulary);
            foreach (var (from, to) in group)
            {
                built[(from, to)] = from == Languages.English || to == Languages.English
                    ? BuildDirectPair(from, to, frequencies)
                    : BuildPivotedPair(from, to, frequencies);
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
    private Dictionary<string, TranslationCandidate[]> BuildDirectPair(string from, string to, TargetFrequencies frequencies)
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
        for (var id = 0; id < sources.Length; id++)
        {
            if (starts[id + 1] == starts[id] || inGlossary[id])
            {
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

    // German–Chinese: through English. Most source phrases reach no target in the collection; a check by id finds
    // the few that do, and only those are looked up in full.
    private Dictionary<string, TranslationCandidate[]> BuildPivotedPair(string from, string to, TargetFrequencies frequencies)
    {
        var lexicon = dictionary.Lexicon;
        var toPivot = lexicon.Pair(from, Languages.English)!;
        var fromPivot = lexicon.Pair(Languages.English, to)!;
        var sources = lexicon.Pool(from);
        var targets = lexicon.Pool(to);
        var pivots = lexicon.Pool(Languages.English);
        var sourceGlossary = dictionary.Glossary(from, Languages.English);
        var directGlossary = dictionary.Glossary(from, to);
        var pivotGlossary = dictionary.Glossary(Languages.English, to);
        var map = new Dictionary<string, TranslationCandidate[]>(StringComparer.Ordinal);
        var known = frequencies.PoolCache(to, targets.Length);
        var sourceInGlossary = Marked(sources, sourceGlossary.Keys.Concat(directGlossary.Keys));
        var pivotInGlossary = Marked(pivots, pivotGlossary.Keys);
        var pivotStarts = toPivot.Starts;
        var pivotIds = toPivot.Targets;
        var targetStarts = fromPivot.Starts;
        var targetIds = fromPivot.Targets;
        for (var id = 0; id < sources.Length; id++)
        {
            if (sourceInGlossary[id])
            {
                continue;
            }

            var reachesCollection = false;
            var pivotEnd = Math.Min(pivotStarts[id + 1], pivotStarts[id] + BilingualDictionary.PivotFanOut);
            for (var i = pivotStarts[id]; i < pivotEnd && !reachesCollection; i++)
            {
                var pivot = pivotIds[i];
                // A glossary pivot can reorder its targets; let the full lookup decide.
                reachesCollection = pivotInGlossary[pivot];
                var targetEnd = Math.Min(targetStarts[pivot + 1], targetStarts[pivot] + BilingualDictionary.PivotTargets);
                for (var j = targetStarts[pivot]; j < targetEnd && !reachesCollection; j++)
                {
                    var target = targetIds[j];
                    reachesCollection = (known[target] >= 0 ? known[target] : known[target] = frequencies.Of(targets[target], to)) > 0;
                }
            }

            if (reachesCollection)
            {
                AddFiltered(map, sources[id], dictionary.LookupKey(sources[id], from, to), to, frequencies);
            }
        }

        foreach (var key in sourceGlossary.Keys.Concat(directGlossary.Keys).Distinct(StringComparer.Ordinal))
        {
            AddFiltered(map, key, dictionary.LookupKey(key, from, to), to, frequencies);
        }

        return map;
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
}
