using QaBot.Discord.Gateway;
using QaBot.Testing;

namespace QaBot.Discord.Tests.Gateway;

public sealed class GatewaySendLimiterTests
{
    private const int NormalBudget = GatewaySendLimiter.EventsPerWindow - GatewaySendLimiter.HeartbeatReserve;

    [Fact]
    public async Task AcquireAsync_NormalSendsOverBudget_WaitUntilTheWindowSlides()
    {
        var time = new ObservedTimeProvider();
        var limiter = new GatewaySendLimiter(time);
        for (var i = 0; i < NormalBudget; i++)
        {
            await limiter.AcquireAsync(GatewaySendPriority.Normal, CancellationToken.None);
        }

        var overBudget = limiter.AcquireAsync(GatewaySendPriority.Normal, CancellationToken.None).AsTask();
        await time.WaitForTimerAsync(GatewaySendLimiter.Window);
        var completedEarly = overBudget.IsCompleted;
        time.Advance(GatewaySendLimiter.Window);
        await overBudget.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(completedEarly);
    }

    [Fact]
    public async Task AcquireAsync_NormalBudgetUsed_HeartbeatsStillGoThrough()
    {
        var time = new ObservedTimeProvider();
        var limiter = new GatewaySendLimiter(time);
        for (var i = 0; i < NormalBudget; i++)
        {
            await limiter.AcquireAsync(GatewaySendPriority.Normal, CancellationToken.None);
        }

        var heartbeats = Enumerable.Range(0, GatewaySendLimiter.HeartbeatReserve)
            .Select(_ => limiter.AcquireAsync(GatewaySendPriority.Heartbeat, CancellationToken.None).AsTask())
            .ToArray();
        var beyondLimit = limiter.AcquireAsync(GatewaySendPriority.Heartbeat, CancellationToken.None).AsTask();

        Assert.All(heartbeats, heartbeat => Assert.True(heartbeat.IsCompletedSuccessfully));
        Assert.False(beyondLimit.IsCompleted);
        time.Advance(GatewaySendLimiter.Window);
        await beyondLimit.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task AcquireAsync_SpreadOverTime_OnlyOldGrantsExpire()
    {
        var time = new ObservedTimeProvider();
        var limiter = new GatewaySendLimiter(time);
        await limiter.AcquireAsync(GatewaySendPriority.Normal, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(30));
        for (var i = 1; i < NormalBudget; i++)
        {
            await limiter.AcquireAsync(GatewaySendPriority.Normal, CancellationToken.None);
        }

        var next = limiter.AcquireAsync(GatewaySendPriority.Normal, CancellationToken.None).AsTask();
        await time.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(30));
        await next.WaitAsync(TimeSpan.FromSeconds(10));
        var afterFirstExpired = limiter.AcquireAsync(GatewaySendPriority.Normal, CancellationToken.None).AsTask();

        Assert.False(afterFirstExpired.IsCompleted);
    }
}
