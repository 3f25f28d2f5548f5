namespace QaBot.Discord.Rest;

/// <summary>One rate-limit bucket: what Discord last said about it, and a gate so one request per bucket is in flight.</summary>
internal sealed class RestBucket : IDisposable
{
    private readonly Lock _lock = new();
    private int? _remaining;
    private DateTimeOffset _resetsAt;

    /// <summary>Held from before the request until its rate-limit headers are read.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>How long to wait before this bucket has a request left.</summary>
    public TimeSpan TimeUntilAvailable(DateTimeOffset now)
    {
        lock (_lock)
        {
            return _remaining is 0 && _resetsAt > now ? _resetsAt - now : TimeSpan.Zero;
        }
    }

    /// <summary>Applies <c>X-RateLimit-Remaining</c> and the reset time.</summary>
    public void Apply(int remaining, DateTimeOffset resetsAt)
    {
        lock (_lock)
        {
            _remaining = remaining;
            _resetsAt = resetsAt;
        }
    }

    /// <summary>Empties the bucket until <paramref name="until"/> (after a 429).</summary>
    public void BlockUntil(DateTimeOffset until) => Apply(0, until);

    public void Dispose() => Gate.Dispose();
}
