using System.Buffers;
using System.Globalization;

namespace QaBot.Analysis.Translation;

/// <summary>
/// The index terms whose chunk frequency differs between two vocabularies (added and removed terms included), and a
/// cheap test of whether a translation target may analyze to one of them. The test may say yes wrongly, never no
/// wrongly: a target it rules out has the same collection frequency under both vocabularies (a target's frequency
/// is the smallest chunk frequency of its terms, see <see cref="TargetFrequencies"/>), so
/// <see cref="TranslationTableBuilder.Update"/> keeps what it built before for it. The test rests on how the index
/// analyzer forms terms: every term is a piece of the folded text (case, width, diacritics and Traditional
/// characters folded): a Chinese character, bigram or word, a number, a German compound's part, or a word cut at
/// its ending by a light stemmer, except English -ies, which ends in -y ("ties" gives "ty"), and numbers written with
/// group separators, which the tokenizer drops ("100.000" gives 100000), or with a decimal comma, which it makes a
/// point ("1,5" gives 1.5): the text is also searched without them and with points.
/// Outside German, which splits compounds, a term of Latin letters or digits also begins where a token of the
/// text does ("one" is no term of "money"), and a word's term is its English stem ("mor" is no term of "morning").
/// </summary>
internal sealed partial class VocabularyChange
{
    private readonly Func<string, string> _fold;
    private readonly SearchValues<string>? _pieces;
    private readonly HashSet<string> _terms;

    private VocabularyChange(IReadOnlyList<string> terms, Func<string, string> fold)
    {
        Terms = terms;
        _fold = fold;
        _terms = terms.ToHashSet(StringComparer.Ordinal);
        var pieces = terms.Select(term => term.Length > 1 && term[^1] == 'y' ? term[..^1] : term).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        _pieces = pieces.Length == 0 ? null : SearchValues.Create(pieces, StringComparison.Ordinal);
    }

    /// <summary>The changed terms, in ordinal order.</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <param name="previous">Term to chunk frequency before.</param>
    /// <param name="current">Term to chunk frequency now.</param>
    /// <param name="fold">The index analyzer's folding (<see cref="TextAnalyzer.Fold"/>), applied before it forms terms.</param>
    public static VocabularyChange Between(IReadOnlyDictionary<string, int> previous, IReadOnlyDictionary<string, int> current, Func<string, string> fold)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(fold);
        var changed = current.Where(t => previous.GetValueOrDefault(t.Key) != t.Value).Select(t => t.Key)
            .Concat(previous.Keys.Where(t => !current.ContainsKey(t)))
            .Order(StringComparer.Ordinal)
            .ToList();
        return new VocabularyChange(changed, fold);
    }

    /// <summary>Whether the target <paramref name="text"/> of <paramref name="language"/> may analyze to a changed term.</summary>
    public bool MayAffect(string text, string language)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Affected([text], language)[0];
    }

    /// <summary>
    /// <see cref="MayAffect"/> for every phrase of a lexicon pool at once: the folded phrases are joined as one text,
    /// a line each, and searched in one pass (a changed term holds no line break, so a match never spans two phrases).
    /// </summary>
    public bool[] Affected(string[] pool, string language)
    {
        ArgumentNullException.ThrowIfNull(pool);
        Languages.ThrowIfUnknown(language, nameof(language));
        var affected = new bool[pool.Length];
        if (_pieces is null || pool.Length == 0)
        {
            return affected;
        }

        // Only German splits words into parts; elsewhere a term of Latin letters or digits begins where a token does.
        var partsOfWords = language == Languages.German;
        var (folded, starts) = FoldedLines(pool);
        ReadOnlySpan<char> text = folded;
        for (var at = 0; at < text.Length;)
        {
            var found = text[at..].IndexOfAny(_pieces);
            if (found < 0)
            {
                break;
            }

            var position = at + found;
            var id = LineOf(starts, position);
            if (partsOfWords || ((position == starts[id] || !InsideWord(text[position - 1], text[position])) && MayBeTermOfWordAt(text, position)))
            {
                affected[id] = true;
                at = id + 1 < starts.Length ? starts[id + 1] : text.Length;
            }
            else
            {
                at = position + 1;
            }
        }

        foreach (var match in GroupedNumber().EnumerateMatches(text))
        {
            var id = LineOf(starts, match.Index);
            var end = (id + 1 < starts.Length ? starts[id + 1] : text.Length) - 1;
            if (affected[id])
            {
                continue;
            }

            // The numbers as the tokenizer writes them ("1.000,5" in German and "1,000.5" in English give 1000.5).
            var line = new string(text[starts[id]..end]);
            affected[id] = GroupSeparator().Replace(line, string.Empty).AsSpan().ContainsAny(_pieces)
                || GroupSeparator().Replace(line, ".").AsSpan().ContainsAny(_pieces)
                || Tokenizer.Tokenize(line, language).Any(token => token.Kind == TokenKind.Number && _terms.Contains(token.Text));
        }

        return affected;
    }

    // Outside German a Latin word's one term is its English stem ("changes" gives chang, "morning" morn): a word that
    // begins with a letter is affected only when its stem changed. A number, or a word that begins with a digit, is
    // taken as affected.
    private bool MayBeTermOfWordAt(ReadOnlySpan<char> text, int start)
    {
        if (!char.IsLetter(text[start]) || CharUnicodeInfo.GetUnicodeCategory(text[start]) == UnicodeCategory.OtherLetter)
        {
            return true;
        }

        var end = start;
        while (end < text.Length && IsCasedWordCharacter(text[end]))
        {
            end++;
        }

        // The tokenizer's word goes on through letters of other scripts and beyond the basic plane (Han apart):
        // where the word may be longer than read here, its stem is not known.
        if (end < text.Length && (char.IsSurrogate(text[end]) || (Tokenizer.IsWordCategory(CharUnicodeInfo.GetUnicodeCategory(text[end])) && !Tokenizer.IsHan(text[end]))))
        {
            return true;
        }

        return _terms.Contains(EnglishLightStemmer.Stem(new string(text[start..end])));
    }

    /// <summary>
    /// Whether a term beginning with <paramref name="first"/> after <paramref name="before"/> would begin inside a
    /// token, as <see cref="Tokenizer"/> reads tokens (runs of letters, digits and marks, Han ideographs apart), so
    /// that no term outside German begins there. A letter of no case (Han, other scripts) and anything but a letter
    /// or digit count as a token's edge, which may only let a phrase through.
    /// </summary>
    private static bool InsideWord(char before, char first) =>
        IsCasedWordCharacter(first) && IsCasedWordCharacter(before);

    private static bool IsCasedWordCharacter(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is var category && Tokenizer.IsWordCategory(category) && category != UnicodeCategory.OtherLetter;

    // The pool's phrases folded as MayAffect folds them, one line each, and where each line starts.
    private (char[] Text, int[] Starts) FoldedLines(string[] pool)
    {
        var folded = new string?[pool.Length];
        var length = 0;
        for (var id = 0; id < pool.Length; id++)
        {
            // Most of a pool is ASCII, which folds to lower case and is lower-cased in place below; a phrase of ASCII
            // and CJK ideographs only has nothing for FoldWord to decompose.
            var phrase = pool[id];
            if (!System.Text.Ascii.IsValid(phrase))
            {
                phrase = _fold(phrase);
                folded[id] = IsAsciiOrIdeographs(phrase) ? phrase.ToLowerInvariant() : WithoutSpacingMarks(GermanDecompounder.FoldWord(phrase));
            }

            length += (folded[id] ?? phrase).Length + 1;
        }

        var starts = new int[pool.Length];
        var text = new char[length];
        var at = 0;
        for (var id = 0; id < pool.Length; id++)
        {
            starts[id] = at;
            var line = text.AsSpan(at);
            if (folded[id] is { } done)
            {
                done.CopyTo(line);
                at += done.Length;
            }
            else
            {
                System.Text.Ascii.ToLower(pool[id], line, out var written);
                at += written;
            }

            // A line break inside a phrase would start another line.
            text.AsSpan(starts[id], at - starts[id]).Replace('\n', ' ');
            text[at++] = '\n';
        }

        return (text, starts);
    }

    // The analyzer drops spacing combining marks from words as well as the non-spacing ones FoldWord drops.
    private static string WithoutSpacingMarks(string text) =>
        text.Any(c => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.SpacingCombiningMark)
            ? string.Concat(text.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.SpacingCombiningMark))
            : text;

    private static bool IsAsciiOrIdeographs(string text)
    {
        foreach (var c in text)
        {
            if (c > '\x7F' && c is < '\u4E00' or > '\u9FFF')
            {
                return false;
            }
        }

        return true;
    }

    private static int LineOf(int[] starts, int position)
    {
        var index = Array.BinarySearch(starts, position);
        return index >= 0 ? index : ~index - 1;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\d[.,]\d")]
    private static partial System.Text.RegularExpressions.Regex GroupedNumber();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=\d)[.,](?=\d)")]
    private static partial System.Text.RegularExpressions.Regex GroupSeparator();
}
