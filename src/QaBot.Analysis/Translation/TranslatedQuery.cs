namespace QaBot.Analysis.Translation;

/// <summary>A question translated into another language of the collection.</summary>
/// <param name="Text">
/// The target phrases and passed-through names joined by spaces, each once (case-insensitive): input for the target
/// language's analyzer.
/// </param>
/// <param name="Phrases">What each part of the question became, in question order (for a debug view).</param>
public sealed record TranslatedQuery(string Text, IReadOnlyList<PhraseTranslation> Phrases);

/// <summary>One source phrase of a question and what the translation made of it.</summary>
/// <param name="Source">The phrase as matched (lowercased for English and German).</param>
/// <param name="Kind">Whether it was translated, passed through, or dropped.</param>
/// <param name="Candidates">The target phrases used, best first; the source itself when passed through; empty when dropped.</param>
public sealed record PhraseTranslation(string Source, PhraseTranslationKind Kind, IReadOnlyList<string> Candidates);

/// <summary>What happened to a phrase of the question.</summary>
public enum PhraseTranslationKind
{
    /// <summary>Found in the table; its candidates are in the query.</summary>
    Translated,

    /// <summary>A name or number unknown to the table, kept unchanged.</summary>
    PassedThrough,

    /// <summary>An ordinary word with no translation in the collection; left out.</summary>
    Dropped,
}
