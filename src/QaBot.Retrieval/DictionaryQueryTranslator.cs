using QaBot.Analysis;

namespace QaBot.Retrieval;

/// <summary>Translates questions through the collection's dictionary translation table (offline).</summary>
public sealed class DictionaryQueryTranslator(TranslationTableStore store, TextAnalyzer analyzer) : IQueryTranslator
{
    public async Task<IReadOnlyList<QueryTranslation>> TranslateAsync(string question, string language, CancellationToken cancellationToken)
    {
        var table = await store.GetAsync(cancellationToken);
        if (table is null || !Languages.IsKnown(language))
        {
            return [];
        }

        // The table is keyed on Simplified, case-folded forms.
        var folded = analyzer.Fold(question);
        return table.TranslateToCollectionLanguages(folded, language)
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new QueryTranslation(
                p.Key,
                p.Value.Text,
                p.Value.Phrases.Where(ph => ph.Candidates.Count > 0).Select(ph => new TranslatedPhrase(ph.Source, ph.Candidates)).ToList()))
            .ToList();
    }
}
