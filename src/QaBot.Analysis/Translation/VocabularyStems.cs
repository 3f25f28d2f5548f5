using System.Globalization;
using System.Text;

namespace QaBot.Analysis.Translation;

/// <summary>
/// Tells, without the analyzer, that a word of letters cannot yield one of a set of index terms: the analyzer's
/// light stemmers only cut endings (at most <see cref="MaxStrippedLetters"/> letters, keeping at least three of a
/// longer word) after folding case and diacritics, and English -ies becomes -y. So a word can yield a term only
/// when such a prefix of its folded form is one. Words with other characters (digits, dots) are never ruled out.
/// </summary>
internal sealed class VocabularyStems
{
    /// <summary>Most letters the stemmers remove (German -ern/-em/-en/-er/-es/-e/-s plus a stacked -en/-er; English -s, -ing and an undoubled consonant).</summary>
    public const int MaxStrippedLetters = 5;

    private const char FoldedFirst = '\u00C0';

    private static readonly char[] FoldedLetters = CreateFoldedLetters();

    // Whether some term of three or more letters starts with the given three letters a-z (index 26 * 26 * a + 26 * b + c):
    // most words are ruled out by this one array read.
    private readonly bool[] _leadingTrigrams = new bool[26 * 26 * 26];
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _terms;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _stemsBeforeY;

    public VocabularyStems(IEnumerable<string> terms)
    {
        var all = new HashSet<string>(terms, StringComparer.Ordinal);
        _terms = all.GetAlternateLookup<ReadOnlySpan<char>>();
        _stemsBeforeY = all.Where(term => term.Length > 1 && term[^1] == 'y').Select(term => term[..^1])
            .ToHashSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var term in all)
        {
            if (term.Length >= 3 && Trigram(term) is var trigram and >= 0)
            {
                _leadingTrigrams[trigram] = true;
            }
        }
    }

    // False only for a word of letters of which no prefix that a light stemmer could leave (diacritics folded) is a
    // vocabulary term. The stemmers cut at most MaxStrippedLetters letters and keep at least three of a longer word,
    // except English -ies, which becomes -y ("ties" gives "ty").
    public bool MayYield(ReadOnlySpan<char> word)
    {
        // Most words are plain a-z already; a vectorized check spares them the folding loop.
        if (!word.IsEmpty && !word.ContainsAnyExceptInRange('a', 'z'))
        {
            return MayYieldFolded(word);
        }

        Span<char> buffer = stackalloc char[64];
        return !TryFold(word, buffer, out var length) || MayYieldFolded(buffer[..length]);
    }

    private bool MayYieldFolded(ReadOnlySpan<char> folded)
    {
        var length = folded.Length;
        if (length >= 4 && folded.EndsWith("ies") && _stemsBeforeY.Contains(folded[..^3]))
        {
            return true;
        }

        // From three letters on, every prefix tried starts with the same three.
        if (length >= 3 && !_leadingTrigrams[Trigram(folded)])
        {
            return false;
        }

        for (var prefix = Math.Max(Math.Min(3, length), length - MaxStrippedLetters); prefix <= length; prefix++)
        {
            if (_terms.Contains(folded[..prefix]))
            {
                return true;
            }
        }

        return false;
    }

    // Index of the first three letters when they are a-z, else -1.
    private static int Trigram(ReadOnlySpan<char> text) =>
        text[0] is >= 'a' and <= 'z' && text[1] is >= 'a' and <= 'z' && text[2] is >= 'a' and <= 'z'
            ? ((text[0] - 'a') * 26 + text[1] - 'a') * 26 + text[2] - 'a'
            : -1;

    // Lowercase ASCII letters, with German and French diacritics folded and ß as ss; false for anything else.
    private static bool TryFold(ReadOnlySpan<char> word, Span<char> buffer, out int length)
    {
        length = 0;
        foreach (var c in word)
        {
            if (length + 2 > buffer.Length)
            {
                return false;
            }

            if (c is >= 'a' and <= 'z')
            {
                buffer[length++] = c;
            }
            else if (c == 'ß')
            {
                buffer[length++] = 's';
                buffer[length++] = 's';
            }
            else if (FoldDiacritic(c) is { } plain)
            {
                buffer[length++] = plain;
            }
            else
            {
                return false;
            }
        }

        return length > 0;
    }

    // The base letter of a lowercase Latin-1 or Latin Extended-A letter with one combining mark (ä -> a, é -> e), or null.
    private static char? FoldDiacritic(char c) =>
        c is >= FoldedFirst and < (char)(FoldedFirst + 0xC0) && FoldedLetters[c - FoldedFirst] != '\0'
            ? FoldedLetters[c - FoldedFirst]
            : null;

    private static char[] CreateFoldedLetters()
    {
        var letters = new char[0xC0];
        for (var i = 0; i < letters.Length; i++)
        {
            var c = (char)(FoldedFirst + i);
            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            if (char.IsLower(c) && decomposed.Length == 2 && decomposed[0] is >= 'a' and <= 'z'
                && CharUnicodeInfo.GetUnicodeCategory(decomposed[1]) == UnicodeCategory.NonSpacingMark)
            {
                letters[i] = decomposed[0];
            }
        }

        return letters;
    }
}
