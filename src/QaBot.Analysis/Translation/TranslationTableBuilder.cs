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
            // English first: the German–Chinese pair pivots through the English–target pair.
            foreach (var (from, to) in group.OrderBy(pair => pair.From == Languages.English ? 0 : 1))
            {
                built[(from, to)] = from == Languages.English || to == Languages.English
                    ? BuildDirectPair(from, to, frequencies)
                    : BuildPivotedPair(from, to, frequencies, built[(Languages.English, to)]);
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

    // German–Chinese: through English. Each English pivot's targets are that pivot's own entry in the English–target
    // pair built before (ranked by the collection's frequencies over all of the pivot's dictionary translations), so a
    // frequent target late in a pivot's dictionary list ("file" -> "datei") is found, and nothing is looked up twice.
    private Dictionary<string, TranslationCandidate[]> BuildPivotedPair(
        string from, string to, TargetFrequencies frequencies, Dictionary<string, TranslationCandidate[]> pivotToTarget)
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
        for (var id = 0; id < sources.Length; id++)
        {
            if (sourceInGlossary[id])
            {
                continue;
            }

            kept.Clear();
            var pivotEnd = Math.Min(pivotStarts[id + 1], pivotStarts[id] + BilingualDictionary.PivotFanOut);
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
}
