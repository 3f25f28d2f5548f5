using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace QaBot.Analysis;

/// <summary>
/// Splits German compounds into words of a real lexicon, as Lucene's dictionary compound filter does:
/// "logdatei" gives log + datei, "protokolldateien" protokoll + dateien, "arbeitsspeicher" arbeit + speicher
/// (a linking -s-, -n-, -en-, -es-, -er- or -e- may join the parts). The head is taken as long as the rest still
/// splits, the last part may be inflected. Words are compared folded as the analyzer folds them (lower case,
/// ß as ss, diacritics removed). The compound itself is kept by the caller; the parts only add terms.
/// </summary>
public sealed class GermanDecompounder
{
    /// <summary>Words shorter than this are never split.</summary>
    public const int MinCompoundLength = 7;

    /// <summary>Resource name of the gzip-compressed word list written by <see cref="CompileWords"/>.</summary>
    public const string WordsResource = "QaBot.Analysis.Translation.Data.de-compound-words.txt.gz";

    private const string DingResource = "QaBot.Analysis.Translation.Data.ding-de-en.txt.gz";

    private const int MinPartLength = 3;
    private const int MinLastPartLength = 4;
    private const int MaxCompoundLength = 40;
    private static readonly string[] LinkingElements = ["s", "es", "n", "en", "er", "e"];
    private static readonly Lazy<GermanDecompounder> Embedded = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _words;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _stems;

    /// <param name="words">Folded lexicon words (lower case, ß as ss, no diacritics), inflected forms welcome.</param>
    public GermanDecompounder(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var list = words.Where(w => w.Length >= MinPartLength).ToList();
        // The two sets are independent; stemming a few hundred thousand words is half of the start-up, so it runs
        // on another core while the word set is built.
        var stems = Task.Run(() => list.Select(GermanLightStemmer.Stem).ToHashSet(StringComparer.Ordinal));
        _words = list.ToHashSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _stems = stems.GetAwaiter().GetResult().GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// The German headwords of the Ding dictionary shipped with the translation data, loaded on first use from the
    /// word list compiled from it (<see cref="CompileWords"/>).
    /// </summary>
    public static GermanDecompounder Default => Embedded.Value;

    /// <summary>The parts of a folded word, or an empty list when it is no compound of lexicon words.</summary>
    public IReadOnlyList<string> Split(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length < MinCompoundLength || word.Length > MaxCompoundLength)
        {
            return [];
        }

        var parts = new List<string>();
        return TrySplit(word, parts) && parts.Count > 1 ? parts : [];
    }

    private bool TrySplit(ReadOnlySpan<char> word, List<string> parts)
    {
        for (var end = word.Length - MinLastPartLength; end >= MinPartLength; end--)
        {
            var rest = word[end..];
            var head = HeadWithoutLink(word[..end]);
            if (head.IsEmpty)
            {
                continue;
            }

            var mark = parts.Count;
            parts.Add(head.ToString());
            if (IsLastPart(rest))
            {
                parts.Add(rest.ToString());
                return true;
            }

            if (rest.Length >= MinPartLength + MinLastPartLength && TrySplit(rest, parts))
            {
                return true;
            }

            parts.RemoveRange(mark, parts.Count - mark);
        }

        return false;
    }

    /// <summary>The head as a lexicon word, itself or without a linking element; empty when neither is one.</summary>
    private ReadOnlySpan<char> HeadWithoutLink(ReadOnlySpan<char> head)
    {
        if (_words.Contains(head))
        {
            return head;
        }

        foreach (var link in LinkingElements)
        {
            if (head.Length - link.Length >= MinPartLength && head.EndsWith(link) && _words.Contains(head[..^link.Length]))
            {
                return head[..^link.Length];
            }
        }

        return [];
    }

    private bool IsLastPart(ReadOnlySpan<char> rest) =>
        _words.Contains(rest) || _stems.Contains(GermanLightStemmer.Stem(rest.ToString()));

    /// <summary>Lower case, ß as ss, diacritics removed: the analyzer's form of a German word.</summary>
    public static string FoldWord(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (System.Text.Ascii.IsValid(word))
        {
            // Nothing to decompose or recompose: most of the lexicon, which is folded at every start.
            return word.ToLowerInvariant();
        }

        return FoldsByCharacter(word) ? FoldByCharacter(word) : FoldDecomposing(word);
    }

    // Up to Latin Extended-A every character folds on its own (no combining marks, nothing composes again), so a
    // word of them folds by a table built with the general fold: German text without normalizing each word.
    private const char LastFoldedByTable = '\u017F';

    private static readonly Lazy<string[]> CharacterFolds = new(() =>
        [.. Enumerable.Range(0, LastFoldedByTable + 1).Select(c => FoldDecomposing(((char)c).ToString()))]);

    private static bool FoldsByCharacter(string word) => !word.AsSpan().ContainsAnyExceptInRange('\0', LastFoldedByTable);

    private static string FoldByCharacter(string word)
    {
        var folds = CharacterFolds.Value;
        var builder = new StringBuilder(word.Length + 2);
        foreach (var c in word)
        {
            builder.Append(folds[c]);
        }

        return builder.ToString();
    }

    internal static string FoldDecomposing(string word)
    {
        var lower = word.ToLowerInvariant().Replace("ß", "ss", StringComparison.Ordinal);
        var decomposed = lower.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Single-word German forms of Ding lines ("Gerät {n} | Geräte {pl} :: device | devices").</summary>
    public static IEnumerable<string> ReadDingWords(TextReader reader, StopwordLists stopwords)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(stopwords);
        while (reader.ReadLine() is { } line)
        {
            var separator = line.IndexOf(" :: ", StringComparison.Ordinal);
            if (line.StartsWith('#') || separator <= 0)
            {
                continue;
            }

            foreach (var entry in line[..separator].Split(['|', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var form = StripAnnotations(entry);
                if (form.Length >= MinPartLength && form.All(char.IsLetter))
                {
                    var folded = FoldWord(form);
                    if (!stopwords.IsStopword(folded, Languages.German))
                    {
                        yield return folded;
                    }
                }
            }
        }
    }

    // Ding marks gender {f}, domain [comp.] and glosses (...) after the word; the word is what stays.
    private static string StripAnnotations(string entry)
    {
        var builder = new StringBuilder(entry.Length);
        var depth = 0;
        foreach (var c in entry)
        {
            if (c is '{' or '[' or '(')
            {
                depth++;
            }
            else if (c is '}' or ']' or ')')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>
    /// Writes the lexicon words of the embedded Ding file (<see cref="ReadDingWords"/>), distinct and sorted, one a
    /// line, UTF-8: what tools/dictionaries/compile ships as <see cref="WordsResource"/>, so that start-up does not
    /// parse the whole dictionary (about a second) to find them.
    /// </summary>
    public static void CompileWords(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using var gzip = new GZipStream(EmbeddedData.Open(DingResource), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var words = ReadDingWords(reader, StopwordLists.Default)
            .Where(w => w.Length >= MinPartLength)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        using var writer = new StreamWriter(destination, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true) { NewLine = "\n" };
        foreach (var word in words)
        {
            writer.WriteLine(word);
        }
    }

    private static GermanDecompounder LoadEmbedded()
    {
        using var gzip = new GZipStream(EmbeddedData.Open(WordsResource), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return new GermanDecompounder(reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
