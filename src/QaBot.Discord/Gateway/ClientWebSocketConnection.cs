using System.Buffers;
using System.Net.WebSockets;

namespace QaBot.Discord.Gateway;

/// <summary><see cref="IWebSocketConnection"/> over <see cref="ClientWebSocket"/>.</summary>
public sealed class ClientWebSocketConnection : IWebSocketConnection
{
    private readonly ClientWebSocket _socket = new();

    /// <inheritdoc/>
    public Task ConnectAsync(Uri uri, CancellationToken cancellationToken) => _socket.ConnectAsync(uri, cancellationToken);

    /// <inheritdoc/>
    public ValueTask SendAsync(ReadOnlyMemory<byte> utf8Text, CancellationToken cancellationToken) =>
        _socket.SendAsync(utf8Text, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    /// <inheritdoc/>
    public async ValueTask<WebSocketMessage> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer.GetMemory(4096), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return WebSocketMessage.Close((int?)_socket.CloseStatus ?? 1005, _socket.CloseStatusDescription);
            }

            buffer.Advance(result.Count);
            if (result.EndOfMessage)
            {
                return new WebSocketMessage(buffer.WrittenMemory);
            }
        }
    }

    /// <inheritdoc/>
    public async Task CloseOutputAsync(int closeCode, string reason, CancellationToken cancellationToken)
    {
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            await _socket.CloseOutputAsync((WebSocketCloseStatus)closeCode, reason, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>Creates <see cref="ClientWebSocketConnection"/>s.</summary>
public sealed class ClientWebSocketConnectionFactory : IWebSocketConnectionFactory
{
    /// <inheritdoc/>
    public IWebSocketConnection Create() => new ClientWebSocketConnection();
}
