using Microsoft.Extensions.Time.Testing;

namespace QaBot.Discord.Tests;

public sealed class SlidingWindowLimiterTests
{
    [Fact]
    public void TryAcquire_OverLimit_RefusesUntilTheWindowSlides()
    {
        var time = new FakeTimeProvider();
        var limiter = new SlidingWindowLimiter(TimeSpan.FromMinutes(1), time);

        Assert.True(limiter.TryAcquire(2));
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.True(limiter.TryAcquire(2));
        Assert.False(limiter.TryAcquire(2));
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.True(limiter.TryAcquire(2));
        Assert.False(limiter.TryAcquire(2));
    }

    [Fact]
    public void IsIdle_GrantInTheWindow_FalseUntilItLeavesTheWindow()
    {
        var time = new FakeTimeProvider();
        var limiter = new SlidingWindowLimiter(TimeSpan.FromSeconds(10), time);
        Assert.True(limiter.IsIdle);

        limiter.TryAcquire(1);
        time.Advance(TimeSpan.FromSeconds(9));
        var idleInWindow = limiter.IsIdle;
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.False(idleInWindow);
        Assert.True(limiter.IsIdle);
    }

    [Fact]
    public async Task AcquireAsync_OverLimit_WaitsUntilTheOldestGrantLeavesTheWindow()
    {
        var time = new FakeTimeProvider();
        var limiter = new SlidingWindowLimiter(TimeSpan.FromSeconds(10), time);
        await limiter.AcquireAsync(2, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(4));
        await limiter.AcquireAsync(2, CancellationToken.None);

        var third = limiter.AcquireAsync(2, CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromSeconds(5));
        var waitingAfter9s = !third.IsCompleted;
        time.Advance(TimeSpan.FromSeconds(1));
        await third.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(waitingAfter9s);
        Assert.True(third.IsCompletedSuccessfully);
        Assert.False(limiter.TryAcquire(2));
    }

    [Fact]
    public async Task AcquireAsync_Cancelled_ThrowsWithoutTakingAPermit()
    {
        var time = new FakeTimeProvider();
        var limiter = new SlidingWindowLimiter(TimeSpan.FromSeconds(10), time);
        Assert.True(limiter.TryAcquire(1));
        using var cancellation = new CancellationTokenSource();

        var waiting = limiter.AcquireAsync(1, cancellation.Token).AsTask();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.True(limiter.TryAcquire(1));
    }
}
