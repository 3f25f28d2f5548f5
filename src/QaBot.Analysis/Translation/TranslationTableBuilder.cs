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
    /// whose glossary entry came or went, or (German–Chinese) whose English pivots' entries changed; a glossary key is
    /// translated again unless its candidates are the same as then and none of them may have changed. Built as <see cref="Build"/> otherwise: when the languages changed or the previous
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
        var built = new System.Collections.Concurrent.ConcurrentDictionary<(string From, string To), EditedMap>();
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
            pairs[pair] = built[pair].Map;
        }

        return new TranslationTable(targets, MaxCandidatesPerPhrase, pairs);
    }

    // A pair the dictionaries translate: each source phrase's candidates are read by id, without string lookups.
    private EditedMap BuildDirectPair(string from, string to, TargetFrequencies frequencies, PreviousBuild? previous)
    {
        var lexicon = dictionary.Lexicon;
        var pair = lexicon.Pair(from, to)!;
        var sources = lexicon.Pool(from);
        var targets = lexicon.Pool(to);
        var glossary = dictionary.Glossary(from, to);
        var previousGlossary = previous?.Dictionary.Glossary(from, to).Keys.ToList();
        var redoneGlossary = previous is null ? [.. glossary.Keys] : previous.Redone(from, to, glossary.Keys, previousGlossary!, dictionary);
        var map = previous is null ? new EditedMap() : previous.Edit(from, to, previousGlossary!.Except(glossary.Keys).Concat(redoneGlossary));
        var kept = new List<(DictionaryCandidate Candidate, int Frequency)>();
        var known = frequencies.PoolCache(to, targets.Length);
        var inGlossary = Marked(sources, glossary.Keys);
        // Locals, not properties, in the loops: this also runs unoptimized (Debug), where getters are not inlined.
        var starts = pair.Starts;
        var candidates = pair.Targets;
        var ranks = pair.Ranks;
        var wasInGlossary = previousGlossary is null ? null : Marked(sources, previousGlossary);
        var mayChange = previous?.Affected(to, targets);
        for (var id = 0; id < sources.Length; id++)
        {
            if (starts[id + 1] == starts[id] || inGlossary[id])
            {
                continue;
            }

            // Kept as built before: no candidate's frequency can have changed.
            if (mayChange is not null && !wasInGlossary![id] && !AnyMayChange(candidates, starts[id], starts[id + 1], mayChange))
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

            map.Set(sources[id], Ranked(kept));
        }

        // Keys the glossary translates, merged with the dictionary's candidates.
        foreach (var key in redoneGlossary)
        {
            map.Set(key, Filtered(dictionary.LookupKey(key, from, to), to, frequencies));
        }

        return map;
    }

    // German–Chinese: through English. Each English pivot's targets are that pivot's own entry in the English–target
    // pair built before (ranked by the collection's frequencies over all of the pivot's dictionary translations), so a
    // frequent target late in a pivot's dictionary list ("file" -> "datei") is found, and nothing is looked up twice.
    private EditedMap BuildPivotedPair(string from, string to, TargetFrequencies frequencies, EditedMap pivotToTarget, PreviousBuild? previous)
    {
        var lexicon = dictionary.Lexicon;
        var toPivot = lexicon.Pair(from, Languages.English)!;
        var sources = lexicon.Pool(from);
        var pivots = lexicon.Pool(Languages.English);
        var glossaryKeys = dictionary.Glossary(from, Languages.English).Keys.Concat(dictionary.Glossary(from, to).Keys).Distinct(StringComparer.Ordinal).ToList();
        var previousGlossaryKeys = previous is null
            ? null
            : previous.Dictionary.Glossary(from, Languages.English).Keys.Concat(previous.Dictionary.Glossary(from, to).Keys).ToList();
        var redoneGlossary = previous is null ? glossaryKeys : previous.Redone(from, to, glossaryKeys, previousGlossaryKeys!, dictionary);
        var map = previous is null ? new EditedMap() : previous.Edit(from, to, previousGlossaryKeys!.Except(glossaryKeys).Concat(redoneGlossary));
        var sourceInGlossary = Marked(sources, glossaryKeys);
        var pivotStarts = toPivot.Starts;
        var pivotIds = toPivot.Targets;
        var pivotRanks = toPivot.Ranks;
        var kept = new List<(DictionaryCandidate Candidate, int Frequency)>();
        var wasInGlossary = previousGlossaryKeys is null ? null : Marked(sources, previousGlossaryKeys);
        var changedPivots = pivotToTarget.Changed;
        var pivotMap = pivotToTarget.Map;
        for (var id = 0; id < sources.Length; id++)
        {
            if (sourceInGlossary[id])
            {
                continue;
            }

            var pivotEnd = Math.Min(pivotStarts[id + 1], pivotStarts[id] + BilingualDictionary.PivotFanOut);
            // Kept as built before: none of its pivots' entries changed.
            if (changedPivots is not null && !wasInGlossary![id] && !AnyPivotChanged(changedPivots, pivots, pivotIds, pivotStarts[id], pivotEnd))
            {
                continue;
            }

            kept.Clear();
            for (var i = pivotStarts[id]; i < pivotEnd; i++)
            {
                if (!pivotMap.TryGetValue(pivots[pivotIds[i]], out var targets))
                {
                    continue;
                }

                for (var j = 0; j < targets.Length; j++)
                {
                    AddBest(kept, new DictionaryCandidate(targets[j].Text, pivotRanks[i] + j + 1, FromGlossary: false), targets[j].CollectionFrequency);
                }
            }

            map.Set(sources[id], Ranked(kept));
        }

        foreach (var key in redoneGlossary)
        {
            map.Set(key, Filtered(dictionary.LookupKey(key, from, to), to, frequencies));
        }

        return map;
    }

    // Whether a dictionary candidate of one source phrase may have another collection frequency than before.
    private static bool AnyMayChange(int[] candidates, int start, int end, bool[] mayChange)
    {
        for (var i = start; i < end; i++)
        {
            if (mayChange[candidates[i]])
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyPivotChanged(IReadOnlySet<string> changedPivots, string[] pivots, int[] pivotIds, int start, int end)
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

    private TranslationCandidate[]? Filtered(IReadOnlyList<DictionaryCandidate> candidates, string to, TargetFrequencies frequencies)
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

        return Ranked(kept);
    }

    // Glossary first, then by ln(1 + frequency) - RankWeight * rank; ties by rank and text. Null when nothing is kept.
    private TranslationCandidate[]? Ranked(List<(DictionaryCandidate Candidate, int Frequency)> kept) =>
        kept.Count == 0
            ? null
            : [.. kept
                .OrderByDescending(k => k.Candidate.FromGlossary)
                .ThenByDescending(k => Math.Log(1 + k.Frequency) - RankWeight * k.Candidate.Rank)
                .ThenBy(k => k.Candidate.Rank)
                .ThenBy(k => k.Candidate.Text, StringComparer.Ordinal)
                .Take(MaxCandidatesPerPhrase)
                .Select(k => new TranslationCandidate(k.Candidate.Text, k.Frequency))];

    // One pair's entries as they are built: afresh, or a copy of the previous table's edited where something changed,
    // which then records the keys whose entry changed (the German–Chinese pair pivots through them).
    private sealed class EditedMap
    {
        private readonly HashSet<string>? _changed;

        public EditedMap()
            : this(new Dictionary<string, TranslationCandidate[]>(StringComparer.Ordinal), null)
        {
        }

        private EditedMap(Dictionary<string, TranslationCandidate[]> map, HashSet<string>? changed)
        {
            Map = map;
            _changed = changed;
        }

        public Dictionary<string, TranslationCandidate[]> Map { get; }

        /// <summary>Keys whose entry is not what it was before; null for a map built afresh.</summary>
        public IReadOnlySet<string>? Changed => _changed;

        public static EditedMap Copying(Dictionary<string, TranslationCandidate[]> previous) =>
            new(new Dictionary<string, TranslationCandidate[]>(previous, previous.Comparer), new HashSet<string>(StringComparer.Ordinal));

        /// <summary>Sets the key's entry; null removes it.</summary>
        public void Set(string key, TranslationCandidate[]? candidates)
        {
            if (candidates is null)
            {
                if (Map.Remove(key))
                {
                    _changed?.Add(key);
                }
            }
            else if (_changed is null)
            {
                Map[key] = candidates;
            }
            else if (!Map.TryGetValue(key, out var old) || !old.AsSpan().SequenceEqual(candidates))
            {
                Map[key] = candidates;
                _changed.Add(key);
            }
        }
    }

    // The table built before, what it was built from, and what changed since.
    private sealed class PreviousBuild(TranslationTable table, BilingualDictionary dictionary, VocabularyChange change)
    {
        private readonly Dictionary<(string From, string To), Dictionary<string, TranslationCandidate[]>> _maps =
            table.Pairs.ToDictionary(p => p.Key, p => p.Value);

        private readonly bool[]?[] _affected = new bool[]?[Languages.All.Count];

        public BilingualDictionary Dictionary { get; } = dictionary;

        /// <summary>The pair's entries of before, to edit, without the keys given: glossary keys of then that are gone, and those translated again.</summary>
        public EditedMap Edit(string from, string to, IEnumerable<string> redone)
        {
            var map = EditedMap.Copying(_maps.GetValueOrDefault((from, to)) ?? new Dictionary<string, TranslationCandidate[]>(StringComparer.Ordinal));
            foreach (var key in redone)
            {
                map.Set(key, null);
            }

            return map;
        }

        /// <summary>
        /// The glossary keys of now to translate again: all but those that were glossary keys then, with the same
        /// dictionary and glossary candidates as now, none of which may have another collection frequency.
        /// </summary>
        public List<string> Redone(string from, string to, IEnumerable<string> keys, IEnumerable<string> keysThen, BilingualDictionary now)
        {
            var then = keysThen.ToHashSet(StringComparer.Ordinal);
            return [.. keys.Where(key =>
            {
                if (!then.Contains(key))
                {
                    return true;
                }

                var candidates = now.LookupKey(key, from, to);
                return !candidates.SequenceEqual(Dictionary.LookupKey(key, from, to)) || candidates.Any(c => change.MayAffect(c.Text, to));
            })];
        }

        // Whether each phrase of the language's pool may have another collection frequency than before
        // (VocabularyChange.Affected), shared by the pairs into that language, which one thread builds.
        public bool[] Affected(string language, string[] pool) => _affected[Lexicon.LanguageIndex(language)] ??= change.Affected(pool, language);
    }
}
