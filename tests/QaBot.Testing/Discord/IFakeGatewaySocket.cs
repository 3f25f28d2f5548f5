using QaBot.Discord.Gateway;

namespace QaBot.Testing.Discord;

/// <summary>The server end of a Gateway connection, in memory or over a real socket.</summary>
public interface IFakeGatewaySocket
{
    Task SendTextAsync(string json);

    /// <summary>The next client message, or <see langword="null"/> when the client went away without a close frame.</summary>
    Task<WebSocketMessage?> ReceiveAsync(CancellationToken cancellationToken);

    /// <summary>Sends a close frame with <paramref name="closeCode"/>.</summary>
    Task CloseAsync(int closeCode);

    /// <summary>Drops the connection without a close frame.</summary>
    void Drop();
}
