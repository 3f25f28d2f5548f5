using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using QaBot.Analysis;
using QaBot.Analysis.Translation;
using QaBot.Core;

namespace QaBot.Retrieval;

/// <summary>
/// After an ingest, rebuilds the collection-restricted translation table when the collection changed, the
/// table is missing, or the dictionaries, glossary or analyzer changed; stores it with the index.
/// </summary>
public sealed partial class TranslationTableRefresher(
    IChunkIndex index,
    TextAnalyzer analyzer,
    TranslationTableStore store,
    ILogger<TranslationTableRefresher> logger) : ICollectionRefresher
{
    public async Task RefreshAsync(bool collectionChanged, CancellationToken cancellationToken)
    {
        var fingerprint = Fingerprint();
        var stored = await index.ReadBlobAsync(TranslationTableStore.FingerprintBlobName, cancellationToken);
        var hasTable = await index.ReadBlobAsync(TranslationTableStore.BlobName, cancellationToken) is not null;
        if (!collectionChanged && hasTable && stored is not null && stored.AsSpan().SequenceEqual(fingerprint))
        {
            return;
        }

        var stopwatch = Stopwatch.StartNew();
        var statistics = await index.GetStatisticsAsync(cancellationToken);
        var vocabulary = (await index.ReadVocabularyAsync(cancellationToken)).ToDictionary(v => v.Term, v => v.ChunkFrequency, StringComparer.Ordinal);
        var languages = statistics.ChunksByLanguage.Keys.Where(Languages.IsKnown).ToList();
        var dictionary = EmbeddedDictionaries.LoadBilingualDictionary();
        var table = new TranslationTableBuilder(dictionary).Build(analyzer.Analyze, vocabulary, languages);
        await index.WriteBlobAsync(TranslationTableStore.BlobName, table.Serialize(), cancellationToken);
        await index.WriteBlobAsync(TranslationTableStore.FingerprintBlobName, fingerprint, cancellationToken);
        store.Invalidate();
        LogBuilt(languages, vocabulary.Count, stopwatch.Elapsed.TotalMilliseconds);
    }

    /// <summary>What the table depends on besides the collection: the analyzer and the shipped dictionaries.</summary>
    private static byte[] Fingerprint()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(TextAnalyzer.Version));
        var assembly = typeof(EmbeddedDictionaries).Assembly;
        foreach (var resource in new[] { EmbeddedDictionaries.LexiconResource, EmbeddedDictionaries.GlossaryResource })
        {
            using var stream = assembly.GetManifestResourceStream(resource);
            if (stream is not null)
            {
                hash.AppendData(Encoding.UTF8.GetBytes(resource + ":" + stream.Length));
                // The table is built from these two; the raw dictionaries are only the lexicon's source.
                if (resource is EmbeddedDictionaries.GlossaryResource or EmbeddedDictionaries.LexiconResource)
                {
                    using var copy = new MemoryStream();
                    stream.CopyTo(copy);
                    hash.AppendData(copy.ToArray());
                }
            }
        }

        return hash.GetHashAndReset();
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Built the translation table for languages {Languages} over {TermCount} terms in {ElapsedMs:0} ms")]
    private partial void LogBuilt(IEnumerable<string> languages, int termCount, double elapsedMs);
}
