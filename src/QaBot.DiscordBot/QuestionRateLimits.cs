using Microsoft.Extensions.Options;

namespace QaBot.DiscordBot;

/// <summary>The per-user and per-channel question limits of <see cref="DiscordBotOptions"/>.</summary>
internal sealed class QuestionRateLimits(IOptions<DiscordBotOptions> options, TimeProvider timeProvider)
{
    private readonly SlidingWindowRateLimiter _users = new(options.Value.UserRateLimit, options.Value.UserRateLimitWindow, timeProvider);
    private readonly SlidingWindowRateLimiter _channels = new(options.Value.ChannelRateLimit, options.Value.ChannelRateLimitWindow, timeProvider);

    /// <summary>The reply for a question over a limit, or <see langword="null"/> when it may be answered.</summary>
    /// <remarks>The channel is checked first, so a busy channel does not use up its users' own allowance.</remarks>
    public string? Check(ulong userId, ulong? channelId)
    {
        if (channelId is { } channel && !_channels.TryAcquire(channel))
        {
            return BotReplies.ChannelRateLimited;
        }

        return _users.TryAcquire(userId) ? null : BotReplies.RateLimited;
    }
}
