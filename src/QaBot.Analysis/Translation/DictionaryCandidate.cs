namespace QaBot.Analysis.Translation;

/// <summary>One dictionary translation of a phrase.</summary>
/// <param name="Text">The translation: lowercased for English and German, Simplified for Chinese.</param>
/// <param name="Rank">Dictionary preference, lower is better (short single-sense glosses first); glossary candidates come before all others whatever their rank.</param>
/// <param name="FromGlossary">Whether the glossary supplied it.</param>
public readonly record struct DictionaryCandidate(string Text, int Rank, bool FromGlossary);
