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
    /// <param name="analyze">The index analyzer: (text, language) to index terms (lowercased, stemmed, Chinese as bigrams).</param>
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

        var targets = TranslationLanguages.All.Where(collectionLanguages.Contains).ToList();
        var frequencies = new CollectionFrequencies(analyze, vocabulary);
        var pairs = new Dictionary<(string From, string To), Dictionary<string, TranslationCandidate[]>>();
        foreach (var from in TranslationLanguages.All)
        {
            foreach (var to in targets.Where(to => to != from))
            {
                pairs[(from, to)] = BuildPair(from, to, frequencies);
            }
        }

        return new TranslationTable(targets, MaxCandidatesPerPhrase, pairs);
    }

    private Dictionary<string, TranslationCandidate[]> BuildPair(string from, string to, CollectionFrequencies frequencies)
    {
        var map = new Dictionary<string, TranslationCandidate[]>(StringComparer.Ordinal);
        var kept = new List<(DictionaryCandidate Candidate, int Frequency)>();
        foreach (var key in dictionary.SourcePhrases(from))
        {
            kept.Clear();
            foreach (var candidate in dictionary.LookupKey(key, from, to))
            {
                if (!IsUsableTarget(candidate.Text))
                {
                    continue;
                }

                var frequency = frequencies.Of(candidate.Text, to);
                if (frequency > 0)
                {
                    kept.Add((candidate, frequency));
                }
            }

            if (kept.Count == 0)
            {
                continue;
            }

            map[key] = [.. kept
                .OrderByDescending(k => k.Candidate.FromGlossary)
                .ThenByDescending(k => Math.Log(1 + k.Frequency) - RankWeight * k.Candidate.Rank)
                .ThenBy(k => k.Candidate.Rank)
                .ThenBy(k => k.Candidate.Text, StringComparer.Ordinal)
                .Take(MaxCandidatesPerPhrase)
                .Select(k => new TranslationCandidate(k.Candidate.Text, k.Frequency))];
        }

        return map;
    }

    // A target that is a function word of any language ("is" from an abbreviation, German "einer") or a sentence
    // fragment ("erkennen, dass") would only add noise to the query.
    private static bool IsUsableTarget(string text) =>
        !text.Contains(',', StringComparison.Ordinal)
        && !TranslationLanguages.All.Any(language => Stopwords.Contains(language, text));

    /// <summary>Collection frequency of target phrases, memoized: many source keys share a target.</summary>
    private sealed class CollectionFrequencies(
        Func<string, string, IReadOnlyList<string>> analyze,
        IReadOnlyDictionary<string, int> vocabulary)
    {
        private readonly Dictionary<(string Text, string Language), int> _cache = [];

        // The smallest chunk frequency over the phrase's terms; 0 when a term is missing or nothing is left to index.
        public int Of(string text, string language)
        {
            if (_cache.TryGetValue((text, language), out var cached))
            {
                return cached;
            }

            var terms = analyze(text, language);
            var frequency = terms.Count == 0 ? 0 : int.MaxValue;
            foreach (var term in terms)
            {
                frequency = Math.Min(frequency, vocabulary.GetValueOrDefault(term));
                if (frequency == 0)
                {
                    break;
                }
            }

            _cache[(text, language)] = frequency;
            return frequency;
        }
    }
}
