using QaBot.Analysis.Translation;
using QaBot.Retrieval;

namespace QaBot.Answering;

/// <summary>The collection's translation table, for word glosses of quotes in another language.</summary>
public interface ITranslationTableProvider
{
    /// <summary>The table, or null when there is none (nothing ingested, or no retriever that keeps one).</summary>
    Task<TranslationTable?> GetAsync(CancellationToken cancellationToken);
}

/// <summary>The table the retriever loaded from the index; none when the host has no retrieval registered.</summary>
public sealed class StoredTranslationTableProvider(TranslationTableStore? store) : ITranslationTableProvider
{
    public async Task<TranslationTable?> GetAsync(CancellationToken cancellationToken) =>
        store is null ? null : await store.GetAsync(cancellationToken);
}
