namespace QaBot.Discord;

/// <summary>
/// Grants at most a given number of permits in any sliding window of time; callers over the limit wait on
/// <see cref="TimeProvider"/> until the oldest grant leaves the window.
/// </summary>
internal sealed class SlidingWindowLimiter(TimeSpan window, TimeProvider timeProvider)
{
    private readonly Queue<DateTimeOffset> _grants = new();
    private readonly Lock _lock = new();

    /// <summary>Waits until fewer than <paramref name="limit"/> grants lie in the window, then takes one.</summary>
    public async ValueTask AcquireAsync(int limit, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                var now = timeProvider.GetUtcNow();
                while (_grants.Count > 0 && _grants.Peek() + window <= now)
                {
                    _grants.Dequeue();
                }

                if (_grants.Count < limit)
                {
                    _grants.Enqueue(now);
                    return;
                }

                // The grant that must expire before a permit frees up.
                wait = _grants.ElementAt(_grants.Count - limit) + window - now;
            }

            await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }
}
