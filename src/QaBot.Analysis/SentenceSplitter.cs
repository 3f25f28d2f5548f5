using System.Collections.Frozen;

namespace QaBot.Analysis;

/// <summary>
/// Splits text into sentences at Latin (. ! ?) and CJK (。！？；) sentence ends, keeping closing quotes and
/// brackets with their sentence. A '.' ends a sentence only before white space and not after a known
/// abbreviation or a single initial, so "1.2", "e.g. this" and "U.S. data" stay whole.
/// </summary>
public static class SentenceSplitter
{
    private static readonly FrozenSet<string> Abbreviations = new[]
    {
        "e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr", "prof", "inc", "ltd", "co", "corp", "no", "nr", "fig", "approx", "ca", "bzw", "z.b", "u.a", "d.h", "usw", "vgl", "u.s", "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The sentences of <paramref name="text"/>, trimmed, none empty.</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var end = c switch
            {
                '。' or '！' or '？' or '；' or '!' or '?' or '…' => EndAfterClosers(text, i + 1),
                '.' when IsLatinSentenceEnd(text, start, i) => EndAfterClosers(text, i + 1),
                '\n' => i + 1,
                _ => -1,
            };
            if (end < 0)
            {
                continue;
            }

            // A Latin '!' or '?' in the middle of a token ("Yahoo!Japan") is not a sentence end.
            if (c is '!' or '?' && end < text.Length && !char.IsWhiteSpace(text[end]) && !IsCjk(text[end]))
            {
                continue;
            }

            Add(sentences, text, start, end);
            start = end;
            i = end - 1;
        }

        Add(sentences, text, start, text.Length);
        return sentences;
    }

    private static bool IsLatinSentenceEnd(string text, int sentenceStart, int dot)
    {
        var next = dot + 1;
        if (next < text.Length && !char.IsWhiteSpace(text[next]) && !IsCloser(text[next]))
        {
            return false;
        }

        var wordStart = dot;
        while (wordStart > sentenceStart && !char.IsWhiteSpace(text[wordStart - 1]) && text[wordStart - 1] is not ('(' or '"' or '“'))
        {
            wordStart--;
        }

        var word = text.AsSpan(wordStart, dot - wordStart);
        if (word.Length == 1 && char.IsLetter(word[0]))
        {
            return false; // an initial: "J. Smith"
        }

        return !Abbreviations.Contains(word.ToString());
    }

    private static int EndAfterClosers(string text, int index)
    {
        while (index < text.Length && IsCloser(text[index]))
        {
            index++;
        }

        return index;
    }

    private static bool IsCloser(char c) => c is '"' or '\'' or ')' or ']' or '”' or '’' or '」' or '』' or '）' or '】' or '》' or '〉';

    private static bool IsCjk(char c) => c is >= '\u3000' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF';

    private static void Add(List<string> sentences, string text, int start, int end)
    {
        var sentence = text[start..end].Trim();
        if (sentence.Length > 0)
        {
            sentences.Add(sentence);
        }
    }
}
