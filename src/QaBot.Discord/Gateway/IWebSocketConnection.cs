namespace QaBot.Discord.Gateway;

/// <summary>One WebSocket connection, reduced to what the Gateway client needs. The seam tests replace.</summary>
public interface IWebSocketConnection : IAsyncDisposable
{
    /// <summary>Opens the connection.</summary>
    Task ConnectAsync(Uri uri, CancellationToken cancellationToken);

    /// <summary>Sends one complete UTF-8 text message. Callers serialize sends.</summary>
    ValueTask SendAsync(ReadOnlyMemory<byte> utf8Text, CancellationToken cancellationToken);

    /// <summary>Receives one complete message or the peer's close frame.</summary>
    /// <exception cref="System.Net.WebSockets.WebSocketException">The connection dropped without a close frame.</exception>
    ValueTask<WebSocketMessage> ReceiveAsync(CancellationToken cancellationToken);

    /// <summary>Sends a close frame with <paramref name="closeCode"/> without waiting for the peer's answer.</summary>
    Task CloseOutputAsync(int closeCode, string reason, CancellationToken cancellationToken);
}

/// <summary>Creates a fresh <see cref="IWebSocketConnection"/> for each connection attempt.</summary>
public interface IWebSocketConnectionFactory
{
    /// <summary>A new, unconnected connection.</summary>
    IWebSocketConnection Create();
}

/// <summary>A received WebSocket message: text (or binary) bytes, or the peer's close frame.</summary>
/// <param name="Payload">The message bytes; empty for a close.</param>
/// <param name="CloseCode">The close code when the peer closed, else <see langword="null"/>.</param>
/// <param name="CloseReason">The close reason when the peer closed.</param>
public sealed record WebSocketMessage(ReadOnlyMemory<byte> Payload, int? CloseCode = null, string? CloseReason = null)
{
    /// <summary>Whether this is the peer's close frame.</summary>
    public bool IsClose => CloseCode is not null;

    /// <summary>A close message.</summary>
    public static WebSocketMessage Close(int closeCode, string? reason) => new(ReadOnlyMemory<byte>.Empty, closeCode, reason);
}
