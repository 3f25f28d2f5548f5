using QaBot.Analysis.Synonyms;
using QaBot.Core;

namespace QaBot.Retrieval.QueryExpansion;

/// <summary>
/// Expands a question's terms with their synonyms (WordNet for English, OpenThesaurus for German), keeping only
/// synonyms the collection's index holds: a synonym the collection never uses cannot find a passage and would
/// only dilute the search. The best <c>perTerm</c> synonyms of each term are kept, in the lexicon's order.
/// </summary>
public sealed class SynonymExpander(SynonymLexicons lexicons, IChunkIndex index)
{
    /// <summary>Each question term with the synonyms the collection holds; terms without any are left out.</summary>
    public async Task<IReadOnlyList<TranslatedPhrase>> ExpandAsync(
        IReadOnlyList<string> questionTerms, string language, int perTerm, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(questionTerms);
        if (perTerm <= 0 || lexicons.For(language) is not { } lexicon)
        {
            return [];
        }

        var asked = questionTerms.ToHashSet(StringComparer.Ordinal);
        var candidates = asked
            .Select(term => (Term: term, Synonyms: lexicon.SynonymsOf(term).Where(s => !asked.Contains(s)).ToList()))
            .Where(c => c.Synonyms.Count > 0)
            .ToList();
        if (candidates.Count == 0)
        {
            return [];
        }

        var frequencies = await index.GetChunkFrequenciesAsync(candidates.SelectMany(c => c.Synonyms).ToHashSet(StringComparer.Ordinal), cancellationToken);
        return candidates
            .Select(c => new TranslatedPhrase(c.Term, c.Synonyms.Where(s => frequencies.GetValueOrDefault(s) > 0).Take(perTerm).ToList()))
            .Where(p => p.Targets.Count > 0)
            .ToList();
    }
}
