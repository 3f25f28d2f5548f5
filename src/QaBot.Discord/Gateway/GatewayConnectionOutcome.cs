namespace QaBot.Discord.Gateway;

/// <summary>How one connection ended and what the client should do next.</summary>
/// <param name="Action">Resume, Identify afresh, or stop.</param>
/// <param name="WasHealthy">Whether READY or RESUMED arrived on it (resets the backoff).</param>
/// <param name="MinimumDelay">A wait the protocol asks for before reconnecting (op 9 without resume).</param>
/// <param name="CloseCode">The close code that ended it, if any.</param>
internal sealed record GatewayConnectionOutcome(
    GatewayReconnectAction Action, bool WasHealthy, TimeSpan MinimumDelay = default, int? CloseCode = null)
{
    /// <summary>Why the connection ended, for the one log line that also says when the next attempt is.</summary>
    public string Reason { get; init; } = "the connection ended";

    /// <summary>Discord asked for it (op 7, a resumable op 9): not a failure, logged at Information.</summary>
    public bool Requested { get; init; }
}
