using QaBot.Discord.Gateway;
using QaBot.Discord.Serialization;
using QaBot.Testing;

namespace QaBot.Discord.Tests.Gateway;

public sealed class GatewaySenderTests
{
    [Fact]
    public async Task SendAsync_FrameOver4096Bytes_ThrowsWithoutSending()
    {
        var socket = new RecordingSocket();
        using var sender = new GatewaySender(socket, new GatewaySendLimiter(new ObservedTimeProvider()));
        var command = new GatewayCommand<ResumeData>(6, new ResumeData { Token = "t", SessionId = new string('s', 5000), Seq = 1 });

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => sender.SendAsync(command, DiscordJsonContext.Default.GatewayCommandResumeData, GatewaySendPriority.Normal, CancellationToken.None));

        Assert.Equal(0, socket.Sent);
    }

    [Fact]
    public async Task SendAsync_SmallFrame_Sends()
    {
        var socket = new RecordingSocket();
        using var sender = new GatewaySender(socket, new GatewaySendLimiter(new ObservedTimeProvider()));

        await sender.SendAsync(new GatewayCommand<long?>(1, 5), DiscordJsonContext.Default.GatewayCommandNullableInt64, GatewaySendPriority.Heartbeat, CancellationToken.None);

        Assert.Equal(1, socket.Sent);
    }

    private sealed class RecordingSocket : IWebSocketConnection
    {
        public int Sent { get; private set; }

        public Task ConnectAsync(Uri uri, CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask SendAsync(ReadOnlyMemory<byte> utf8Text, CancellationToken cancellationToken)
        {
            Sent++;
            return ValueTask.CompletedTask;
        }

        public ValueTask<WebSocketMessage> ReceiveAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task CloseOutputAsync(int closeCode, string reason, CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
