using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using QaBot.Discord.Gateway;

namespace QaBot.Testing.Discord;

/// <summary>The server end of a real WebSocket accepted by <see cref="System.Net.HttpListener"/>.</summary>
public sealed class HttpListenerGatewaySocket(WebSocket socket, Action abortConnection) : IFakeGatewaySocket, IDisposable
{
    private readonly SemaphoreSlim _sendGate = new(1, 1);

    public async Task SendTextAsync(string json)
    {
        await _sendGate.WaitAsync();
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sendGate.Release();
        }
    }

    public async Task<WebSocketMessage?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>();
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer.GetMemory(4096), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return WebSocketMessage.Close((int?)socket.CloseStatus ?? 1005, socket.CloseStatusDescription);
                }

                buffer.Advance(result.Count);
                if (result.EndOfMessage)
                {
                    return new WebSocketMessage(buffer.WrittenMemory.ToArray());
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException)
        {
            return null;
        }
    }

    public async Task CloseAsync(int closeCode)
    {
        await _sendGate.WaitAsync();
        try
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)closeCode, "closed by fake", CancellationToken.None);
        }
        finally
        {
            _sendGate.Release();
        }
    }

    public void Drop()
    {
        // Aborting the WebSocket alone leaves HttpListener's TCP connection open; the response abort closes it.
        socket.Abort();
        abortConnection();
    }

    public void Dispose() => _sendGate.Dispose();
}
