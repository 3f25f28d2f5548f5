using Microsoft.Extensions.Options;
using QaBot.Cli.Output;
using QaBot.Core;
using QaBot.Core.Configuration;
using QaBot.Ingestion.Sync;

namespace QaBot.Cli.Hosting;

/// <summary>On first use, ingests the corpus into the empty index, so a fresh clone answers with one command.</summary>
public sealed class IndexBootstrapper(IChunkIndex index, CorpusSynchronizer synchronizer, IOptions<CorpusOptions> corpus)
{
    public async Task EnsureIndexedAsync(TextWriter status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        var manifest = await index.ReadManifestAsync(cancellationToken);
        if (manifest.Count > 0)
        {
            return;
        }

        await status.WriteLineAsync($"The index is empty: ingesting {corpus.Value.Path} first (run 'qabot ingest' after changing articles).");
        var report = await synchronizer.SynchronizeAsync(corpus.Value.Path, ConsoleIngestProgress.ForStandardError(), cancellationToken);
        await status.WriteLineAsync(IngestSummary.Format(report));
    }
}
