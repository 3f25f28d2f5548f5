namespace QaBot.Discord.Tests.Fakes;

/// <summary>A <see cref="Random"/> whose <see cref="NextDouble"/> always returns one value: jitter made predictable.</summary>
internal sealed class FixedRandom(double value) : Random
{
    public override double NextDouble() => value;

    protected override double Sample() => value;
}
