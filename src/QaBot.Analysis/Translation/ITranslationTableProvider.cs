namespace QaBot.Analysis.Translation;

/// <summary>The collection's translation table, for word glosses of quotes in another language.</summary>
public interface ITranslationTableProvider
{
    /// <summary>The table, or null when there is none (nothing ingested, or no retriever that keeps one).</summary>
    Task<TranslationTable?> GetAsync(CancellationToken cancellationToken);
}
