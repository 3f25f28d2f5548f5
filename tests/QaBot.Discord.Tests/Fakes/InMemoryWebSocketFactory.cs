using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using QaBot.Discord.Gateway;
using QaBot.Testing.Discord;

namespace QaBot.Discord.Tests.Fakes;

/// <summary>Creates client connections that, on connect, hand their server end to a <see cref="FakeGateway"/>.</summary>
internal sealed class InMemoryWebSocketFactory(FakeGateway gateway) : IWebSocketConnectionFactory
{
    public IWebSocketConnection Create() => new InMemoryClientSocket(gateway);

    private sealed class InMemoryClientSocket(FakeGateway gateway) : IWebSocketConnection
    {
        private readonly Channel<WebSocketMessage> _toClient = Channel.CreateUnbounded<WebSocketMessage>();
        private readonly Channel<WebSocketMessage> _toServer = Channel.CreateUnbounded<WebSocketMessage>();
        private volatile bool _dropped;

        public Task ConnectAsync(Uri uri, CancellationToken cancellationToken)
        {
            if (gateway.RefuseConnections)
            {
                throw new WebSocketException(WebSocketError.Faulted, "connection refused");
            }

            gateway.Accept(new ServerEnd(this), uri);
            return Task.CompletedTask;
        }

        public ValueTask SendAsync(ReadOnlyMemory<byte> utf8Text, CancellationToken cancellationToken)
        {
            if (_dropped || !_toServer.Writer.TryWrite(new WebSocketMessage(utf8Text.ToArray())))
            {
                throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely);
            }

            return ValueTask.CompletedTask;
        }

        public async ValueTask<WebSocketMessage> ReceiveAsync(CancellationToken cancellationToken)
        {
            try
            {
                return await _toClient.Reader.ReadAsync(cancellationToken);
            }
            catch (ChannelClosedException)
            {
                throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely);
            }
        }

        public Task CloseOutputAsync(int closeCode, string reason, CancellationToken cancellationToken)
        {
            _toServer.Writer.TryWrite(WebSocketMessage.Close(closeCode, reason));
            _toServer.Writer.TryComplete();
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            _toServer.Writer.TryComplete();
            _toClient.Writer.TryComplete();
            return ValueTask.CompletedTask;
        }

        private sealed class ServerEnd(InMemoryClientSocket client) : IFakeGatewaySocket
        {
            public Task SendTextAsync(string json)
            {
                client._toClient.Writer.TryWrite(new WebSocketMessage(Encoding.UTF8.GetBytes(json)));
                return Task.CompletedTask;
            }

            public async Task<WebSocketMessage?> ReceiveAsync(CancellationToken cancellationToken)
            {
                try
                {
                    return await client._toServer.Reader.ReadAsync(cancellationToken);
                }
                catch (ChannelClosedException)
                {
                    return null;
                }
            }

            public Task CloseAsync(int closeCode)
            {
                client._toClient.Writer.TryWrite(WebSocketMessage.Close(closeCode, "closed by fake"));
                client._toClient.Writer.TryComplete();
                return Task.CompletedTask;
            }

            public void Drop()
            {
                client._dropped = true;
                client._toClient.Writer.TryComplete();
                client._toServer.Writer.TryComplete();
            }
        }
    }
}
