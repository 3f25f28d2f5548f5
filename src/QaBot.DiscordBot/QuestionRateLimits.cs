using Microsoft.Extensions.Options;
using QaBot.Discord;

namespace QaBot.DiscordBot;

/// <summary>
/// The per-user and per-channel question limits of <see cref="DiscordBotOptions"/>. A limiter whose window holds no
/// question any more is dropped (at most once per window), so a bot that meets many users keeps only the recent ones.
/// </summary>
internal sealed class QuestionRateLimits(IOptions<DiscordBotOptions> options, TimeProvider timeProvider)
{
    private readonly Dictionary<ulong, SlidingWindowLimiter> _users = [];
    private readonly Dictionary<ulong, SlidingWindowLimiter> _channels = [];
    private readonly Lock _lock = new();
    private DateTimeOffset _lastSweep = timeProvider.GetUtcNow();

    /// <summary>Users and channels that have a limiter now.</summary>
    public int Tracked
    {
        get
        {
            lock (_lock)
            {
                return _users.Count + _channels.Count;
            }
        }
    }

    /// <summary>The reply for a question over a limit, or <see langword="null"/> when it may be answered.</summary>
    /// <remarks>The channel is checked first, so a busy channel does not use up its users' own allowance.</remarks>
    public string? Check(ulong userId, ulong? channelId)
    {
        var limits = options.Value;
        // One lock for the lookups, the permits and the sweep: a limiter is never dropped while it is being asked.
        lock (_lock)
        {
            Sweep(limits);
            if (channelId is { } channel && !Limiter(_channels, channel, limits.ChannelRateLimitWindow).TryAcquire(limits.ChannelRateLimit))
            {
                return BotReplies.ChannelRateLimited;
            }

            return Limiter(_users, userId, limits.UserRateLimitWindow).TryAcquire(limits.UserRateLimit) ? null : BotReplies.RateLimited;
        }
    }

    private SlidingWindowLimiter Limiter(Dictionary<ulong, SlidingWindowLimiter> limiters, ulong key, TimeSpan window)
    {
        if (!limiters.TryGetValue(key, out var limiter))
        {
            limiter = new SlidingWindowLimiter(window, timeProvider);
            limiters[key] = limiter;
        }

        return limiter;
    }

    private void Sweep(DiscordBotOptions limits)
    {
        var now = timeProvider.GetUtcNow();
        if (now - _lastSweep < TimeSpan.FromTicks(Math.Max(limits.UserRateLimitWindow.Ticks, limits.ChannelRateLimitWindow.Ticks)))
        {
            return;
        }

        _lastSweep = now;
        foreach (var limiters in new[] { _users, _channels })
        {
            foreach (var key in limiters.Where(l => l.Value.IsIdle).Select(l => l.Key).ToList())
            {
                limiters.Remove(key);
            }
        }
    }
}
