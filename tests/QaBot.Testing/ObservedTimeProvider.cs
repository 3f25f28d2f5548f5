using Microsoft.Extensions.Time.Testing;

namespace QaBot.Testing;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that records every timer created, so a test can wait until the code under test
/// is actually waiting for a given delay before advancing time: no races, no sleeps.
/// </summary>
public sealed class ObservedTimeProvider : FakeTimeProvider
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(10);
    private readonly List<TimeSpan> _pending = [];
    private readonly Lock _lock = new();
    private TaskCompletionSource _created = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ObservedTimeProvider()
        : base(new DateTimeOffset(2026, 8, 6, 12, 0, 0, TimeSpan.Zero))
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Record(dueTime);

        // Wrapped so a wait armed later through Change (a pooled CancellationTokenSource's CancelAfter) is seen too.
        return new ObservedTimer(timer, this);
    }

    private void Record(TimeSpan dueTime)
    {
        lock (_lock)
        {
            _pending.Add(dueTime);
            _created.TrySetResult();
            _created = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    private sealed class ObservedTimer(ITimer inner, ObservedTimeProvider owner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                owner.Record(dueTime);
            }

            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }

    /// <summary>Waits until a timer with exactly <paramref name="dueTime"/> has been created (each is matched once).</summary>
    public async Task WaitForTimerAsync(TimeSpan dueTime) => await WaitForTimerAsync(due => due == dueTime);

    /// <summary>
    /// Waits until a timer whose due time satisfies <paramref name="match"/> has been created (each is matched
    /// once) and returns that due time: for waits the code computes itself, such as a backoff with jitter.
    /// </summary>
    public async Task<TimeSpan> WaitForTimerAsync(Func<TimeSpan, bool> match)
    {
        using var guard = new CancellationTokenSource(HangGuard);
        while (true)
        {
            Task created;
            lock (_lock)
            {
                var index = _pending.FindIndex(due => match(due));
                if (index >= 0)
                {
                    var due = _pending[index];
                    _pending.RemoveAt(index);
                    return due;
                }

                created = _created.Task;
            }

            await created.WaitAsync(guard.Token);
        }
    }

    /// <summary>Whether a timer with <paramref name="dueTime"/> was created and not yet matched.</summary>
    public bool HasPendingTimer(TimeSpan dueTime)
    {
        lock (_lock)
        {
            return _pending.Contains(dueTime);
        }
    }

    /// <summary>Waits for a timer of <paramref name="dueTime"/>, then advances time by it.</summary>
    public async Task AdvanceWhenWaitingAsync(TimeSpan dueTime)
    {
        await WaitForTimerAsync(dueTime);
        Advance(dueTime);
    }
}
