using QaBot.Core;

namespace QaBot.Retrieval.QueryExpansion;

/// <summary>
/// Corrects a mistyped query term against the collection's own index terms, with length-dependent fuzziness as
/// Lucene's FuzzyQuery and Elasticsearch's <c>AUTO</c> fuzziness use it: no edits below four characters, one edit
/// (Levenshtein) for four to seven, two from eight on. Elasticsearch's default <c>AUTO:3,6</c> is looser; the
/// thresholds here are one and two characters later because the terms are stems (shorter than the words) and a
/// correction is sought in the whole vocabulary without a common prefix. Only a term the collection lacks, or holds in at most <see cref="RareChunkFrequency"/>
/// chunks while the correction is far more common, is corrected; among candidates the nearest, then the most
/// frequent wins.
/// </summary>
public sealed class VocabularyCorrector
{
    /// <summary>A term in this many chunks or fewer counts as rare: a typo may be all the collection has of it.</summary>
    public const int RareChunkFrequency = 1;

    // A rare term is replaced only by a term this many times more frequent, so a real rare word survives.
    private const int RareTermFrequencyRatio = 20;
    private const int MinCorrectedLength = 4;
    private const int TwoEditsLength = 8;

    private readonly Dictionary<string, int> _frequencies;
    private readonly Dictionary<int, List<VocabularyTerm>> _byLength;

    public VocabularyCorrector(IEnumerable<VocabularyTerm> vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        var terms = vocabulary.Where(v => v.ChunkFrequency > 0 && v.Term.Length >= MinCorrectedLength - 2).ToList();
        _frequencies = terms.GroupBy(v => v.Term, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Max(v => v.ChunkFrequency), StringComparer.Ordinal);
        _byLength = _frequencies.Select(p => new VocabularyTerm(p.Key, p.Value)).GroupBy(v => v.Term.Length).ToDictionary(g => g.Key, g => g.ToList());
    }

    /// <summary>Most edits allowed for a term of <paramref name="length"/> characters.</summary>
    public static int MaxEdits(int length) => length < MinCorrectedLength ? 0 : length < TwoEditsLength ? 1 : 2;

    /// <summary>The index term the typed <paramref name="term"/> most likely meant, or null to leave it as typed.</summary>
    public string? Correct(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        var maxEdits = MaxEdits(term.Length);
        var frequency = _frequencies.GetValueOrDefault(term);
        if (maxEdits == 0 || frequency > RareChunkFrequency || !term.All(char.IsLetter))
        {
            return null;
        }

        string? best = null;
        var bestEdits = int.MaxValue;
        var bestFrequency = 0;
        for (var length = term.Length - maxEdits; length <= term.Length + maxEdits; length++)
        {
            foreach (var candidate in _byLength.GetValueOrDefault(length) ?? [])
            {
                if (candidate.Term == term || candidate.ChunkFrequency < Math.Max(1, frequency * RareTermFrequencyRatio))
                {
                    continue;
                }

                var edits = BoundedLevenshtein(term, candidate.Term, Math.Min(maxEdits, bestEdits));
                if (edits == int.MaxValue)
                {
                    continue;
                }

                if (edits < bestEdits || (edits == bestEdits && candidate.ChunkFrequency > bestFrequency))
                {
                    (best, bestEdits, bestFrequency) = (candidate.Term, edits, candidate.ChunkFrequency);
                }
            }
        }

        return best;
    }

    /// <summary>Levenshtein distance of two strings, or int.MaxValue once it must exceed <paramref name="bound"/>.</summary>
    public static int BoundedLevenshtein(string a, string b, int bound)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (Math.Abs(a.Length - b.Length) > bound)
        {
            return int.MaxValue;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
                rowMinimum = Math.Min(rowMinimum, current[j]);
            }

            if (rowMinimum > bound)
            {
                return int.MaxValue;
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length] <= bound ? previous[b.Length] : int.MaxValue;
    }
}
