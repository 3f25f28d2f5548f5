using System.Buffers;
using System.Net.WebSockets;

namespace QaBot.Discord.Gateway;

/// <summary><see cref="IWebSocketConnection"/> over <see cref="ClientWebSocket"/>.</summary>
/// <remarks>
/// Cancelling a <see cref="ClientWebSocket.ReceiveAsync(Memory{byte}, CancellationToken)"/> aborts the socket, after
/// which no close frame can be sent: a bot stopping on Ctrl+C would vanish instead of closing with 1000. So the
/// socket's read runs uncancelled, a cancelled <see cref="ReceiveAsync"/> only stops waiting for it (the next call
/// picks the same read up), and <see cref="DisposeAsync"/> ends it by aborting.
/// </remarks>
public sealed class ClientWebSocketConnection : IWebSocketConnection
{
    private readonly ClientWebSocket _socket = new();
    private Task<WebSocketMessage>? _pendingRead;

    /// <inheritdoc/>
    public Task ConnectAsync(Uri uri, CancellationToken cancellationToken) => _socket.ConnectAsync(uri, cancellationToken);

    /// <inheritdoc/>
    public ValueTask SendAsync(ReadOnlyMemory<byte> utf8Text, CancellationToken cancellationToken) =>
        _socket.SendAsync(utf8Text, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    /// <inheritdoc/>
    public async ValueTask<WebSocketMessage> ReceiveAsync(CancellationToken cancellationToken)
    {
        _pendingRead ??= ReadMessageAsync();
        var message = await _pendingRead.WaitAsync(cancellationToken).ConfigureAwait(false);
        _pendingRead = null;
        return message;
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
    public async ValueTask DisposeAsync()
    {
        _socket.Abort();
        if (_pendingRead is { } read)
        {
            try
            {
                await read.ConfigureAwait(false);
            }
            catch (WebSocketException)
            {
                // The abort above ended the read; nothing is waiting for it any more.
            }
            catch (OperationCanceledException)
            {
                // Likewise.
            }
        }

        _socket.Dispose();
    }

    private async Task<WebSocketMessage> ReadMessageAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer.GetMemory(4096), CancellationToken.None).ConfigureAwait(false);
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
}

/// <summary>Creates <see cref="ClientWebSocketConnection"/>s.</summary>
public sealed class ClientWebSocketConnectionFactory : IWebSocketConnectionFactory
{
    /// <inheritdoc/>
    public IWebSocketConnection Create() => new ClientWebSocketConnection();
}
