using QaBot.Discord.Gateway;
using QaBot.Discord.Tests.Fakes;
using QaBot.Testing.Discord;

namespace QaBot.Discord.Tests.Gateway;

/// <summary>The whole stack from <c>AddDiscordClient</c> over real sockets: REST and a WebSocket Gateway on loopback.</summary>
public sealed class RealSocketGatewayTests
{
    [Fact]
    public async Task RunAsync_OverLoopbackWebSocket_ReadiesReceivesAndResumesAfterDrop()
    {
        await using var harness = new DiscordHarness(realTime: true);
        var client = harness.Gateway;
        using var stopping = new CancellationTokenSource();

        var run = client.RunAsync(stopping.Token);
        var ready = await NextAsync<ReadyEvent>(client);
        await harness.Server.Gateway.DispatchMessageAsync(1);
        var first = await NextAsync<MessageCreatedEvent>(client);
        await harness.Server.Gateway.DropLiveAsync();
        await harness.Server.Gateway.DispatchMessageAsync(2);
        var resume = await harness.Server.Gateway.NextOpAsync(6);
        var replayed = await NextAsync<MessageCreatedEvent>(client);
        await NextAsync<ResumedEvent>(client);
        await stopping.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));

        var connections = harness.Server.Gateway.ConnectionUris;
        Assert.Equal(FakeGateway.BotUserId, ready.Ready.User.Id);
        Assert.Equal(1UL, first.Message.Id);
        Assert.Equal(2UL, replayed.Message.Id);
        Assert.Equal(2, resume.D!["seq"]!.GetValue<long>());
        Assert.Equal("/gateway", connections[0].AbsolutePath);
        Assert.Equal("?v=10&encoding=json", connections[0].Query);
        Assert.Equal("/resume", connections[1].AbsolutePath);
        Assert.Contains(harness.Server.Requests, request => request.Path == "/api/v10/gateway/bot");
    }

    [Fact]
    public async Task RunAsync_CancelledOverLoopbackWebSocket_ClosesWith1000()
    {
        // A cancelled ClientWebSocket read aborts the socket, after which no close frame can go out; this guards that.
        await using var harness = new DiscordHarness(realTime: true);
        using var stopping = new CancellationTokenSource();
        var run = harness.Gateway.RunAsync(stopping.Token);
        await NextAsync<ReadyEvent>(harness.Gateway);

        await stopping.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
        var close = await harness.Server.Gateway.NextCloseAsync();

        Assert.Equal(1000, close.CloseCode);
        Assert.Equal(GatewayConnectionState.Disconnected, harness.Gateway.State);
    }

    [Fact]
    public async Task RunAsync_GatewayBotUnauthorized_StopsNamingTheTokenKey()
    {
        await using var harness = new DiscordHarness();
        harness.Server.Enqueue("GET", "gateway/bot", new FakeResponse(401, """{"message":"401: Unauthorized","code":0}"""));

        var error = await Assert.ThrowsAsync<DiscordGatewayException>(
            () => harness.Gateway.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Contains("Discord:Token", error.Message, StringComparison.Ordinal);
        Assert.Equal(GatewayConnectionState.Stopped, harness.Gateway.State);
        Assert.Empty(harness.Server.Gateway.ConnectionUris);
    }

    private static async Task<T> NextAsync<T>(DiscordGatewayClient client)
        where T : GatewayEvent
    {
        var gatewayEvent = await client.Events.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        return Assert.IsType<T>(gatewayEvent);
    }
}
