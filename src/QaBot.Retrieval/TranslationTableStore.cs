using QaBot.Analysis.Translation;
using QaBot.Core;

namespace QaBot.Retrieval;

/// <summary>
/// Keeps the collection's translation table, loaded once from the index where the ingest job stored it.
/// </summary>
public sealed class TranslationTableStore(IChunkIndex index) : IDisposable
{
    public const string BlobName = "translation-table";
    public const string FingerprintBlobName = "translation-table.fingerprint";

    /// <summary>What the stored table was built from (<see cref="Translation.TranslationTableBasis"/>), for the next update.</summary>
    public const string BasisBlobName = "translation-table.basis";

    private readonly SemaphoreSlim _loading = new(1, 1);
    private TranslationTable? _table;
    private bool _loaded;

    /// <summary>The table, or null when the index has none yet (nothing ingested).</summary>
    public async Task<TranslationTable?> GetAsync(CancellationToken cancellationToken)
    {
        if (_loaded)
        {
            return _table;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (!_loaded)
            {
                var bytes = await index.ReadBlobAsync(BlobName, cancellationToken);
                _table = bytes is null ? null : TranslationTable.Deserialize(bytes);
                _loaded = true;
            }

            return _table;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Forgets the cached table, after the ingest job stored a new one.</summary>
    public void Invalidate()
    {
        _loaded = false;
        _table = null;
    }

    public void Dispose() => _loading.Dispose();
}
