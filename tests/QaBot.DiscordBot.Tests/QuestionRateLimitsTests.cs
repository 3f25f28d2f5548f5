using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace QaBot.DiscordBot.Tests;

public sealed class QuestionRateLimitsTests
{
    private static readonly DiscordBotOptions Limits = new()
    {
        UserRateLimit = 1,
        UserRateLimitWindow = TimeSpan.FromMinutes(1),
        ChannelRateLimit = 100,
        ChannelRateLimitWindow = TimeSpan.FromMinutes(1),
    };

    [Fact]
    public void Check_ManyUsersOnceEach_DropsTheirLimitersOnceTheirWindowsPassed()
    {
        // Arrange: a thousand users ask once each in one channel.
        var time = new FakeTimeProvider();
        var limits = new QuestionRateLimits(Options.Create(Limits), time);
        for (ulong user = 1; user <= 1000; user++)
        {
            time.Advance(TimeSpan.FromMilliseconds(10));
            Assert.Null(limits.Check(user, channelId: user % 10 == 0 ? 7 : null));
        }

        var trackedBusy = limits.Tracked;

        // Act: a minute after the last of them, someone else asks.
        time.Advance(TimeSpan.FromMinutes(1));
        var reply = limits.Check(5000, channelId: null);

        // Assert
        Assert.Null(reply);
        Assert.Equal(1001, trackedBusy);
        Assert.Equal(1, limits.Tracked);
    }

    [Fact]
    public void Check_SweepWhileAUserIsOverTheLimit_KeepsThatUsersLimit()
    {
        // Arrange: user 2 asked a minute ago, user 1 half a minute ago.
        var time = new FakeTimeProvider();
        var limits = new QuestionRateLimits(Options.Create(Limits), time);
        limits.Check(2, channelId: null);
        time.Advance(TimeSpan.FromSeconds(30));
        limits.Check(1, channelId: null);
        time.Advance(TimeSpan.FromSeconds(31));

        // Act: user 1 asks again within its minute, in the check that sweeps user 2's limiter away.
        var reply = limits.Check(1, channelId: null);

        // Assert
        Assert.Equal(BotReplies.RateLimited, reply);
        Assert.Equal(1, limits.Tracked);
    }
}
