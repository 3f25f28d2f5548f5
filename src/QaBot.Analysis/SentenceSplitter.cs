using System.Collections.Frozen;

namespace QaBot.Analysis;

/// <summary>Where a sentence stands in the text it was split from: <c>text[Start..End]</c>, trimmed.</summary>
public readonly record struct SentenceSpan(int Start, int End)
{
    public int Length => End - Start;
}

/// <summary>
/// Splits text into sentences at Latin (. ! ?) and CJK (。！？；…) sentence ends, keeping closing quotes and
/// brackets with their sentence, and never reordering or dropping anything but the white space between them.
/// A '.' ends a sentence only before white space, and not after an abbreviation ("e.g.", "z. B.", "usw."),
/// an initial, list or section numbering at the start of a sentence ("1. Install", "4.3. PAM"), a section
/// number after a reference word ("Tabelle 4.4.", "see 3.2."), or an ordinal before a month or a lower-case
/// word ("31. März", "am 3. großen Tag"). Dots inside a token ("1.2", "www.debian.org", "sources.list") never end one.
/// </summary>
public static class SentenceSplitter
{
    private static readonly FrozenSet<string> Abbreviations = new[]
    {
        // English
        "e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr", "prof", "inc", "ltd", "co", "corp", "no", "nos", "fig", "figs", "approx",
        "st", "cf", "resp", "al", "vol", "ed", "pp", "sec", "ch", "chap", "eq", "min", "max", "esp", "incl", "dept", "jr", "sr",
        // German
        "nr", "ca", "bzw", "z.b", "u.a", "d.h", "usw", "vgl", "evtl", "ggf", "inkl", "bspw", "sog", "zzgl", "abs", "abb", "bd",
        "hrsg", "jh", "mio", "mrd", "tel", "z.t", "u.u", "o.ä", "s.o", "s.u", "v.a", "u.ä", "ebd", "str", "geb", "gem", "lt",
        // Months
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mär", "okt", "dez",
        "u.s",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // These usually close a list at the end of a sentence: they end it when a capitalised word follows.
    private static readonly FrozenSet<string> ListEndAbbreviations = new[] { "etc", "usw", "usf" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // A number after one of these is a reference ("Tabelle 4.4.", "see 3.2."), not the end of a sentence.
    private static readonly FrozenSet<string> ReferenceWords = new[]
    {
        "table", "section", "chapter", "figure", "fig", "step", "part", "appendix", "item", "see", "page", "p", "version", "no", "nr",
        "tabelle", "abschnitt", "kapitel", "abbildung", "abb", "schritt", "teil", "anhang", "punkt", "siehe", "seite", "s", "§",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Months = new[]
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "januar", "jänner", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember",
        "jan", "feb", "mar", "mär", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "okt", "nov", "dec", "dez",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly System.Buffers.SearchValues<char> NumberChars = System.Buffers.SearchValues.Create("0123456789.");

    /// <summary>The sentences of <paramref name="text"/>, trimmed, none empty, in text order.</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SplitSpans(text).Select(span => text[span.Start..span.End]).ToList();
    }

    /// <summary>
    /// Where each sentence of <paramref name="text"/> starts and ends (white space around it excluded), in order,
    /// so a caller can map a sentence back to its source position.
    /// </summary>
    public static IReadOnlyList<SentenceSpan> SplitSpans(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spans = new List<SentenceSpan>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var end = c switch
            {
                '。' or '！' or '？' or '；' or '｡' or '…' => EndAfterClosers(text, i + 1),
                '!' or '?' when IsLatinMarkEnd(text, i) => EndAfterClosers(text, i + 1),
                '.' when IsLatinSentenceEnd(text, start, i) => EndAfterClosers(text, i + 1),
                '\n' => i + 1,
                _ => -1,
            };
            if (end < 0)
            {
                continue;
            }

            Add(spans, text, start, end);
            start = end;
            i = end - 1;
        }

        Add(spans, text, start, text.Length);
        return spans;
    }

    /// <summary>A Latin '!' or '?' inside a token ("Yahoo!Japan", "a?b=c" in a URL) is not a sentence end.</summary>
    private static bool IsLatinMarkEnd(string text, int mark)
    {
        var end = EndAfterClosers(text, mark + 1);
        return end >= text.Length || char.IsWhiteSpace(text[end]) || IsCjk(text[end]);
    }

    private static bool IsLatinSentenceEnd(string text, int sentenceStart, int dot)
    {
        var next = dot + 1;
        if (next < text.Length && !char.IsWhiteSpace(text[next]) && !IsCloser(text[next]))
        {
            return false;
        }

        var wordStart = WordStart(text, sentenceStart, dot);
        var word = text.AsSpan(wordStart, dot - wordStart);
        if (word.Length == 0)
        {
            return true;
        }

        var nextWord = NextWord(text, next);
        if (word.Length == 1 && char.IsLetter(word[0]))
        {
            return false; // an initial or a spaced abbreviation: "J. Smith", "z. B.", "d. h."
        }

        var key = word.ToString();
        if (Abbreviations.Contains(key))
        {
            return ListEndAbbreviations.Contains(key) && nextWord.Length > 0 && char.IsUpper(nextWord[0]);
        }

        if (IsNumber(word))
        {
            return !IsNumberingOrReference(text, sentenceStart, wordStart, word, nextWord);
        }

        return true;
    }

    /// <summary>A number followed by '.' that does not end the sentence: numbering, a reference or an ordinal.</summary>
    private static bool IsNumberingOrReference(string text, int sentenceStart, int wordStart, ReadOnlySpan<char> number, ReadOnlySpan<char> nextWord)
    {
        if (nextWord.Length == 0)
        {
            return false;
        }

        // "1. Install", "4.3. PAM" opening a line or sentence: the number belongs to what follows.
        if (text.AsSpan(sentenceStart, wordStart - sentenceStart).Trim().IsEmpty)
        {
            return true;
        }

        // "31. März", "1. Januar 2024", "am 3. großen Tag", "in 4.4. beschrieben"
        if (Months.Contains(nextWord.TrimEnd(".,;:").ToString()) || char.IsLower(nextWord[0]) || char.IsAsciiDigit(nextWord[0]))
        {
            return true;
        }

        var previousEnd = wordStart;
        while (previousEnd > sentenceStart && char.IsWhiteSpace(text[previousEnd - 1]))
        {
            previousEnd--;
        }

        var previousStart = WordStart(text, sentenceStart, previousEnd);
        var previous = text.AsSpan(previousStart, previousEnd - previousStart).TrimEnd('.');
        return number.Contains('.') && ReferenceWords.Contains(previous.ToString());
    }

    private static int WordStart(string text, int sentenceStart, int end)
    {
        var start = end;
        while (start > sentenceStart && !char.IsWhiteSpace(text[start - 1]) && text[start - 1] is not ('(' or '[' or '"' or '“' or '„' or '«' or '‚' or '\''))
        {
            start--;
        }

        return start;
    }

    private static ReadOnlySpan<char> NextWord(string text, int index)
    {
        while (index < text.Length && (char.IsWhiteSpace(text[index]) && text[index] != '\n'))
        {
            index++;
        }

        var end = index;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        return text.AsSpan(index, end - index);
    }

    /// <summary>Digits, optionally with inner dots: "31", "4.4", "2.3.1".</summary>
    private static bool IsNumber(ReadOnlySpan<char> word) =>
        char.IsAsciiDigit(word[0]) && char.IsAsciiDigit(word[^1]) && !word.ContainsAnyExcept(NumberChars);

    /// <summary>After a sentence mark: further marks ("?!", "……") and closing quotes or brackets stay with it.</summary>
    private static int EndAfterClosers(string text, int index)
    {
        while (index < text.Length && (IsCloser(text[index]) || text[index] is '。' or '！' or '？' or '…' or '!' or '?'))
        {
            index++;
        }

        return index;
    }

    private static bool IsCloser(char c) => c is '"' or '\'' or ')' or ']' or '”' or '’' or '」' or '』' or '）' or '】' or '》' or '〉' or '〕' or '］' or '＂' or '»';

    private static bool IsCjk(char c) => c is >= '\u3000' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF';

    private static void Add(List<SentenceSpan> spans, string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            spans.Add(new SentenceSpan(start, end));
        }
    }
}
