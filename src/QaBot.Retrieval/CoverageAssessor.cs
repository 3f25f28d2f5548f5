using QaBot.Analysis;
using QaBot.Core;

namespace QaBot.Retrieval;

/// <summary>
/// Judges how much of a question a passage accounts for: the share of the question's content terms, each
/// weighted by its rarity in the collection (BM25's IDF), that the passage contains as asked or through one
/// of its translations. One raw BM25 score cannot do this: translation raises the scores of unrelated text
/// (capital → Kapital), while a missing rare term (Australia) is what really shows a question is not covered.
/// </summary>
public sealed class CoverageAssessor(TextAnalyzer analyzer)
{
    /// <summary>The terms that stand for each content term of the question: itself, and its translations' terms.</summary>
    public IReadOnlyDictionary<string, List<IReadOnlyList<string>>> Alternatives(
        IReadOnlyList<string> questionTerms, string language, IReadOnlyList<QueryTranslation> translations)
    {
        ArgumentNullException.ThrowIfNull(questionTerms);
        ArgumentNullException.ThrowIfNull(translations);
        var alternatives = questionTerms.ToDictionary(t => t, t => new List<IReadOnlyList<string>> { new[] { t } }, StringComparer.Ordinal);
        foreach (var translation in translations)
        {
            foreach (var phrase in translation.Phrases)
            {
                var sourceTerms = analyzer.AnalyzeQuery(phrase.Source, language);
                var targets = phrase.Targets
                    .Select(target => (IReadOnlyList<string>)analyzer.Analyze(target, translation.Language))
                    .Where(terms => terms.Count > 0)
                    .ToList();
                foreach (var term in sourceTerms)
                {
                    if (alternatives.TryGetValue(term, out var list))
                    {
                        list.AddRange(targets);
                    }
                }
            }
        }

        return alternatives;
    }

    /// <summary>Every term the assessment needs a chunk frequency for.</summary>
    public static IEnumerable<string> TermsNeedingFrequencies(IReadOnlyDictionary<string, List<IReadOnlyList<string>>> alternatives) =>
        alternatives.Values.SelectMany(list => list).SelectMany(terms => terms).Distinct(StringComparer.Ordinal);

    public RetrievalEvidence Assess(
        IReadOnlyDictionary<string, List<IReadOnlyList<string>>> alternatives,
        Chunk? passage,
        double topScore,
        IReadOnlyDictionary<string, int> chunkFrequencies,
        int chunkCount)
    {
        ArgumentNullException.ThrowIfNull(alternatives);
        ArgumentNullException.ThrowIfNull(chunkFrequencies);
        if (alternatives.Count == 0 || passage is null)
        {
            return new RetrievalEvidence(alternatives.Count, 0, topScore, [], [.. alternatives.Keys]);
        }

        var passageTerms = analyzer.Analyze(passage.Text, passage.Language)
            .Concat(analyzer.Analyze(passage.Title, TextAnalyzer.DetectLanguage(passage.Title)))
            .ToHashSet(StringComparer.Ordinal);
        var matched = new List<string>();
        var missing = new List<string>();
        double matchedWeight = 0;
        double totalWeight = 0;
        foreach (var (term, forms) in alternatives)
        {
            // A concept is as informative as its most common form in the collection: translations can only lower its weight.
            var frequency = forms.Max(form => form.Min(t => chunkFrequencies.GetValueOrDefault(t)));
            var weight = InverseDocumentFrequency(frequency, chunkCount);
            totalWeight += weight;
            if (forms.Any(form => form.All(passageTerms.Contains)))
            {
                matchedWeight += weight;
                matched.Add(term);
            }
            else
            {
                missing.Add(term);
            }
        }

        var share = totalWeight > 0 ? matchedWeight / totalWeight : 0;
        return new RetrievalEvidence(alternatives.Count, share, topScore, matched, missing);
    }

    /// <summary>BM25's IDF; a term absent from the collection weighs like one that occurs once.</summary>
    public static double InverseDocumentFrequency(int chunkFrequency, int chunkCount)
    {
        var frequency = Math.Max(1, chunkFrequency);
        return Math.Log(1 + ((chunkCount - frequency + 0.5) / (frequency + 0.5)));
    }
}
