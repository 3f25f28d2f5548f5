using QaBot.Analysis;
using QaBot.Analysis.Translation;
using QaBot.Core;

namespace QaBot.Answering.Composition;

/// <summary>
/// Glosses the key terms of a quote in another language with the translation table's first equivalent in the
/// question's language: the terms that stand for the question's concepts first, then the others in quote order,
/// a few at most. A dictionary lookup word by word, so it is labelled as a gloss, never as a translation.
/// </summary>
public sealed class WordGlosser(TextAnalyzer analyzer)
{
    public const int MaxPairs = 6;

    /// <param name="focusTerms">Analyzed terms (in the quote's language) that stand for the question's concepts.</param>
    /// <returns>The gloss, or null when the languages are the same or the table knows none of the quote's terms.</returns>
    public WordGloss? Gloss(TranslationTable table, int number, string quote, string quoteLanguage, string questionLanguage, IReadOnlySet<string> focusTerms)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(quote);
        ArgumentNullException.ThrowIfNull(focusTerms);
        if (quoteLanguage == questionLanguage || !Languages.IsKnown(quoteLanguage) || !Languages.IsKnown(questionLanguage)
            || !table.CollectionLanguages.Contains(questionLanguage))
        {
            return null;
        }

        // The table's Chinese keys are Simplified.
        var source = quoteLanguage == Languages.Chinese ? analyzer.Fold(quote) : quote;
        var phrases = table.Translate(source, quoteLanguage, questionLanguage).Phrases
            .Select((phrase, position) => (Phrase: phrase, Position: position))
            .Where(p => p.Phrase.Kind == PhraseTranslationKind.Translated && p.Phrase.Candidates.Count > 0
                && !string.Equals(p.Phrase.Candidates[0], p.Phrase.Source, StringComparison.OrdinalIgnoreCase))
            .DistinctBy(p => p.Phrase.Source, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var chosen = phrases
            .OrderByDescending(p => analyzer.Analyze(p.Phrase.Source, quoteLanguage).Any(focusTerms.Contains))
            .ThenBy(p => p.Position)
            .Take(MaxPairs)
            .OrderBy(p => p.Position)
            .Select(p => new GlossPair(p.Phrase.Source, p.Phrase.Candidates[0]))
            .ToList();
        return chosen.Count == 0 ? null : new WordGloss(number, chosen);
    }
}
