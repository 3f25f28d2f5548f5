namespace QaBot.Core;

/// <summary>A question rendered into another language of the collection, with what each phrase became.</summary>
public sealed record QueryTranslation(string Language, string Text, IReadOnlyList<TranslatedPhrase> Phrases);

/// <summary>A phrase of the question and the target phrases it was translated into (best first).</summary>
public sealed record TranslatedPhrase(string Source, IReadOnlyList<string> Targets);

/// <summary>Translates questions into the other languages of the collection.</summary>
public interface IQueryTranslator
{
    /// <summary>One translation per other collection language; empty when there is nothing to translate into.</summary>
    Task<IReadOnlyList<QueryTranslation>> TranslateAsync(string question, string language, CancellationToken cancellationToken);
}
