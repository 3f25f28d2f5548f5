using QaBot.Analysis.Translation;
using QaBot.Retrieval;

namespace QaBot.Answering;

/// <summary>The table the retriever loaded from the index; none when the host has no retrieval registered.</summary>
public sealed class StoredTranslationTableProvider(TranslationTableStore? store) : ITranslationTableProvider
{
    public async Task<TranslationTable?> GetAsync(CancellationToken cancellationToken) =>
        store is null ? null : await store.GetAsync(cancellationToken);
}
