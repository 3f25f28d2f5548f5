using System.Collections.Frozen;
using System.Text;

namespace QaBot.Analysis;

/// <summary>
/// Folds Traditional Chinese to Simplified with OpenCC's tables (phrases first, then characters), so that
/// 網絡 and 网络 become the same terms, and Taiwan's words to the mainland's, as OpenCC's tw2sp does
/// (程式 -> 程序, 檔案 -> 文件, 伺服器 -> 服务器), because a collection and its questions mix both. Only used
/// for search; cited text keeps its original script.
/// </summary>
public sealed class ChineseScriptFolder
{
    private static readonly Lazy<ChineseScriptFolder> Embedded = new(LoadEmbedded);

    private readonly FrozenDictionary<char, char> _characters;
    private readonly FrozenDictionary<char, string[]> _phrasesByFirstCharacter;
    private readonly FrozenDictionary<string, string> _phrases;

    /// <param name="characterPairs">Traditional to Simplified characters.</param>
    /// <param name="phrasePairs">Phrases to their Simplified form; a phrase listed twice keeps its first form.</param>
    public ChineseScriptFolder(IEnumerable<KeyValuePair<string, string>> characterPairs, IEnumerable<KeyValuePair<string, string>> phrasePairs)
    {
        var characters = new Dictionary<char, char>();
        foreach (var (from, to) in characterPairs)
        {
            // Only one-to-one BMP mappings fold by character; the rest is left to the phrase table.
            if (from.Length == 1 && to.Length == 1)
            {
                characters.TryAdd(from[0], to[0]);
            }
        }

        var phrases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (from, to) in phrasePairs)
        {
            if (from.Length > 1 && to.Length == from.Length)
            {
                phrases.TryAdd(from, to);
            }
        }

        _characters = characters.ToFrozenDictionary();
        _phrases = phrases.ToFrozenDictionary(StringComparer.Ordinal);
        _phrasesByFirstCharacter = phrases.Keys
            .GroupBy(p => p[0])
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(p => p.Length).ToArray());
    }

    /// <summary>The tables shipped with QaBot (OpenCC TSCharacters, TWPhrasesRev and TSPhrases).</summary>
    public static ChineseScriptFolder Default => Embedded.Value;

    public int CharacterCount => _characters.Count;

    /// <summary>True when at least a tenth of the Han characters of <paramref name="text"/> are Traditional forms.</summary>
    public bool IsMostlyTraditional(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var han = 0;
        var traditional = 0;
        foreach (var c in text)
        {
            if (c is >= '\u4E00' and <= '\u9FFF')
            {
                han++;
                if (_characters.ContainsKey(c))
                {
                    traditional++;
                }
            }
        }

        return han > 0 && traditional * 10 >= han;
    }

    /// <summary>Returns <paramref name="text"/> with Traditional characters replaced by Simplified ones.</summary>
    public string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = IndexOfFoldable(text);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length;)
        {
            var c = text[i];
            if (_phrasesByFirstCharacter.TryGetValue(c, out var candidates) && TryMatchPhrase(text, i, candidates, out var phrase))
            {
                builder.Append(_phrases[phrase]);
                i += phrase.Length;
                continue;
            }

            builder.Append(_characters.TryGetValue(c, out var simplified) ? simplified : c);
            i++;
        }

        return builder.ToString();
    }

    private int IndexOfFoldable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= '\u2E80' && (_characters.ContainsKey(c) || _phrasesByFirstCharacter.ContainsKey(c)))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool TryMatchPhrase(string text, int start, string[] candidates, out string phrase)
    {
        foreach (var candidate in candidates)
        {
            if (start + candidate.Length <= text.Length && string.CompareOrdinal(text, start, candidate, 0, candidate.Length) == 0)
            {
                phrase = candidate;
                return true;
            }
        }

        phrase = string.Empty;
        return false;
    }

    private static ChineseScriptFolder LoadEmbedded()
    {
        var characters = EmbeddedData.ReadPairs("QaBot.Analysis.OpenCC.TSCharacters.txt").ToList();
        // TWPhrasesRev gives the mainland word in Traditional characters (伺服器 -> 服務器): fold those too.
        var byCharacters = new ChineseScriptFolder(characters, []);
        var regional = EmbeddedData.ReadPairs("QaBot.Analysis.OpenCC.TWPhrasesRev.txt")
            .Select(pair => KeyValuePair.Create(pair.Key, byCharacters.Fold(pair.Value)));
        return new(characters, regional.Concat(EmbeddedData.ReadPairs("QaBot.Analysis.OpenCC.TSPhrases.txt")));
    }
}
