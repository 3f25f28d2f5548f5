using Microsoft.Extensions.Options;
using QaBot.Cli.Output;
using QaBot.Core;
using QaBot.Core.Configuration;
using QaBot.Index.Sqlite;
using QaBot.Ingestion.Sync;

namespace QaBot.Cli.Hosting;

/// <summary>
/// On first use, ingests the corpus into the empty index, so a fresh clone answers with one command. The
/// embedded index of a query command is open read-only; only this first-use ingest opens it for writing,
/// and when that is impossible (an empty index on a read-only volume) the command stops with one line.
/// </summary>
public sealed class IndexBootstrapper(IChunkIndex index, CorpusSynchronizer synchronizer, IOptions<CorpusOptions> corpus, SqliteChunkIndex? embedded = null)
{
    public async Task EnsureIndexedAsync(TextWriter status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        IReadOnlyDictionary<string, ManifestEntry> manifest;
        try
        {
            manifest = await index.ReadManifestAsync(cancellationToken);
            if (manifest.Count == 0 && embedded is not null)
            {
                await embedded.EnableWritesAsync(cancellationToken);
            }
        }
        catch (SqliteIndexException exception) when (exception.Problem == IndexProblem.ReadOnly && embedded is not null)
        {
            // Missing, empty or of an older schema: it has to be written before it can answer, and cannot be.
            throw new SqliteIndexException(
                IndexProblem.ReadOnly,
                exception.Path,
                $"The index {embedded.DatabasePath} is missing, empty or of an older version and cannot be written here (read-only file or folder). Run 'qabot ingest' where Data:Path is writable, then use the index read-only.",
                exception);
        }

        if (manifest.Count > 0)
        {
            return;
        }

        await status.WriteLineAsync($"The index is empty: ingesting {corpus.Value.Path} first (run 'qabot ingest' after changing articles).");
        var report = await synchronizer.SynchronizeAsync(corpus.Value.Path, ConsoleIngestProgress.ForStandardError(), cancellationToken);
        await status.WriteLineAsync(IngestSummary.Format(report));
    }
}
