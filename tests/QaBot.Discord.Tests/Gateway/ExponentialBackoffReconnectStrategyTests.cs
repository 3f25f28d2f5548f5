using QaBot.Discord.Gateway;
using QaBot.Discord.Tests.Fakes;

namespace QaBot.Discord.Tests.Gateway;

public sealed class ExponentialBackoffReconnectStrategyTests
{
    [Fact]
    public void GetDelays_MaximumJitter_DoublesUpToTheCap()
    {
        var strategy = new ExponentialBackoffReconnectStrategy(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8), new FixedRandom(1.0));

        var delays = strategy.GetDelays().Take(6).Select(delay => delay.TotalSeconds).ToArray();

        Assert.Equal([1, 2, 4, 8, 8, 8], delays);
    }

    [Fact]
    public void GetDelays_NoJitter_WaitsHalfTheCeiling()
    {
        var strategy = new ExponentialBackoffReconnectStrategy(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(60), new FixedRandom(0));

        var delays = strategy.GetDelays().Take(3).Select(delay => delay.TotalSeconds).ToArray();

        Assert.Equal([1, 2, 4], delays);
    }

    [Fact]
    public void GetDelays_RealRandom_StaysWithinJitterBoundsAndCap()
    {
        var strategy = new ExponentialBackoffReconnectStrategy(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), new Random(42));

        var delays = strategy.GetDelays().Take(50).ToArray();

        Assert.All(delays, delay => Assert.InRange(delay, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(30)));
        Assert.All(delays.Skip(10), delay => Assert.True(delay >= TimeSpan.FromSeconds(15)));
        Assert.True(delays.Distinct().Count() > 1);
    }
}
