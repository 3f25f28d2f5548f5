using System.Buffers;

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
/// group separators, which German text drops ("100.000" gives 100000): the text is also searched without them.
/// </summary>
internal sealed partial class VocabularyChange
{
    private readonly Func<string, string> _fold;
    private readonly SearchValues<string>? _pieces;

    private VocabularyChange(IReadOnlyList<string> terms, Func<string, string> fold)
    {
        Terms = terms;
        _fold = fold;
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

    /// <summary>Whether the target <paramref name="text"/> may analyze to a changed term.</summary>
    public bool MayAffect(string text)
    {
        if (_pieces is null)
        {
            return false;
        }

        // FoldWord lower-cases ASCII text without allocating more than the copy; anything else is folded as the analyzer does.
        var folded = System.Text.Ascii.IsValid(text) ? GermanDecompounder.FoldWord(text) : GermanDecompounder.FoldWord(_fold(text));
        return folded.AsSpan().ContainsAny(_pieces)
            || (GroupedNumber().IsMatch(folded) && GroupSeparator().Replace(folded, string.Empty).AsSpan().ContainsAny(_pieces));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\d[.,]\d")]
    private static partial System.Text.RegularExpressions.Regex GroupedNumber();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=\d)[.,](?=\d)")]
    private static partial System.Text.RegularExpressions.Regex GroupSeparator();
}
