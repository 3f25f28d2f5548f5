using QaBot.Discord.Gateway;

namespace QaBot.Testing.Discord;

/// <summary>Yields the given delays, then repeats the last one.</summary>
public sealed class FixedReconnectStrategy(params TimeSpan[] delays) : IReconnectStrategy
{
    public static FixedReconnectStrategy Immediate { get; } = new(TimeSpan.Zero);

    public IEnumerable<TimeSpan> GetDelays()
    {
        foreach (var delay in delays)
        {
            yield return delay;
        }

        while (true)
        {
            yield return delays[^1];
        }
    }
}
