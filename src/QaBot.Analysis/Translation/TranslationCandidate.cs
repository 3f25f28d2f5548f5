namespace QaBot.Analysis.Translation;

/// <summary>A translation kept in the collection-restricted table.</summary>
/// <param name="Text">Target phrase, input for the analyzer of the target language.</param>
/// <param name="CollectionFrequency">Smallest chunk frequency of the phrase's index terms in the collection.</param>
public sealed record TranslationCandidate(string Text, int CollectionFrequency);
