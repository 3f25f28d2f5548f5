
namespace QaBot.Bench.Tests;

public sealed class DeterministicSeedTests
{
    [Fact]
    public void Of_FixedInputs_FixedValueInEveryProcess()
    {
        // A literal, so a change to a per-process randomized hash would fail here.
        Assert.Equal(DeterministicSeedExpected, DeterministicSeed.Of(42, 7));
        Assert.NotEqual(DeterministicSeed.Of(42, 7), DeterministicSeed.Of(42, 8));
        Assert.NotEqual(DeterministicSeed.Of(42, 7), DeterministicSeed.Of(43, 7));
    }

    private const int DeterministicSeedExpected = 634716205;
}
