namespace QaBot.Discord;

/// <summary>
/// Grants at most a given number of permits in any sliding window of time, on an injected
/// <see cref="TimeProvider"/>: <see cref="TryAcquire"/> refuses a caller over the limit,
/// <see cref="AcquireAsync"/> waits until the oldest grant leaves the window.
/// </summary>
/// <remarks>
/// Our own rather than System.Threading.RateLimiting's <c>SlidingWindowRateLimiter</c>: that one counts in
/// window segments replenished by its own timer and cannot take a <see cref="TimeProvider"/>, so it is neither
/// exact (Discord's 120 sends per 60 s) nor drivable by a fake clock in tests.
/// </remarks>
public sealed class SlidingWindowLimiter
{
    private readonly Queue<DateTimeOffset> _grants = new();
    private readonly Lock _lock = new();
    private readonly TimeSpan _window;
    private readonly TimeProvider _timeProvider;

    /// <summary>A limiter over windows of <paramref name="window"/> on <paramref name="timeProvider"/>'s clock.</summary>
    public SlidingWindowLimiter(TimeSpan window, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _window = window;
        _timeProvider = timeProvider;
    }

    /// <summary>Takes a permit when fewer than <paramref name="limit"/> grants lie in the window; <see langword="false"/> otherwise.</summary>
    public bool TryAcquire(int limit)
    {
        lock (_lock)
        {
            return TryAcquireLocked(limit, out _);
        }
    }

    /// <summary>Whether no grant lies in the window any more: the limiter is as good as new and may be dropped.</summary>
    public bool IsIdle
    {
        get
        {
            lock (_lock)
            {
                Expire(_timeProvider.GetUtcNow());
                return _grants.Count == 0;
            }
        }
    }

    /// <summary>Waits until fewer than <paramref name="limit"/> grants lie in the window, then takes one.</summary>
    public async ValueTask AcquireAsync(int limit, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                if (TryAcquireLocked(limit, out wait))
                {
                    return;
                }
            }

            await Task.Delay(wait, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private bool TryAcquireLocked(int limit, out TimeSpan wait)
    {
        var now = _timeProvider.GetUtcNow();
        Expire(now);
        if (_grants.Count < limit)
        {
            _grants.Enqueue(now);
            wait = TimeSpan.Zero;
            return true;
        }

        // The grant that must expire before a permit frees up.
        wait = _grants.ElementAt(_grants.Count - limit) + _window - now;
        return false;
    }

    private void Expire(DateTimeOffset now)
    {
        while (_grants.Count > 0 && _grants.Peek() + _window <= now)
        {
            _grants.Dequeue();
        }
    }
}
