namespace QaBot.Analysis.Translation;

/// <summary>
/// The translations whose targets occur in one indexed collection, a few per source phrase ranked by collection
/// frequency. Built at ingest by <see cref="TranslationTableBuilder"/>, stored with the index as
/// <see cref="Serialize"/> bytes, and used at query time by <see cref="Translate"/>.
/// </summary>
public sealed class TranslationTable
{
    // A pair read from storage is decoded on first use: a question needs only the pairs out of its own language.
    private readonly Dictionary<(string From, string To), Lazy<Dictionary<string, TranslationCandidate[]>>> _pairs;
    private readonly Dictionary<(string From, string To), Lazy<int>> _longestChineseKey = [];

    internal TranslationTable(
        IReadOnlyList<string> collectionLanguages,
        int maxCandidatesPerPhrase,
        Dictionary<(string From, string To), Dictionary<string, TranslationCandidate[]>> pairs)
        : this(collectionLanguages, maxCandidatesPerPhrase, pairs.ToDictionary(p => p.Key, p => new Lazy<Dictionary<string, TranslationCandidate[]>>(p.Value)))
    {
    }

    internal TranslationTable(
        IReadOnlyList<string> collectionLanguages,
        int maxCandidatesPerPhrase,
        Dictionary<(string From, string To), Lazy<Dictionary<string, TranslationCandidate[]>>> pairs)
    {
        CollectionLanguages = collectionLanguages;
        MaxCandidatesPerPhrase = maxCandidatesPerPhrase;
        _pairs = pairs;
        foreach (var (key, map) in pairs)
        {
            if (key.From == Languages.Chinese)
            {
                _longestChineseKey[key] = new Lazy<int>(() => map.Value.Count == 0 ? 0 : map.Value.Keys.Max(k => k.Length));
            }
        }
    }

    /// <summary>Languages of the collection the table translates into.</summary>
    public IReadOnlyList<string> CollectionLanguages { get; }

    /// <summary>Most candidates kept per source phrase.</summary>
    public int MaxCandidatesPerPhrase { get; }

    /// <summary>Source phrases translated from <paramref name="fromLanguage"/> into <paramref name="toLanguage"/>.</summary>
    public int Count(string fromLanguage, string toLanguage) =>
        _pairs.TryGetValue((fromLanguage, toLanguage), out var map) ? map.Value.Count : 0;

    internal IEnumerable<KeyValuePair<(string From, string To), Dictionary<string, TranslationCandidate[]>>> Pairs =>
        _pairs.Select(p => KeyValuePair.Create(p.Key, p.Value.Value));

    /// <summary>The kept candidates for a normalized source key, best first; empty when the key is not in the table.</summary>
    public IReadOnlyList<TranslationCandidate> Candidates(string key, string fromLanguage, string toLanguage)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _pairs.TryGetValue((fromLanguage, toLanguage), out var map) && map.Value.TryGetValue(key, out var candidates)
            ? candidates
            : [];
    }

    /// <summary>
    /// Translates a question's content words and phrases into <paramref name="toLanguage"/>: longest phrase first (up to
    /// four words) for English and German; for Chinese (pass Simplified text) jieba's words, each run translated by
    /// the longest table phrase made of whole words; stopwords skipped; names and numbers unknown to the table passed
    /// through unchanged.
    /// </summary>
    public TranslatedQuery Translate(string question, string fromLanguage, string toLanguage)
    {
        ArgumentNullException.ThrowIfNull(question);
        Languages.ThrowIfUnknown(fromLanguage, nameof(fromLanguage));
        Languages.ThrowIfUnknown(toLanguage, nameof(toLanguage));
        if (fromLanguage == toLanguage)
        {
            return new TranslatedQuery(question, []);
        }

        var longestChineseKey = _longestChineseKey.TryGetValue((fromLanguage, toLanguage), out var longest) ? longest.Value : 0;
        return new QueryTranslator(this, fromLanguage, toLanguage, longestChineseKey).Translate(question);
    }

    /// <summary>
    /// Translates the question into every collection language other than <paramref name="fromLanguage"/>, keyed by
    /// language; see <see cref="Translate"/>.
    /// </summary>
    public IReadOnlyDictionary<string, TranslatedQuery> TranslateToCollectionLanguages(string question, string fromLanguage)
    {
        ArgumentNullException.ThrowIfNull(question);
        Languages.ThrowIfUnknown(fromLanguage, nameof(fromLanguage));
        return CollectionLanguages
            .Where(language => language != fromLanguage)
            .ToDictionary(language => language, language => Translate(question, fromLanguage, language), StringComparer.Ordinal);
    }

    /// <summary>The table as compact bytes, for storing with the index.</summary>
    public byte[] Serialize() => TranslationTableSerializer.Serialize(this);

    /// <summary>Reads a table written by <see cref="Serialize"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a translation table of a known version.</exception>
    public static TranslationTable Deserialize(byte[] data) => TranslationTableSerializer.Deserialize(data);
}
