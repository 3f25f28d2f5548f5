using QaBot.Analysis;
using QaBot.Analysis.Translation;
using QaBot.Core;
using QaBot.Retrieval.Translation;

namespace QaBot.Retrieval;

/// <summary>
/// Translates questions through the collection's dictionary translation table (offline); with a
/// <see cref="TranslationDisambiguator"/>, keeps of each phrase the senses the collection uses together with the
/// question's other translated terms.
/// </summary>
public sealed class DictionaryQueryTranslator(TranslationTableStore store, TextAnalyzer analyzer, TranslationDisambiguator? disambiguator = null) : IQueryTranslator
{
    public async Task<IReadOnlyList<QueryTranslation>> TranslateAsync(string question, string language, CancellationToken cancellationToken)
    {
        var table = await store.GetAsync(cancellationToken);
        if (table is null || !Languages.IsKnown(language))
        {
            return [];
        }

        // The table is keyed on Simplified forms; the translator lower-cases each word itself and reads capitals as names.
        var folded = analyzer.FoldKeepingCase(question);
        // Each language's disambiguation is a search and a read of its own: they run at once (reads share the index).
        var translations = await Task.WhenAll(table.TranslateToCollectionLanguages(folded, language)
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => Task.Run(() => ChooseAsync(p.Key, p.Value, cancellationToken), cancellationToken)));
        return translations;
    }

    private async Task<QueryTranslation> ChooseAsync(string target, TranslatedQuery query, CancellationToken cancellationToken)
    {
        var candidates = query.Phrases.Select(ph => ph.Candidates).ToList();
        var chosen = disambiguator is null ? candidates : await disambiguator.ChooseAsync(target, candidates, cancellationToken);
        // The query text is every kept candidate once, in the order of the phrases, as the translator writes it.
        var text = chosen.Count == candidates.Count && chosen.SequenceEqual(candidates)
            ? query.Text
            : string.Join(' ', chosen.SelectMany(c => c).Distinct(StringComparer.OrdinalIgnoreCase));
        return new QueryTranslation(
            target,
            text,
            [.. query.Phrases.Select((ph, i) => (ph.Source, Targets: chosen[i])).Where(ph => ph.Targets.Count > 0).Select(ph => new TranslatedPhrase(ph.Source, ph.Targets))]);
    }
}
