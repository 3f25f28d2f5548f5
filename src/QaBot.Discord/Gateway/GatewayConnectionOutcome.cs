namespace QaBot.Discord.Gateway;

/// <summary>How one connection ended and what the client should do next.</summary>
/// <param name="Action">Resume, Identify afresh, or stop.</param>
/// <param name="WasHealthy">Whether READY or RESUMED arrived on it (resets the backoff).</param>
/// <param name="MinimumDelay">A wait the protocol asks for before reconnecting (op 9 without resume).</param>
/// <param name="CloseCode">The close code that ended it, if any.</param>
internal sealed record GatewayConnectionOutcome(
    GatewayReconnectAction Action, bool WasHealthy, TimeSpan MinimumDelay = default, int? CloseCode = null);
