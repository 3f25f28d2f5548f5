
namespace QaBot.Bench.Tests;

public sealed class LatencySummaryTests
{
    [Fact]
    public void Of_OneToHundred_NearestRankPercentiles()
    {
        var samples = Enumerable.Range(1, 100).Select(i => (double)i).Reverse();

        var summary = LatencySummary.Of(samples);

        Assert.Equal(100, summary.Count);
        Assert.Equal(50, summary.P50Ms);
        Assert.Equal(95, summary.P95Ms);
        Assert.Equal(99, summary.P99Ms);
        Assert.Equal(50.5, summary.MeanMs, 6);
    }

    [Fact]
    public void Of_TenSamples_P95AndP99AreTheLargest()
    {
        var summary = LatencySummary.Of([5, 1, 9, 3, 7, 2, 8, 4, 6, 10]);

        Assert.Equal(5, summary.P50Ms);
        Assert.Equal(10, summary.P95Ms);
        Assert.Equal(10, summary.P99Ms);
    }

    [Fact]
    public void Of_NoSamples_Empty()
    {
        Assert.Equal(LatencySummary.Empty, LatencySummary.Of([]));
    }

    [Fact]
    public void Percentile_OneSample_IsThatSample()
    {
        Assert.Equal(3.5, LatencySummary.Percentile([3.5], 99));
    }
}
