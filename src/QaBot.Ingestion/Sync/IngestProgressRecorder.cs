using Microsoft.Extensions.Logging;
using QaBot.Core;

namespace QaBot.Ingestion.Sync;

/// <summary>
/// Keeps the ingest's record in the index store (<see cref="IIngestProgressStore"/>) up to date, so other processes
/// see the run: written at the start, then at most once per <see cref="MinWriteInterval"/> while files finish, at
/// least every <see cref="IngestRun.HeartbeatInterval"/> as a heartbeat, and at the end. The record is advisory: a
/// write that fails is logged and the ingest goes on.
/// </summary>
public sealed partial class IngestProgressRecorder(
    IngestOwner owner,
    TimeProvider timeProvider,
    ILogger<IngestProgressRecorder> logger,
    IIngestProgressStore? store = null)
{
    /// <summary>The shortest time between two writes of a running ingest's record.</summary>
    public static readonly TimeSpan MinWriteInterval = TimeSpan.FromSeconds(1);

    // 1 after a read or write failed: the warning is logged once per outage, not once a second.
    private int _failing;

    private TimeProvider Clock => timeProvider;

    /// <summary>
    /// Writes the record of a new run (overwriting the last run's, a crashed one's included) and starts its heartbeat;
    /// <see langword="null"/> when the index keeps no records. Another live run is reported, not stopped.
    /// </summary>
    public async Task<IngestProgressRun?> StartAsync(int filesTotal, bool fromEmpty, CancellationToken cancellationToken)
    {
        if (store is null)
        {
            return null;
        }

        var now = timeProvider.GetUtcNow();
        if (await TryReadAsync(cancellationToken) is { } previous && previous.Owner != owner.Id && previous.IsLive(now))
        {
            LogOtherIngestRunning(previous.Owner, previous.DescribeFiles(), (int)(now - previous.HeartbeatAt).TotalSeconds);
        }

        var run = new IngestProgressRun(this, new IngestRun(owner.Id, IngestRunStatus.Running, 0, filesTotal, fromEmpty, now, now));
        await TryWriteAsync(run.Initial, cancellationToken);
        run.StartHeartbeat();
        return run;
    }

    private async Task<IngestRun?> TryReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await store!.ReadLatestAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            ReportFailure(exception);
            return null;
        }
    }

    /// <returns>Whether the record was written.</returns>
    private async Task<bool> TryWriteAsync(IngestRun record, CancellationToken cancellationToken)
    {
        try
        {
            await store!.WriteAsync(record, cancellationToken);
            Volatile.Write(ref _failing, 0);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            ReportFailure(exception);
            return false;
        }
    }

    private void ReportFailure(Exception exception)
    {
        if (Interlocked.Exchange(ref _failing, 1) == 0)
        {
            LogWriteFailed(exception.Message);
        }
    }

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Another ingest is running on this index ({Owner}, {Files}, heartbeat {Seconds} s ago); both write to it, and the later one's record is shown")]
    private partial void LogOtherIngestRunning(string owner, string files, int seconds);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Could not write the ingest's progress record ({Reason}); the ingest goes on, other processes may see it as interrupted")]
    private partial void LogWriteFailed(string reason);

    /// <summary>One ingest run's record: count files with <see cref="FileDone"/>, end with <see cref="CompleteAsync"/>.</summary>
    public sealed class IngestProgressRun : IAsyncDisposable
    {
        private readonly IngestProgressRecorder _recorder;
        private readonly CancellationTokenSource _stopping = new();
        private Task _heartbeat = Task.CompletedTask;
        private int _done;
        private bool _completed;

        internal IngestProgressRun(IngestProgressRecorder recorder, IngestRun initial)
        {
            _recorder = recorder;
            Initial = initial;
        }

        internal IngestRun Initial { get; }

        /// <summary>Counts one file done (added, updated, unchanged, removed or failed); written with the next tick.</summary>
        public void FileDone() => Interlocked.Increment(ref _done);

        /// <summary>Stops the heartbeat and writes the run's end.</summary>
        public async Task CompleteAsync(IngestRunStatus status, string? failure = null)
        {
            if (_completed)
            {
                return;
            }

            _completed = true;
            await StopHeartbeatAsync();
            // The end is written even when the ingest was cancelled: it is what tells others it stopped.
            await _recorder.TryWriteAsync(Snapshot(status, failure), CancellationToken.None);
        }

        /// <summary>Stops the heartbeat without writing; a run not completed stays "running" until its heartbeat goes stale.</summary>
        public async ValueTask DisposeAsync()
        {
            await StopHeartbeatAsync();
            _stopping.Dispose();
        }

        internal void StartHeartbeat() => _heartbeat = HeartbeatAsync(_stopping.Token);

        private IngestRun Snapshot(IngestRunStatus status, string? failure = null) => Initial with
        {
            Status = status,
            FilesDone = Volatile.Read(ref _done),
            HeartbeatAt = _recorder.Clock.GetUtcNow(),
            Failure = failure,
        };

        private async Task StopHeartbeatAsync()
        {
            if (!_stopping.IsCancellationRequested)
            {
                await _stopping.CancelAsync();
            }

            await _heartbeat;
        }

        private async Task HeartbeatAsync(CancellationToken stoppingToken)
        {
            using var timer = new PeriodicTimer(MinWriteInterval, _recorder.Clock);
            var written = Initial;
            try
            {
                while (await timer.WaitForNextTickAsync(stoppingToken))
                {
                    var now = _recorder.Clock.GetUtcNow();
                    var done = Volatile.Read(ref _done);
                    if (done == written.FilesDone && now - written.HeartbeatAt < IngestRun.HeartbeatInterval)
                    {
                        continue;
                    }

                    var record = Snapshot(IngestRunStatus.Running);
                    if (await _recorder.TryWriteAsync(record, stoppingToken))
                    {
                        written = record;
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // The run ended; CompleteAsync writes the last record.
            }
        }
    }
}
