using Microsoft.Extensions.Time.Testing;

namespace QaBot.DiscordBot.Tests;

public sealed class SlidingWindowRateLimiterTests
{
    [Fact]
    public void TryAcquire_OverLimit_RefusesUntilTheWindowSlides()
    {
        var time = new FakeTimeProvider();
        var limiter = new SlidingWindowRateLimiter(2, TimeSpan.FromMinutes(1), time);

        Assert.True(limiter.TryAcquire(1));
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.True(limiter.TryAcquire(1));
        Assert.False(limiter.TryAcquire(1));
        Assert.True(limiter.TryAcquire(2));
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.True(limiter.TryAcquire(1));
        Assert.False(limiter.TryAcquire(1));
    }
}
