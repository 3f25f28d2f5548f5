using QaBot.Core;

namespace QaBot.Testing;

/// <summary>An <see cref="IIngestProgressStore"/> in memory: what a test says another process wrote, and every write seen.</summary>
public sealed class InMemoryIngestProgressStore : IIngestProgressStore
{
    private readonly Lock _lock = new();
    private readonly List<IngestRun> _writes = [];
    private TaskCompletionSource _written = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _read = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The latest record, as <see cref="ReadLatestAsync"/> returns it; set it to play another process.</summary>
    public IngestRun? Latest { get; set; }

    /// <summary>When set, every write and read throws it (an unreachable index).</summary>
    public Exception? Failure { get; set; }

    public IReadOnlyList<IngestRun> Writes
    {
        get
        {
            lock (_lock)
            {
                return [.. _writes];
            }
        }
    }

    public Task WriteAsync(IngestRun run, CancellationToken cancellationToken)
    {
        if (Failure is not null)
        {
            throw Failure;
        }

        TaskCompletionSource written;
        lock (_lock)
        {
            _writes.Add(run);
            Latest = run;
            written = _written;
            _written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        written.TrySetResult();
        return Task.CompletedTask;
    }

    public Task<IngestRun?> ReadLatestAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource read;
        lock (_lock)
        {
            Reads++;
            read = _read;
            _read = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        read.TrySetResult();
        return Failure is not null ? Task.FromException<IngestRun?>(Failure) : Task.FromResult(Latest);
    }

    /// <summary>How often the record was read.</summary>
    public int Reads { get; private set; }

    /// <summary>Waits (at most 10 s) until the record was read <paramref name="count"/> times in all.</summary>
    public async Task WaitForReadsAsync(int count)
    {
        while (true)
        {
            Task next;
            lock (_lock)
            {
                if (Reads >= count)
                {
                    return;
                }

                next = _read.Task;
            }

            await next.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    /// <summary>Waits (at most 10 s, against hangs) until a written record matches.</summary>
    public async Task<IngestRun> WaitForWriteAsync(Func<IngestRun, bool> match)
    {
        while (true)
        {
            Task next;
            lock (_lock)
            {
                if (_writes.LastOrDefault(match) is { } found)
                {
                    return found;
                }

                next = _written.Task;
            }

            await next.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }
}
