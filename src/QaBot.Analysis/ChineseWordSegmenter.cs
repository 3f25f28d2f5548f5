using System.Text;

namespace QaBot.Analysis;

/// <summary>
/// Chinese word segmentation with jieba's dictionary and jieba's exact mode without HMM: the DAG of every dictionary
/// word of the sentence and the route of maximal summed log frequency. Only dictionary words are cut out: jieba's
/// HMM guesses words for unknown runs, but its guess depends on the neighbouring characters, so a question and the
/// passage it quotes would be cut differently; unknown runs come out as single characters, which the analyzer
/// searches as bigrams.
/// </summary>
/// <remarks>
/// jieba.NET cuts the same way but builds a prefix dictionary of 600,000 strings before its first cut (about 1.2 s
/// of start-up, paid by every cold question with Chinese in it). This runs jieba.NET's algorithm over its own
/// dictionary file (<c>Resources/dict.txt</c>, shipped with the package) held as words only, loaded in a fraction
/// of that; ChineseWordSegmenterTests checks it cut for cut against jieba.NET. The dictionary is loaded once, on
/// the first Chinese text, and is read-only afterwards, so cuts run concurrently.
/// </remarks>
public static class ChineseWordSegmenter
{
    private static readonly Lazy<JiebaWordDictionary> Dictionary = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The words of a run of Han characters (already folded to Simplified), in order.</summary>
    public static IReadOnlyList<string> Cut(string run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Length <= 1)
        {
            return [run];
        }

        return Dictionary.Value.Cut(run);
    }

    /// <summary>The path of jieba's dictionary beside the application (copied there by QaBot.Analysis.csproj).</summary>
    public static string DictionaryPath => Path.Combine(AppContext.BaseDirectory, "Resources", "dict.txt");

    private static JiebaWordDictionary Load()
    {
        var path = DictionaryPath;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"jieba's dictionary is missing at '{path}'. Rebuild the application: QaBot.Analysis.csproj copies jieba.NET's Resources folder beside it.",
                path);
        }

        return JiebaWordDictionary.Parse(File.ReadAllText(path, Encoding.UTF8));
    }
}

/// <summary>
/// jieba's word frequencies (lines of <c>word frequency [tag]</c>) and its exact-mode cut without HMM, as jieba.NET
/// implements it: sentences are split into blocks of <c>[\u4E00-\u9FD5a-zA-Z0-9+#&amp;._%·-]</c>, which are cut by
/// the maximum-probability route through the DAG of dictionary words; other characters come out one by one
/// (whitespace as it is), and single letters or digits on the route are joined.
/// </summary>
internal sealed class JiebaWordDictionary
{
    private readonly Dictionary<string, int> _words;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    // Longest word starting with a character: a DAG stops looking there.
    private readonly Dictionary<char, int> _longestFrom;
    private readonly double _logTotal;

    private JiebaWordDictionary(Dictionary<string, int> words, Dictionary<char, int> longestFrom, double total)
    {
        _words = words;
        _lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        _longestFrom = longestFrom;
        _logTotal = Math.Log(total);
    }

    public int Count => _words.Count;

    /// <summary>Reads the dictionary text; as in jieba, a word listed twice keeps its last frequency and both count in the total.</summary>
    public static JiebaWordDictionary Parse(string text)
    {
        var words = new Dictionary<string, int>(400_000, StringComparer.Ordinal);
        var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        var longestFrom = new Dictionary<char, int>();
        double total = 0;
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan(range.Start.Value, range.End.Value - range.Start.Value).TrimEnd('\r');
            var space = line.IndexOf(' ');
            if (space <= 0)
            {
                continue;
            }

            var word = line[..space];
            var rest = line[(space + 1)..];
            var end = rest.IndexOf(' ');
            if (!int.TryParse(end < 0 ? rest : rest[..end], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var frequency))
            {
                continue;
            }

            total += frequency;
            // A word of frequency 0 is no word for jieba (only a prefix).
            if (frequency > 0)
            {
                lookup[word] = frequency;
                longestFrom[word[0]] = Math.Max(longestFrom.GetValueOrDefault(word[0]), word.Length);
            }
            else
            {
                lookup.Remove(word);
            }
        }

        return new JiebaWordDictionary(words, longestFrom, total);
    }

    public List<string> Cut(string text)
    {
        var words = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            if (IsBlockCharacter(text[i]))
            {
                while (i < text.Length && IsBlockCharacter(text[i]))
                {
                    i++;
                }

                CutBlock(text.AsSpan(start, i - start), words);
                continue;
            }

            while (i < text.Length && !IsBlockCharacter(text[i]))
            {
                i++;
            }

            // Outside the blocks: whitespace as it is ("\r\n" together), every other character on its own.
            for (var j = start; j < i; j++)
            {
                if (text[j] == '\r' && j + 1 < i && text[j + 1] == '\n')
                {
                    words.Add("\r\n");
                    j++;
                }
                else
                {
                    words.Add(text[j].ToString());
                }
            }
        }

        return words;
    }

    private static bool IsBlockCharacter(char c) =>
        c is (>= '\u4E00' and <= '\u9FD5') or (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')
            or '+' or '#' or '&' or '.' or '_' or '%' or '·' or '-';

    private void CutBlock(ReadOnlySpan<char> sentence, List<string> words)
    {
        var n = sentence.Length;
        // route[i]: best log probability of sentence[i..] and the last index of its first word (jieba's Calc: the
        // first DAG end with a strictly greater sum wins).
        var best = new double[n + 1];
        var next = new int[n + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            var bestScore = double.MinValue;
            var bestEnd = -1;
            var longest = Math.Min(_longestFrom.GetValueOrDefault(sentence[i]), n - i);
            var anyWord = false;
            for (var length = 1; length <= longest; length++)
            {
                if (_lookup.TryGetValue(sentence.Slice(i, length), out var frequency))
                {
                    anyWord = true;
                    var score = Math.Log(frequency) - _logTotal + best[i + length];
                    if (bestScore < score)
                    {
                        bestScore = score;
                        bestEnd = i + length - 1;
                    }
                }
            }

            if (!anyWord)
            {
                // No word starts here: the character alone, at frequency 1.
                bestScore = Math.Log(1) - _logTotal + best[i + 1];
                bestEnd = i;
            }

            best[i] = bestScore;
            next[i] = bestEnd;
        }

        var buffer = new StringBuilder();
        for (var x = 0; x < n;)
        {
            var y = next[x] + 1;
            var word = sentence[x..y];
            if (word.Length == 1 && char.IsAsciiLetterOrDigit(word[0]))
            {
                buffer.Append(word);
            }
            else
            {
                if (buffer.Length > 0)
                {
                    words.Add(buffer.ToString());
                    buffer.Clear();
                }

                words.Add(word.ToString());
            }

            x = y;
        }

        if (buffer.Length > 0)
        {
            words.Add(buffer.ToString());
        }
    }
}
