namespace QaBot.Discord.Gateway;

/// <summary>Supplies the delays before successive reconnect attempts; restarted after each healthy connection.</summary>
public interface IReconnectStrategy
{
    /// <summary>An endless sequence of delays, one per consecutive failed attempt.</summary>
    IEnumerable<TimeSpan> GetDelays();
}

/// <summary>Exponential backoff with "equal jitter": each delay is random in [ceiling/2, ceiling), and the ceiling doubles up to a cap.</summary>
public sealed class ExponentialBackoffReconnectStrategy : IReconnectStrategy
{
    private readonly TimeSpan _initialDelay;
    private readonly TimeSpan _maximumDelay;
    private readonly Random _random;

    /// <summary>Creates the strategy.</summary>
    /// <param name="initialDelay">The first ceiling.</param>
    /// <param name="maximumDelay">The cap no delay exceeds.</param>
    /// <param name="random">The jitter source.</param>
    public ExponentialBackoffReconnectStrategy(TimeSpan initialDelay, TimeSpan maximumDelay, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(initialDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maximumDelay, initialDelay);
        ArgumentNullException.ThrowIfNull(random);
        _initialDelay = initialDelay;
        _maximumDelay = maximumDelay;
        _random = random;
    }

    /// <summary>1 s doubling up to 60 s, jittered by <see cref="Random.Shared"/>.</summary>
    public static ExponentialBackoffReconnectStrategy Default { get; } =
        new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), Random.Shared);

    /// <inheritdoc/>
    public IEnumerable<TimeSpan> GetDelays()
    {
        var ceiling = _initialDelay;
        while (true)
        {
            yield return (ceiling / 2) + (ceiling / 2 * _random.NextDouble());
            ceiling = ceiling * 2 > _maximumDelay ? _maximumDelay : ceiling * 2;
        }
    }
}
