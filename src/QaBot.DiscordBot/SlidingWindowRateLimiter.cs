using System.Collections.Concurrent;

namespace QaBot.DiscordBot;

/// <summary>At most N questions per key (a user, a channel) in a sliding window.</summary>
public sealed class SlidingWindowRateLimiter(int limit, TimeSpan window, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<ulong, Queue<DateTimeOffset>> _questions = new();

    /// <summary>Takes a slot for <paramref name="key"/>; <see langword="false"/> when the key is over the limit.</summary>
    public bool TryAcquire(ulong key)
    {
        var now = timeProvider.GetUtcNow();
        var asked = _questions.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
        lock (asked)
        {
            while (asked.Count > 0 && asked.Peek() + window <= now)
            {
                asked.Dequeue();
            }

            if (asked.Count >= limit)
            {
                return false;
            }

            asked.Enqueue(now);
            return true;
        }
    }
}
