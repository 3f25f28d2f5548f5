using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using QaBot.Discord;

namespace QaBot.DiscordBot;

/// <summary>The per-user and per-channel question limits of <see cref="DiscordBotOptions"/>.</summary>
internal sealed class QuestionRateLimits(IOptions<DiscordBotOptions> options, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<ulong, SlidingWindowLimiter> _users = new();
    private readonly ConcurrentDictionary<ulong, SlidingWindowLimiter> _channels = new();

    /// <summary>The reply for a question over a limit, or <see langword="null"/> when it may be answered.</summary>
    /// <remarks>The channel is checked first, so a busy channel does not use up its users' own allowance.</remarks>
    public string? Check(ulong userId, ulong? channelId)
    {
        var limits = options.Value;
        if (channelId is { } channel && !TryAcquire(_channels, channel, limits.ChannelRateLimit, limits.ChannelRateLimitWindow))
        {
            return BotReplies.ChannelRateLimited;
        }

        return TryAcquire(_users, userId, limits.UserRateLimit, limits.UserRateLimitWindow) ? null : BotReplies.RateLimited;
    }

    private bool TryAcquire(ConcurrentDictionary<ulong, SlidingWindowLimiter> limiters, ulong key, int limit, TimeSpan window) =>
        limiters.GetOrAdd(key, _ => new SlidingWindowLimiter(window, timeProvider)).TryAcquire(limit);
}
