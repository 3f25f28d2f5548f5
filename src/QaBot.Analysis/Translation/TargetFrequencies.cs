namespace QaBot.Analysis.Translation;

/// <summary>
/// Collection frequency of usable translation targets (0 for a function word or a fragment with a comma): the
/// smallest chunk frequency over the target's index terms, 0 when a term is missing or nothing is left to index.
/// Memoized per text, and per lexicon id for the builder's hot loops. Most dictionary phrases cannot occur in a
/// small collection, so cheap necessary tests run before the analyzer:
/// <list type="bullet">
/// <item>Chinese: every Han character must occur in some vocabulary term, unless the analyzer folds it
/// (Traditional to Simplified) or drops it on its own (asked once per character).</item>
/// <item>English and German: words between spaces, hyphens, slashes and apostrophes are analyzed independently,
/// so the phrase needs a word that can yield a vocabulary term and no word that yields a missing one;
/// <see cref="VocabularyStems"/> tells cheaply which words cannot yield one, the others are asked of the analyzer,
/// once each.</item>
/// </list>
/// A phrase that passes is analyzed whole. The tests rest on how the index analyzer tokenizes and stems (checked
/// against it on every shipped word by VocabularyStemsTests), and then only save work: no frequency changes.
/// </summary>
internal sealed class TargetFrequencies
{
    // Characters the analyzer never keeps inside a token (unlike '.' and ',' of numbers), so the parts between them
    // are analyzed independently.
    private const string TokenSeparators = " -/'";

    private readonly Func<string, string, IReadOnlyList<string>> _analyze;
    private readonly IReadOnlyDictionary<string, int> _vocabulary;
    private readonly HashSet<char> _vocabularyCharacters = [];
    private readonly VocabularyStems _stems;
    private readonly Dictionary<char, bool> _killingCharacters = [];
    private readonly Dictionary<string, WordKind>[] _words;
    private readonly Dictionary<(string Text, string Language), int> _phrases = [];
    private readonly int[]?[] _byId = new int[]?[Languages.All.Count];

    public TargetFrequencies(Func<string, string, IReadOnlyList<string>> analyze, IReadOnlyDictionary<string, int> vocabulary)
    {
        _analyze = analyze;
        _vocabulary = vocabulary;
        foreach (var term in vocabulary.Keys)
        {
            foreach (var c in term)
            {
                _vocabularyCharacters.Add(c);
            }
        }

        _stems = new VocabularyStems(vocabulary.Keys);
        _words = [.. Languages.All.Select(_ => new Dictionary<string, WordKind>(StringComparer.Ordinal))];
    }

    private enum WordKind : byte
    {
        /// <summary>Every term is in the vocabulary.</summary>
        InVocabulary,

        /// <summary>No terms (a stopword).</summary>
        Empty,

        /// <summary>A term is missing from the vocabulary.</summary>
        Missing,
    }

    /// <summary>
    /// Frequencies of the lexicon pool of <paramref name="language"/> by id, -1 where not yet known; the builder's hot
    /// loops read it directly and fill it from <see cref="Of(string, string)"/>.
    /// </summary>
    public int[] PoolCache(string language, int poolLength) =>
        _byId[Lexicon.LanguageIndex(language)] ??= NewUnknownCache(poolLength);

    /// <summary>Frequency of <paramref name="text"/> in <paramref name="language"/>.</summary>
    public int Of(string text, string language)
    {
        // Rejections are cheap and not remembered; what reaches the analyzer is, so no text is analyzed twice.
        if (!MayOccur(text, language) || !IsUsable(text))
        {
            return 0;
        }

        if (!_phrases.TryGetValue((text, language), out var frequency))
        {
            frequency = Analyze(text, language);
            _phrases[(text, language)] = frequency;
        }

        return frequency;
    }

    // A target that is a function word of any language ("is" from an abbreviation, German "einer") or a sentence
    // fragment ("erkennen, dass") would only add noise to the query.
    private static bool IsUsable(string text) =>
        !text.Contains(',', StringComparison.Ordinal)
        && !Languages.All.Any(language => StopwordLists.Default.IsUntranslated(text, language));

    private static int[] NewUnknownCache(int length)
    {
        var cache = new int[length];
        Array.Fill(cache, -1);
        return cache;
    }

    private int Analyze(string text, string language)
    {
        var terms = _analyze(text, language);
        var frequency = terms.Count == 0 ? 0 : int.MaxValue;
        foreach (var term in terms)
        {
            frequency = Math.Min(frequency, _vocabulary.GetValueOrDefault(term));
            if (frequency == 0)
            {
                break;
            }
        }

        return frequency;
    }

    private bool MayOccur(string text, string language) =>
        language == Languages.Chinese ? MayOccurChinese(text) : MayOccurLatin(text, language);

    private bool MayOccurChinese(string text)
    {
        foreach (var c in text)
        {
            if (ChineseText.IsHan(c) && !_vocabularyCharacters.Contains(c) && IsKilling(c))
            {
                return false;
            }
        }

        return true;
    }

    // A Han character the analyzer keeps as it is, so a target containing it has a term the collection lacks.
    private bool IsKilling(char c)
    {
        if (!_killingCharacters.TryGetValue(c, out var killing))
        {
            var character = c.ToString();
            var terms = _analyze(character, Languages.Chinese);
            killing = terms.Count == 1 && terms[0] == character;
            _killingCharacters[c] = killing;
        }

        return killing;
    }

    private bool MayOccurLatin(string text, string language)
    {
        var span = text.AsSpan();
        if (span.IndexOfAny(TokenSeparators) < 0 && !_stems.MayYield(span))
        {
            // One word that cannot yield a vocabulary term: the most common case, decided without splitting.
            return false;
        }

        var words = _words[Lexicon.LanguageIndex(language)];
        var hasVocabularyWord = false;
        foreach (var range in span.SplitAny(TokenSeparators))
        {
            var word = span[range];
            if (word.IsEmpty || !_stems.MayYield(word))
            {
                continue;
            }

            var kind = Analyzed(word, language, words);
            if (kind == WordKind.Missing)
            {
                return false;
            }

            hasVocabularyWord |= kind == WordKind.InVocabulary;
        }

        if (!hasVocabularyWord)
        {
            return false;
        }

        // The other words cannot yield vocabulary terms: the phrase survives only if they are all stopwords.
        foreach (var range in span.SplitAny(TokenSeparators))
        {
            var word = span[range];
            if (!word.IsEmpty && !_stems.MayYield(word) && Analyzed(word, language, words) != WordKind.Empty)
            {
                return false;
            }
        }

        return true;
    }

    private WordKind Analyzed(ReadOnlySpan<char> word, string language, Dictionary<string, WordKind> words)
    {
        if (words.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var kind))
        {
            return kind;
        }

        var text = word.ToString();
        var terms = _analyze(text, language);
        kind = terms.Count == 0 ? WordKind.Empty
            : terms.All(_vocabulary.ContainsKey) ? WordKind.InVocabulary
            : WordKind.Missing;
        words[text] = kind;
        return kind;
    }
}
