namespace QaBot.Discord.Gateway;

/// <summary>What a Gateway send is, for the send limiter.</summary>
internal enum GatewaySendPriority
{
    /// <summary>Identify, Resume, presence and other commands.</summary>
    Normal,

    /// <summary>Heartbeats: may use the headroom kept back from normal sends.</summary>
    Heartbeat,
}

/// <summary>
/// The Gateway send limit: 120 events per connection per 60 s. Normal sends stop short of it so heartbeats always
/// have room (fact sheet §4). One instance per connection.
/// </summary>
internal sealed class GatewaySendLimiter(TimeProvider timeProvider)
{
    /// <summary>Events allowed per window by Discord.</summary>
    public const int EventsPerWindow = 120;

    /// <summary>Permits only heartbeats may use (a 41 s interval needs two a minute; three leaves a margin).</summary>
    public const int HeartbeatReserve = 3;

    /// <summary>The window the limit applies to.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    private readonly SlidingWindowLimiter _window = new(Window, timeProvider);

    /// <summary>Waits for a permit for a send of the given priority.</summary>
    public ValueTask AcquireAsync(GatewaySendPriority priority, CancellationToken cancellationToken) =>
        _window.AcquireAsync(
            priority == GatewaySendPriority.Heartbeat ? EventsPerWindow : EventsPerWindow - HeartbeatReserve,
            cancellationToken);
}
