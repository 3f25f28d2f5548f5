namespace QaBot.Discord.Gateway;

/// <summary>Close codes the Gateway sends, by name.</summary>
public enum GatewayCloseCode
{
    /// <summary>4000: unknown error; reconnect.</summary>
    UnknownError = 4000,

    /// <summary>4001: unknown opcode or bad payload for an opcode; reconnect.</summary>
    UnknownOpcode = 4001,

    /// <summary>4002: decode error (also a frame over 4096 bytes); reconnect.</summary>
    DecodeError = 4002,

    /// <summary>4003: a payload was sent before Identify; reconnect.</summary>
    NotAuthenticated = 4003,

    /// <summary>4004: the token is invalid; fatal.</summary>
    AuthenticationFailed = 4004,

    /// <summary>4005: Identify was sent twice; reconnect.</summary>
    AlreadyAuthenticated = 4005,

    /// <summary>4007: invalid sequence on Resume; reconnect with a new session.</summary>
    InvalidSequence = 4007,

    /// <summary>4008: the send limit was exceeded; reconnect.</summary>
    RateLimited = 4008,

    /// <summary>4009: the session timed out; reconnect with a new session.</summary>
    SessionTimedOut = 4009,

    /// <summary>4010: invalid shard; fatal.</summary>
    InvalidShard = 4010,

    /// <summary>4011: sharding required; fatal.</summary>
    ShardingRequired = 4011,

    /// <summary>4012: invalid API version; fatal.</summary>
    InvalidApiVersion = 4012,

    /// <summary>4013: invalid intents; fatal.</summary>
    InvalidIntents = 4013,

    /// <summary>4014: disallowed (privileged, not enabled) intents; fatal.</summary>
    DisallowedIntents = 4014,
}

/// <summary>What to do after a connection ends.</summary>
public enum GatewayReconnectAction
{
    /// <summary>Reconnect to <c>resume_gateway_url</c> and send Resume.</summary>
    Resume,

    /// <summary>Reconnect to the cached Gateway URL and Identify afresh.</summary>
    Identify,

    /// <summary>Do not reconnect: the configuration must be fixed.</summary>
    Stop,
}

/// <summary>Decides, from a close code, whether to resume, re-identify or stop (fact sheet §4 "Close codes").</summary>
public static class GatewayCloseCodePolicy
{
    /// <summary>The action for a close code; <see langword="null"/> means the socket dropped without one (resume).</summary>
    public static GatewayReconnectAction Decide(int? closeCode) => closeCode switch
    {
        null => GatewayReconnectAction.Resume,
        (int)GatewayCloseCode.InvalidSequence or (int)GatewayCloseCode.SessionTimedOut => GatewayReconnectAction.Identify,
        (int)GatewayCloseCode.AuthenticationFailed
            or (int)GatewayCloseCode.InvalidShard
            or (int)GatewayCloseCode.ShardingRequired
            or (int)GatewayCloseCode.InvalidApiVersion
            or (int)GatewayCloseCode.InvalidIntents
            or (int)GatewayCloseCode.DisallowedIntents => GatewayReconnectAction.Stop,
        _ => GatewayReconnectAction.Resume,
    };

    /// <summary>A message for a fatal close code that says what to fix.</summary>
    public static string DescribeFatal(int closeCode) => closeCode switch
    {
        (int)GatewayCloseCode.AuthenticationFailed =>
            "Discord rejected the bot token (close code 4004). Check Discord:Token.",
        (int)GatewayCloseCode.InvalidShard => "Discord rejected the shard (close code 4010).",
        (int)GatewayCloseCode.ShardingRequired =>
            "Discord requires sharding for this bot (close code 4011); this client runs one shard.",
        (int)GatewayCloseCode.InvalidApiVersion => "Discord rejected the Gateway API version (close code 4012).",
        (int)GatewayCloseCode.InvalidIntents => "Discord rejected the intents (close code 4013). Check Discord:Intents.",
        (int)GatewayCloseCode.DisallowedIntents =>
            "Discord refused a privileged intent that is not enabled for this app (close code 4014). " +
            "Enable it in the Developer Portal or remove it from Discord:Intents.",
        _ => $"The Gateway closed the connection with code {closeCode}.",
    };
}
