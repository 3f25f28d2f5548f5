using System.Collections.Frozen;

namespace QaBot.Analysis;

/// <summary>Function words per language, and the question-framing words removed from queries only.</summary>
public sealed class StopwordLists
{
    private static readonly Lazy<StopwordLists> Embedded = new(LoadEmbedded);

    private readonly FrozenDictionary<string, FrozenSet<string>> _index;
    private readonly FrozenDictionary<string, FrozenSet<string>> _questionOnly;
    private readonly FrozenSet<char> _chineseFunctionCharacters;

    public StopwordLists(
        IReadOnlyDictionary<string, IEnumerable<string>> indexStopwords,
        IReadOnlyDictionary<string, IEnumerable<string>> questionStopwords,
        IEnumerable<char> chineseFunctionCharacters)
    {
        _index = indexStopwords.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenSet(StringComparer.Ordinal));
        _questionOnly = questionStopwords.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenSet(StringComparer.Ordinal));
        _chineseFunctionCharacters = chineseFunctionCharacters.ToFrozenSet();
    }

    public static StopwordLists Default => Embedded.Value;

    /// <summary>True for a folded word that is a function word of <paramref name="language"/>.</summary>
    public bool IsStopword(string word, string language) =>
        _index.TryGetValue(language, out var set) && set.Contains(word);

    /// <summary>True for a folded word that frames a question ("according", "article", "laut").</summary>
    public bool IsQuestionWord(string word, string language) =>
        _questionOnly.TryGetValue(language, out var set) && set.Contains(word);

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
            Words("zh").SelectMany(w => w));
    }
}
