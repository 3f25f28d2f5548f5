namespace QaBot.Discord.Gateway;

/// <summary>Where the gateway client is in its connection lifecycle.</summary>
public enum GatewayConnectionState
{
    /// <summary>Not started, or stopped by the app.</summary>
    Disconnected,

    /// <summary>Opening the WebSocket and waiting for Hello.</summary>
    Connecting,

    /// <summary>Identify sent; waiting for READY.</summary>
    Identifying,

    /// <summary>Resume sent; waiting for the replay and RESUMED.</summary>
    Resuming,

    /// <summary>READY or RESUMED received; events flow.</summary>
    Connected,

    /// <summary>The connection ended; waiting out the reconnect delay.</summary>
    WaitingToReconnect,

    /// <summary>A fatal close code (bad token, bad intents...) stopped the client for good.</summary>
    Stopped,
}
