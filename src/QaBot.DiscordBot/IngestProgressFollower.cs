using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaBot.Core;

namespace QaBot.DiscordBot;

/// <summary>
/// Follows an ingest that runs in another process (the compose job, another machine on the same Qdrant): reads the
/// ingest record in the index every <see cref="DiscordBotOptions.IngestPollInterval"/> and feeds the bot's
/// <see cref="IndexStateTracker"/>, so readiness replies, the ready-wait and the presence text work across processes.
/// Records of this process's own ingest are left alone: that ingest reports to the tracker directly.
/// </summary>
internal sealed class IngestProgressFollower(
    IndexStateTracker tracker,
    IngestOwner owner,
    IOptions<DiscordBotOptions> options,
    TimeProvider timeProvider,
    ILogger<IngestProgressFollower> logger,
    IIngestProgressStore? store = null,
    IChunkIndex? index = null)
{
    private bool _failing;
    // Documents, once seen, stay for the run that was then the latest: the manifest is not read again every poll.
    private (string Owner, DateTimeOffset StartedAt)? _documentsSeenDuring;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        if (store is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.IngestPollInterval, timeProvider);
        try
        {
            do
            {
                await PollAsync(store, stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task PollAsync(IIngestProgressStore records, CancellationToken cancellationToken)
    {
        try
        {
            var run = await records.ReadLatestAsync(cancellationToken);
            if (run is not null && run.Owner != owner.Id)
            {
                var now = timeProvider.GetUtcNow();
                // A live build from empty is "ingesting" whatever is committed so far; only otherwise do documents decide.
                var hasDocuments = !(run.IsLive(now) && run.FromEmpty) && await HasDocumentsAsync(run, cancellationToken);
                tracker.Set(run.ToIndexState(now, hasDocuments));
            }

            _failing = false;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The index server may be restarting: keep the last state and try again at the next tick; say so once.
            if (!_failing)
            {
                Log.IngestPollFailed(logger, exception.Message);
                _failing = true;
            }
        }
    }

    private async Task<bool> HasDocumentsAsync(IngestRun run, CancellationToken cancellationToken)
    {
        if (index is null || _documentsSeenDuring == (run.Owner, run.StartedAt))
        {
            return true;
        }

        var hasDocuments = (await index.ReadManifestAsync(cancellationToken)).Count > 0;
        _documentsSeenDuring = hasDocuments ? (run.Owner, run.StartedAt) : null;
        return hasDocuments;
    }
}
