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
/// Reports the index's state as it goes (<see cref="IndexStateTracker"/>), so a front end that is already
/// running (the bot) can tell "still indexing" from "not covered". When another process is ingesting right now
/// (its record in the index has a fresh heartbeat), this one does not start a second ingest; it takes that
/// ingest's state, which the bot then follows (<c>IngestProgressFollower</c>).
/// </summary>
public sealed class IndexBootstrapper(
    IChunkIndex index,
    CorpusSynchronizer synchronizer,
    IOptions<CorpusOptions> corpus,
    IndexStateTracker state,
    TimeProvider timeProvider,
    SqliteChunkIndex? embedded = null,
    IIngestProgressStore? progressStore = null)
{
    public async Task EnsureIndexedAsync(TextWriter status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        IReadOnlyDictionary<string, ManifestEntry> manifest;
        IngestRun? otherIngest;
        try
        {
            manifest = await index.ReadManifestAsync(cancellationToken);
            otherIngest = await ReadLiveIngestAsync(cancellationToken);
            if (manifest.Count == 0 && embedded is not null && otherIngest is null)
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

        if (otherIngest is not null)
        {
            // Another process is ingesting (the compose job): a second ingest beside it would only compete with it.
            state.Set(otherIngest.ToIndexState(timeProvider.GetUtcNow(), manifest.Count > 0));
            if (state.Current.Phase == IndexPhase.Ingesting)
            {
                await status.WriteLineAsync($"Another process is ingesting the corpus ({otherIngest.DescribeFiles()}, {otherIngest.Owner}); answers come from what it has indexed so far.");
            }

            return;
        }

        if (manifest.Count > 0)
        {
            state.Set(IndexState.Ready);
            return;
        }

        await status.WriteLineAsync($"The index is empty: ingesting {corpus.Value.Path} first (run 'qabot ingest' after changing documents).");
        state.Set(new IndexState(IndexPhase.Ingesting, Since: timeProvider.GetUtcNow()));
        IngestReport report;
        try
        {
            var progress = new IndexStateProgress(ConsoleIngestProgress.ForStandardError(), state, timeProvider);
            report = await synchronizer.SynchronizeAsync(corpus.Value.Path, progress, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            state.Set(new IndexState(IndexPhase.Failed, Failure: exception.Message, Since: timeProvider.GetUtcNow()));
            throw;
        }

        var indexed = report.Files.Any(f => f.Outcome is FileOutcome.Added or FileOutcome.Updated or FileOutcome.Unchanged);
        state.Set(indexed ? IndexState.Ready : new IndexState(IndexPhase.Empty, Since: timeProvider.GetUtcNow()));
        await status.WriteLineAsync(IngestSummary.Format(report));
    }

    /// <summary>The record of an ingest running in another process right now, if the index keeps records and one does.</summary>
    private async Task<IngestRun?> ReadLiveIngestAsync(CancellationToken cancellationToken)
    {
        if (progressStore is null)
        {
            return null;
        }

        try
        {
            var run = await progressStore.ReadLatestAsync(cancellationToken);
            return run is not null && run.IsLive(timeProvider.GetUtcNow()) ? run : null;
        }
        catch (Exception exception) when (exception is InvalidDataException or Microsoft.Data.Sqlite.SqliteException)
        {
            // The record is advisory: one that cannot be read is no reason not to start.
            return null;
        }
    }

        /// <summary>Passes progress on to the console and counts files into the index state.</summary>
    private sealed class IndexStateProgress(IIngestProgress inner, IndexStateTracker state, TimeProvider timeProvider) : IIngestProgress
    {
        private int _done;

        public void Started(int fileCount)
        {
            inner.Started(fileCount);
            state.Set(state.Current with { FilesTotal = fileCount, Since = state.Current.Since ?? timeProvider.GetUtcNow() });
        }

        public void FileDone(FileResult result)
        {
            inner.FileDone(result);
            var done = Interlocked.Increment(ref _done);
            state.Set(state.Current with { FilesDone = done });
        }
    }
}
