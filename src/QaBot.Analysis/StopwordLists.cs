using System.Collections.Frozen;

namespace QaBot.Analysis;

/// <summary>
/// The stopword lists of every language, all from <c>Data/Stopwords/</c>: function words dropped by the analyzer,
/// question-framing words removed from queries only, and the words of a question never translated.
/// </summary>
public sealed class StopwordLists
{
    private static readonly Lazy<StopwordLists> Embedded = new(LoadEmbedded);

    private readonly FrozenDictionary<string, FrozenSet<string>> _index;
    private readonly FrozenDictionary<string, FrozenSet<string>> _questionOnly;
    private readonly FrozenDictionary<string, FrozenSet<string>> _untranslated;
    private readonly FrozenSet<char> _chineseFunctionCharacters;

    public StopwordLists(
        IReadOnlyDictionary<string, IEnumerable<string>> indexStopwords,
        IReadOnlyDictionary<string, IEnumerable<string>> questionStopwords,
        IEnumerable<char> chineseFunctionCharacters,
        IReadOnlyDictionary<string, IEnumerable<string>> untranslatedWords)
    {
        _index = indexStopwords.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenSet(StringComparer.Ordinal));
        _questionOnly = questionStopwords.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenSet(StringComparer.Ordinal));
        _chineseFunctionCharacters = chineseFunctionCharacters.ToFrozenSet();
        _untranslated = untranslatedWords.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenSet(StringComparer.Ordinal));
        MaxChineseUntranslatedLength = _untranslated.TryGetValue(Languages.Chinese, out var chinese) && chinese.Count > 0
            ? chinese.Max(word => word.Length)
            : 0;
    }

    public static StopwordLists Default => Embedded.Value;

    /// <summary>True for a folded word that is a function word of <paramref name="language"/>.</summary>
    public bool IsStopword(string word, string language) =>
        _index.TryGetValue(language, out var set) && set.Contains(word);

    /// <summary>True for a folded word that frames a question ("according", "article", "laut").</summary>
    public bool IsQuestionWord(string word, string language) =>
        _questionOnly.TryGetValue(language, out var set) && set.Contains(word);

    /// <summary>
    /// True for a lowercased word (for Chinese, a character sequence) of a question that is never translated: it would
    /// only add noise to the other language's query.
    /// </summary>
    public bool IsUntranslated(string word, string language) =>
        _untranslated.TryGetValue(language, out var set) && set.Contains(word);

    /// <summary>Length of the longest Chinese never-translated word, for forward maximum matching.</summary>
    public int MaxChineseUntranslatedLength { get; }

    /// <summary>True when every character of a Chinese term is a function character (的, 是, 什么...).</summary>
    public bool IsChineseFunctionTerm(ReadOnlySpan<char> term)
    {
        foreach (var c in term)
        {
            if (!_chineseFunctionCharacters.Contains(c))
            {
                return false;
            }
        }

        return true;
    }

    private static StopwordLists LoadEmbedded()
    {
        static IEnumerable<string> Words(string name) =>
            EmbeddedData.ReadLines($"QaBot.Analysis.Stopwords.{name}.txt").SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        return new StopwordLists(
            new Dictionary<string, IEnumerable<string>> { [Languages.English] = Words("en"), [Languages.German] = Words("de") },
            new Dictionary<string, IEnumerable<string>> { [Languages.English] = Words("en-question"), [Languages.German] = Words("de-question") },
            Words("zh").SelectMany(w => w),
            new Dictionary<string, IEnumerable<string>>
            {
                [Languages.English] = Words("en-untranslated"),
                [Languages.German] = Words("de-untranslated"),
                [Languages.Chinese] = Words("zh-untranslated"),
            });
    }
}
