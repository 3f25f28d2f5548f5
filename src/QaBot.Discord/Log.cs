using Microsoft.Extensions.Logging;

namespace QaBot.Discord;

/// <summary>Source-generated log messages: 3000s Gateway, 3500s REST. No message carries a token.</summary>
internal static partial class Log
{
    [LoggerMessage(3000, LogLevel.Information, "Connecting to the Gateway at {Host} ({Mode})")]
    public static partial void GatewayConnecting(ILogger logger, string host, string mode);

    [LoggerMessage(3001, LogLevel.Debug, "Gateway Hello: heartbeat every {HeartbeatIntervalMs} ms")]
    public static partial void GatewayHello(ILogger logger, int heartbeatIntervalMs);

    [LoggerMessage(3002, LogLevel.Information, "Gateway READY as user {UserId} for application {ApplicationId}")]
    public static partial void GatewayReady(ILogger logger, ulong userId, ulong applicationId);

    [LoggerMessage(3003, LogLevel.Information, "Gateway session resumed")]
    public static partial void GatewayResumed(ILogger logger);

    [LoggerMessage(3004, LogLevel.Debug, "No Heartbeat ACK since the previous beat: the connection is dead, closing it")]
    public static partial void HeartbeatAckMissed(ILogger logger);

    [LoggerMessage(3005, LogLevel.Debug, "The Gateway asked for a reconnect (op 7)")]
    public static partial void ReconnectRequested(ILogger logger);

    [LoggerMessage(3006, LogLevel.Debug, "The Gateway invalidated the session (op 9, resumable: {Resumable})")]
    public static partial void InvalidSession(ILogger logger, bool resumable);

    [LoggerMessage(3007, LogLevel.Debug, "The Gateway closed the connection with {CloseCode} ({CloseReason}); next: {Action}")]
    public static partial void GatewayClosed(ILogger logger, int closeCode, string? closeReason, Gateway.GatewayReconnectAction action);

    [LoggerMessage(3008, LogLevel.Debug, "The Gateway connection dropped")]
    public static partial void ConnectionDropped(ILogger logger, Exception exception);

    [LoggerMessage(3009, LogLevel.Warning, "Gateway: {Reason}; retrying in {Delay} at {RetryAt} ({Mode})")]
    public static partial void ReconnectScheduled(ILogger logger, string reason, TimeSpan delay, string retryAt, string mode);

    [LoggerMessage(3020, LogLevel.Information, "Gateway: {Reason}; reconnecting in {Delay} at {RetryAt} ({Mode})")]
    public static partial void ReconnectRequestedScheduled(ILogger logger, string reason, TimeSpan delay, string retryAt, string mode);

    // Information: the app gets the same reason in DiscordGatewayException and reports it once.
    [LoggerMessage(3010, LogLevel.Information, "The Gateway client stopped: {Reason}")]
    public static partial void GatewayStopped(ILogger logger, string reason);

    [LoggerMessage(3011, LogLevel.Warning, "Ignored a malformed Gateway frame")]
    public static partial void MalformedFrame(ILogger logger, Exception exception);

    [LoggerMessage(3012, LogLevel.Warning, "Dropped a malformed {EventName} dispatch (seq {Sequence})")]
    public static partial void MalformedDispatch(ILogger logger, string eventName, long? sequence, Exception exception);

    [LoggerMessage(3013, LogLevel.Debug, "Skipped dispatch {Sequence}: already seen")]
    public static partial void DuplicateDispatch(ILogger logger, long sequence);

    [LoggerMessage(3014, LogLevel.Debug, "Ignored Gateway opcode {OpCode}")]
    public static partial void UnknownOpCode(ILogger logger, int opCode);

    [LoggerMessage(3015, LogLevel.Warning, "The Identify quota is used up; waiting {Delay} for it to reset")]
    public static partial void IdentifyQuotaExhausted(ILogger logger, TimeSpan delay);

    [LoggerMessage(3016, LogLevel.Warning, "Could not get the Gateway URL ({Reason}); retrying in {Delay} at {RetryAt}")]
    public static partial void GatewayUrlUnavailable(ILogger logger, string reason, TimeSpan delay, string retryAt);

    [LoggerMessage(3021, LogLevel.Debug, "GET /gateway/bot failed")]
    public static partial void GatewayUrlUnavailableDetails(ILogger logger, Exception exception);

    [LoggerMessage(3017, LogLevel.Debug, "Could not open the Gateway connection")]
    public static partial void ConnectFailed(ILogger logger, Exception exception);

    [LoggerMessage(3018, LogLevel.Debug, "The event queue is full; waiting for the app before reading more frames")]
    public static partial void EventQueueFull(ILogger logger);

    [LoggerMessage(3019, LogLevel.Debug, "A presence update was dropped with its connection; the next session sends the current one")]
    public static partial void PresenceDropped(ILogger logger);

    [LoggerMessage(3500, LogLevel.Debug, "Discord REST {Method} {Route}")]
    public static partial void RestRequest(ILogger logger, string method, string route);

    [LoggerMessage(3501, LogLevel.Warning, "Discord REST {Method} {Route} was rate limited (global: {Global}); retrying in {RetryAfter}")]
    public static partial void RestRateLimited(ILogger logger, string method, string route, bool global, TimeSpan retryAfter);

    [LoggerMessage(3502, LogLevel.Debug, "Discord REST bucket for {Route} is empty; waiting {Delay}")]
    public static partial void RestBucketWait(ILogger logger, string route, TimeSpan delay);

    [LoggerMessage(3504, LogLevel.Warning, "Discord REST {Method} {Route} answered {StatusCode}; retrying in {Delay}")]
    public static partial void RestRetrying(ILogger logger, string method, string route, int statusCode, TimeSpan delay);

    [LoggerMessage(3503, LogLevel.Warning, "Discord REST {Method} {Route} failed with {StatusCode} (code {ErrorCode}): {ErrorMessage}")]
    public static partial void RestFailed(ILogger logger, string method, string route, int statusCode, int? errorCode, string? errorMessage);
}
