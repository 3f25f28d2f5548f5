using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace QaBot.Discord.Gateway;

/// <summary>Serializes, size-checks, rate-limits and sends frames on one connection, one at a time.</summary>
internal sealed class GatewaySender(IWebSocketConnection socket, GatewaySendLimiter limiter) : IDisposable
{
    /// <summary>Discord closes the connection (4002) on larger frames.</summary>
    public const int MaxFrameBytes = 4096;

    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task SendAsync<T>(
        GatewayCommand<T> command, JsonTypeInfo<GatewayCommand<T>> typeInfo, GatewaySendPriority priority, CancellationToken cancellationToken)
    {
        var frame = JsonSerializer.SerializeToUtf8Bytes(command, typeInfo);
        if (frame.Length > MaxFrameBytes)
        {
            throw new InvalidOperationException($"A Gateway frame (op {command.Op}) of {frame.Length} bytes exceeds the {MaxFrameBytes}-byte limit.");
        }

        await limiter.AcquireAsync(priority, cancellationToken).ConfigureAwait(false);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(frame, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Sends a close frame; a socket that is already gone is fine.</summary>
    public async Task CloseAsync(int closeCode, string reason, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await socket.CloseOutputAsync(closeCode, reason, cancellationToken).ConfigureAwait(false);
        }
        catch (WebSocketException)
        {
            // The peer is already gone; there is nothing left to close.
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
