using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaBot.Analysis;
using QaBot.Analysis.Translation;
using QaBot.Core;
using QaBot.Core.Configuration;
using QaBot.Retrieval.Translation;

namespace QaBot.Retrieval;

/// <summary>
/// After an ingest, refreshes the collection-restricted translation table when the collection changed, the
/// table is missing, or the dictionaries, the collection's glossary file or analyzer changed; stores it with the index.
/// A collection change updates the stored table from its stored <see cref="TranslationTableBasis"/> (only the
/// entries the changed terms can touch are ranked again, see <see cref="TranslationTableBuilder.Update"/>); anything
/// else, or a basis that does not describe the stored table, builds it afresh.
/// </summary>
/// <remarks>
/// The table is stored with a fingerprint of everything it was built from, the documents' manifest entries
/// included. A manifest entry is committed in the same transaction as its document, so a document write marks
/// the stored table stale in that very transaction: a run stopped after any commit (a document, the table, its
/// fingerprint) leaves a fingerprint that no longer matches, and the next run rebuilds, whatever its own
/// ingest found changed. The table is written before its fingerprint, so a fingerprint never vouches for an
/// older table.
/// </remarks>
public sealed partial class TranslationTableRefresher(
    IChunkIndex index,
    TextAnalyzer analyzer,
    TranslationTableStore store,
    IOptions<TranslationOptions> translationOptions,
    IOptions<CorpusOptions> corpusOptions,
    ILogger<TranslationTableRefresher> logger) : ICollectionRefresher
{
    public async Task RefreshAsync(bool collectionChanged, CancellationToken cancellationToken)
    {
        var glossary = GlossaryFile.Load(GlossaryFile.Resolve(translationOptions.Value.GlossaryPath, corpusOptions.Value.Path));
        var manifest = await index.ReadManifestAsync(cancellationToken);
        var dependencies = Dependencies(glossary);
        var fingerprint = Fingerprint(dependencies, manifest);
        var stored = await index.ReadBlobAsync(TranslationTableStore.FingerprintBlobName, cancellationToken);
        var storedTable = await index.ReadBlobAsync(TranslationTableStore.BlobName, cancellationToken);
        var basis = storedTable is null ? null : await ReadBasisAsync(storedTable, dependencies, cancellationToken);
        // The basis must describe these very documents too: a run that wrote a table and its basis, stopped before the
        // fingerprint, then a run that put the documents back as they were, stopped before this, would otherwise
        // leave the first run's table behind a matching fingerprint.
        if (!collectionChanged && basis is not null && basis.Describes(manifest) && stored is not null && stored.AsSpan().SequenceEqual(fingerprint))
        {
            return;
        }

        var stopwatch = Stopwatch.StartNew();
        var statistics = await index.GetStatisticsAsync(cancellationToken);
        var vocabulary = (await index.ReadVocabularyAsync(cancellationToken)).ToDictionary(v => v.Term, v => v.ChunkFrequency, StringComparer.Ordinal);
        var languages = statistics.ChunksByLanguage.Keys.Where(Languages.IsKnown).ToList();
        var dictionaries = EmbeddedDictionaries.LoadBilingualDictionary();
        var documents = await MineAsync(dictionaries, manifest, basis?.Documents, cancellationToken);
        var builder = new TranslationTableBuilder(dictionaries.WithGlossary([.. glossary.Entries, .. Replay(dictionaries, documents)]));
        var table = basis is null
            ? builder.Build(analyzer.Analyze, vocabulary, languages)
            : builder.Update(
                TranslationTable.Deserialize(storedTable!),
                dictionaries.WithGlossary([.. glossary.Entries, .. Replay(dictionaries, basis.Documents)]),
                basis.Vocabulary,
                analyzer.Fold,
                analyzer.Analyze,
                vocabulary,
                languages);
        var bytes = table.Serialize();
        // Table, then its basis, then the fingerprint: a run stopped in between leaves a basis that does not describe
        // the stored table (built afresh next time) or a stale fingerprint (updated from a basis that still matches).
        await index.WriteBlobAsync(TranslationTableStore.BlobName, bytes, cancellationToken);
        await index.WriteBlobAsync(
            TranslationTableStore.BasisBlobName, TranslationTableBasis.For(dependencies, bytes, vocabulary, documents).Serialize(), cancellationToken);
        await index.WriteBlobAsync(TranslationTableStore.FingerprintBlobName, fingerprint, cancellationToken);
        store.Invalidate();
        if (basis is null)
        {
            LogBuilt(languages, vocabulary.Count, stopwatch.Elapsed.TotalMilliseconds);
        }
        else
        {
            LogUpdated(languages, vocabulary.Count, stopwatch.Elapsed.TotalMilliseconds);
        }
    }

    // The stored basis when it describes the stored table and the same dependencies; otherwise the table is built afresh.
    private async Task<TranslationTableBasis?> ReadBasisAsync(byte[] storedTable, byte[] dependencies, CancellationToken cancellationToken)
    {
        var data = await index.ReadBlobAsync(TranslationTableStore.BasisBlobName, cancellationToken);
        var basis = data is null ? null : TranslationTableBasis.TryDeserialize(data);
        return basis is not null && basis.Describes(storedTable, dependencies) ? basis : null;
    }

    // What each document yields to CollectionTermMiner: kept from the previous basis for a document that did not
    // change, else read from its stored chunks.
    private async Task<Dictionary<string, MinedDocument>> MineAsync(
        BilingualDictionary dictionaries,
        IReadOnlyDictionary<string, ManifestEntry> manifest,
        IReadOnlyDictionary<string, MinedDocument>? previous,
        CancellationToken cancellationToken)
    {
        const int BatchSize = 256;
        var miner = new CollectionTermMiner(dictionaries.HasPhrase);
        var documents = new Dictionary<string, MinedDocument>(StringComparer.Ordinal);
        var toRead = new List<ManifestEntry>();
        foreach (var entry in manifest.Values)
        {
            if (previous is not null && previous.TryGetValue(entry.SourcePath, out var kept) && kept.Describes(entry))
            {
                documents[entry.SourcePath] = kept;
            }
            else
            {
                toRead.Add(entry);
            }
        }

        var ids = toRead.SelectMany(e => Enumerable.Range(0, e.ChunkCount).Select(i => ChunkId.For(e.SourcePath, i))).ToList();
        var findings = toRead.ToDictionary(e => e.SourcePath, _ => new List<(int Index, IReadOnlyList<MinedTerm> Found)>(), StringComparer.Ordinal);
        foreach (var batch in ids.Chunk(BatchSize))
        {
            foreach (var chunk in await index.GetChunksAsync(batch, cancellationToken))
            {
                findings[chunk.SourcePath].Add((chunk.Index, miner.Mine(chunk.Text, chunk.Language)));
            }
        }

        foreach (var entry in toRead)
        {
            // A document's passages in their order, whatever order the index returned them in.
            var found = findings[entry.SourcePath].OrderBy(f => f.Index).SelectMany(f => f.Found).ToList();
            documents[entry.SourcePath] = new MinedDocument(entry.ContentHash, entry.PipelineVersion, entry.ChunkCount, found);
        }

        return documents;
    }

    // The pairs the documents yielded, added in path order as mining the whole collection adds them.
    private static IReadOnlyList<GlossaryEntry> Replay(BilingualDictionary dictionaries, IReadOnlyDictionary<string, MinedDocument> documents)
    {
        var miner = new CollectionTermMiner(dictionaries.HasPhrase);
        foreach (var (_, document) in documents.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            miner.Add(document.Findings);
        }

        return miner.Entries();
    }

    /// <summary>What the table depends on besides the collection: the analyzer, the builder's and miner's versions, the shipped lexicon and the glossary.</summary>
    private static byte[] Dependencies(GlossaryFile glossary)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(TextAnalyzer.Version));
        hash.AppendData(Encoding.UTF8.GetBytes(":" + TranslationTableBuilder.Version));
        // Findings of unchanged documents are kept in the basis: a miner that finds otherwise must not reuse them.
        hash.AppendData(Encoding.UTF8.GetBytes(":" + CollectionTermMiner.Version));
        // The table is built from the lexicon; the raw dictionaries are only its source.
        using (var lexicon = typeof(EmbeddedDictionaries).Assembly.GetManifestResourceStream(EmbeddedDictionaries.LexiconResource))
        {
            if (lexicon is not null)
            {
                using var copy = new MemoryStream();
                lexicon.CopyTo(copy);
                hash.AppendData(copy.ToArray());
            }
        }

        hash.AppendData(Encoding.UTF8.GetBytes("glossary:" + glossary.Content.Length + ":"));
        hash.AppendData(glossary.Content);
        return hash.GetHashAndReset();
    }

    /// <summary>Everything the table depends on: <see cref="Dependencies"/> and every document's manifest entry.</summary>
    private static byte[] Fingerprint(byte[] dependencies, IReadOnlyDictionary<string, ManifestEntry> manifest)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(dependencies);
        // The ingest time is left out: re-writing a document unchanged does not change the table.
        foreach (var entry in manifest.Values.OrderBy(e => e.SourcePath, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(FormattableString.Invariant(
                $"\ndocument:{entry.SourcePath.Length}:{entry.SourcePath}:{entry.ContentHash}:{entry.PipelineVersion}:{entry.ChunkCount}")));
        }

        return hash.GetHashAndReset();
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Built the translation table for languages {Languages} over {TermCount} terms in {ElapsedMs:0} ms")]
    private partial void LogBuilt(IEnumerable<string> languages, int termCount, double elapsedMs);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Information, Message = "Updated the translation table for languages {Languages} over {TermCount} terms in {ElapsedMs:0} ms")]
    private partial void LogUpdated(IEnumerable<string> languages, int termCount, double elapsedMs);
}
