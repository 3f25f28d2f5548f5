using QaBot.Discord.Gateway;
using QaBot.Discord.Models;
using QaBot.Discord.Tests.Fakes;
using QaBot.Testing.Discord;

namespace QaBot.Discord.Tests.Gateway;

public sealed class DiscordGatewayClientTests
{
    [Fact]
    public async Task RunAsync_Hello_IdentifiesWithTokenIntentsAndVersionQuery()
    {
        await using var harness = new GatewayHarness();

        var ready = await harness.StartReadyAsync();
        var identify = await harness.Gateway.NextOpAsync(2);

        Assert.Equal(FakeGateway.Token, identify.D!["token"]!.GetValue<string>());
        Assert.Equal(4609, identify.D["intents"]!.GetValue<int>());
        Assert.Equal("linux", identify.D["properties"]!["os"]!.GetValue<string>());
        Assert.Equal("wss://gateway.fake.test/?v=10&encoding=json", harness.Gateway.ConnectionUris.Single().ToString());
        Assert.Equal(FakeGateway.BotUserId, ready.Ready.User.Id);
        Assert.Equal(FakeGateway.ApplicationId, ready.Ready.Application.Id);
        Assert.Equal(GatewayConnectionState.Connected, harness.Client.State);
    }

    [Fact]
    public async Task RunAsync_MessageCreate_SurfacesTypedMessage()
    {
        await using var harness = new GatewayHarness();
        await harness.StartReadyAsync();

        await harness.Gateway.DispatchMessageAsync(700, "<@100> what is a chunk?");
        var created = await harness.NextEventAsync<MessageCreatedEvent>();

        Assert.Equal(700UL, created.Message.Id);
        Assert.Equal(300UL, created.Message.ChannelId);
        Assert.Equal(500UL, created.Message.GuildId);
        Assert.Equal("<@100> what is a chunk?", created.Message.Content);
        Assert.True(created.Message.IsMentioning(FakeGateway.BotUserId));
    }

    [Fact]
    public async Task RunAsync_InteractionCreate_SurfacesTypedInteraction()
    {
        await using var harness = new GatewayHarness();
        await harness.StartReadyAsync();

        await harness.Gateway.DispatchAsync("INTERACTION_CREATE", """
            {"id":"800","application_id":"200","type":2,"token":"interaction-token","version":1,"channel_id":"300","guild_id":"500",
             "member":{"user":{"id":"400","username":"ada"}},"data":{"id":"1","name":"ask","type":1,"options":[{"name":"question","type":3,"value":"why?"}]}}
            """);
        var created = await harness.NextEventAsync<InteractionCreatedEvent>();

        Assert.Equal(InteractionType.ApplicationCommand, created.Interaction.Type);
        Assert.Equal("ask", created.Interaction.Data!.Name);
        Assert.Equal("why?", created.Interaction.Data.GetString("question"));
        Assert.Equal(400UL, created.Interaction.Invoker!.Id);
        Assert.DoesNotContain("interaction-token", created.Interaction.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Heartbeat_AfterHello_FirstBeatIsJitteredThenEveryInterval()
    {
        await using var harness = new GatewayHarness(jitter: 0.2);
        await harness.StartReadyAsync();
        var interval = harness.HeartbeatInterval;

        await harness.Time.AdvanceWhenWaitingAsync(TimeSpan.FromMilliseconds(8250));
        var first = await harness.Gateway.NextOpAsync(1);
        await harness.Gateway.SyncAsync();
        await harness.Time.AdvanceWhenWaitingAsync(interval);
        var second = await harness.Gateway.NextOpAsync(1);

        Assert.Equal(1, first.D!.GetValue<long>());
        Assert.Equal(1, second.D!.GetValue<long>());
    }

    [Fact]
    public async Task Heartbeat_RequestedByGateway_SendsOneImmediately()
    {
        await using var harness = new GatewayHarness();
        await harness.StartReadyAsync();

        await harness.Gateway.SendRawAsync("""{"op":1,"d":null}""");
        var beat = await harness.Gateway.NextOpAsync(1);

        Assert.Equal(1, beat.D!.GetValue<long>());
    }

    [Fact]
    public async Task Heartbeat_AckMissed_ClosesWith4000AndResumes()
    {
        await using var harness = new GatewayHarness(jitter: 0.5);
        harness.Gateway.AckHeartbeats = false;
        await harness.StartReadyAsync();
        var interval = harness.HeartbeatInterval;

        await harness.Time.AdvanceWhenWaitingAsync(interval * 0.5);
        await harness.Gateway.NextOpAsync(1);
        await harness.Time.AdvanceWhenWaitingAsync(interval);
        var close = await harness.Gateway.NextCloseAsync();
        var resume = await harness.Gateway.NextOpAsync(6);
        await harness.NextEventAsync<ResumedEvent>();

        Assert.Equal(4000, close.CloseCode);
        Assert.Equal("session-1", resume.D!["session_id"]!.GetValue<string>());
        Assert.Equal(1, resume.D["seq"]!.GetValue<long>());
        Assert.Equal("wss://resume.fake.test/?v=10&encoding=json", harness.Gateway.ConnectionUris[1].ToString());
        Assert.True(harness.Logs.Contains("[3004]"));
    }

    [Fact]
    public async Task Heartbeat_AppBehindOnEvents_KeepsBeatingInsteadOfDeclaringTheLinkDead()
    {
        await using var harness = new GatewayHarness(jitter: 0.2, configure: options => options.EventQueueCapacity = 1);
        await harness.StartReadyAsync();
        await harness.Gateway.DispatchMessageAsync(1);
        await harness.Gateway.DispatchMessageAsync(2);
        await harness.Gateway.DispatchMessageAsync(3);
        await harness.Logs.WaitForAsync("[3018]");

        await harness.Time.AdvanceWhenWaitingAsync(TimeSpan.FromMilliseconds(8250));
        await harness.Gateway.NextOpAsync(1);
        await harness.Time.AdvanceWhenWaitingAsync(harness.HeartbeatInterval);
        var second = await harness.Gateway.NextFrameAsync(frame => frame.Op == 1 || frame.CloseCode is not null);
        var delivered = new List<ulong>();
        for (var i = 0; i < 3; i++)
        {
            delivered.Add((await harness.NextEventAsync<MessageCreatedEvent>()).Message.Id);
        }

        Assert.Equal(1, second.Op);
        Assert.Equal([1UL, 2UL, 3UL], delivered);
        Assert.Single(harness.Gateway.ConnectionUris);
    }

    [Fact]
    public async Task RunAsync_ConnectionDropped_ResumesWithoutLostOrDuplicatedEvents()
    {
        await using var harness = new GatewayHarness();
        await harness.StartReadyAsync();
        await harness.Gateway.DispatchMessageAsync(1);
        await harness.Gateway.DispatchMessageAsync(2);
        await harness.NextEventAsync<MessageCreatedEvent>();
        await harness.NextEventAsync<MessageCreatedEvent>();

        await harness.Gateway.DropLiveAsync();
        await harness.Gateway.DispatchMessageAsync(3);
        await harness.Gateway.DispatchMessageAsync(4);
        var resume = await harness.Gateway.NextOpAsync(6);
        var replayed = await harness.ReadMessagesUntilAsync<ResumedEvent>();
        await harness.Gateway.DispatchMessageAsync(5);
        var live = await harness.NextEventAsync<MessageCreatedEvent>();

        Assert.Equal(3, resume.D!["seq"]!.GetValue<long>());
        Assert.Equal([3UL, 4UL], replayed);
        Assert.Equal(5UL, live.Message.Id);
        Assert.Equal(2, harness.Gateway.ConnectionUris.Count);
    }

    [Fact]
    public async Task RunAsync_ResumeReplaysSeenEvents_DropsDuplicates()
    {
        await using var harness = new GatewayHarness();
        harness.Gateway.ResumeReplayOverlap = 2;
        await harness.StartReadyAsync();
        await harness.Gateway.DispatchMessageAsync(1);
        await harness.Gateway.DispatchMessageAsync(2);
        await harness.NextEventAsync<MessageCreatedEvent>();
        await harness.NextEventAsync<MessageCreatedEvent>();

        await harness.Gateway.DropLiveAsync();
        await harness.Gateway.DispatchMessageAsync(3);
        var replayed = await harness.ReadMessagesUntilAsync<ResumedEvent>();

        Assert.Equal([3UL], replayed);
    }

    [Fact]
    public async Task RunAsync_Op7Reconnect_ClosesWithNon1000AndResumesAtResumeUrl()
    {
        await using var harness = new GatewayHarness();
        await harness.StartReadyAsync();

        await harness.Gateway.SendRawAsync("""{"op":7,"d":null}""");
        var close = await harness.Gateway.NextCloseAsync();
        var resume = await harness.Gateway.NextOpAsync(6);
        await harness.NextEventAsync<ResumedEvent>();

        Assert.NotEqual(1000, close.CloseCode);
        Assert.NotEqual(1001, close.CloseCode);
        Assert.Equal(2, resume.Connection);
        Assert.Equal("resume.fake.test", harness.Gateway.ConnectionUris[1].Host);
    }

    [Fact]
    public async Task RunAsync_Op9Resumable_Resumes()
    {
        await using var harness = new GatewayHarness();
        await harness.StartReadyAsync();

        await harness.Gateway.SendRawAsync("""{"op":9,"d":true}""");
        var resume = await harness.Gateway.NextOpAsync(6);
        await harness.NextEventAsync<ResumedEvent>();

        Assert.Equal("session-1", resume.D!["session_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunAsync_Op9NotResumable_WaitsThenIdentifiesAtCachedGatewayUrl()
    {
        await using var harness = new GatewayHarness(jitter: 0.5);
        await harness.StartReadyAsync();

        await harness.Gateway.SendRawAsync("""{"op":9,"d":false}""");
        await harness.Time.WaitForTimerAsync(TimeSpan.FromSeconds(3));
        var connectionsWhileWaiting = harness.Gateway.ConnectionUris.Count;
        harness.Time.Advance(TimeSpan.FromSeconds(3));
        var identify = await harness.Gateway.NextFrameAsync(frame => frame.Op == 2 && frame.Connection == 2);
        var ready = await harness.NextEventAsync<ReadyEvent>();

        Assert.Equal(1, connectionsWhileWaiting);
        Assert.Equal(2, identify.Connection);
        Assert.Equal("gateway.fake.test", harness.Gateway.ConnectionUris[1].Host);
        Assert.Equal("session-2", ready.Ready.SessionId);
    }

    [Theory]
    [InlineData(4000)]
    [InlineData(4001)]
    [InlineData(4002)]
    [InlineData(4003)]
    [InlineData(4005)]
    [InlineData(4008)]
    public async Task RunAsync_ReconnectCloseCode_Resumes(int closeCode)
    {
        await using var harness = new GatewayHarness();
        await harness.StartReadyAsync();

        await harness.Gateway.CloseLiveAsync(closeCode);
        var resume = await harness.Gateway.NextOpAsync(6);
        await harness.NextEventAsync<ResumedEvent>();

        Assert.Equal(2, resume.Connection);
    }

    [Theory]
    [InlineData(4007)]
    [InlineData(4009)]
    public async Task RunAsync_SessionGoneCloseCode_IdentifiesAfresh(int closeCode)
    {
        await using var harness = new GatewayHarness();
        await harness.StartReadyAsync();

        await harness.Gateway.CloseLiveAsync(closeCode);
        var identify = await harness.Gateway.NextFrameAsync(frame => frame.Op == 2 && frame.Connection == 2);
        var ready = await harness.NextEventAsync<ReadyEvent>();

        Assert.Equal(2, identify.Connection);
        Assert.Equal("gateway.fake.test", harness.Gateway.ConnectionUris[1].Host);
        Assert.Equal("session-2", ready.Ready.SessionId);
    }

    [Theory]
    [InlineData(4004, "Discord:Token")]
    [InlineData(4010, "4010")]
    [InlineData(4011, "4011")]
    [InlineData(4012, "4012")]
    [InlineData(4013, "Discord:Intents")]
    [InlineData(4014, "Developer Portal")]
    public async Task RunAsync_FatalCloseCode_StopsWithClearMessage(int closeCode, string expectedInMessage)
    {
        await using var harness = new GatewayHarness();
        harness.Gateway.CloseOnIdentify = closeCode;

        harness.Start();
        var error = await Assert.ThrowsAsync<DiscordGatewayException>(() => harness.Run.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(closeCode, error.CloseCode);
        Assert.Contains(expectedInMessage, error.Message, StringComparison.Ordinal);
        Assert.Equal(GatewayConnectionState.Stopped, harness.Client.State);
        Assert.Single(harness.Gateway.ConnectionUris);
        await Assert.ThrowsAsync<DiscordGatewayException>(() => harness.Client.Events.Completion);
    }

    [Fact]
    public async Task RunAsync_Dropped_WaitsForReconnectStrategyDelay()
    {
        await using var harness = new GatewayHarness(reconnect: new FixedReconnectStrategy(TimeSpan.FromSeconds(5)));
        await harness.StartReadyAsync();

        await harness.Gateway.DropLiveAsync();
        await harness.Time.WaitForTimerAsync(TimeSpan.FromSeconds(5));
        var stateWhileWaiting = harness.Client.State;
        var connectionsWhileWaiting = harness.Gateway.ConnectionUris.Count;
        harness.Time.Advance(TimeSpan.FromSeconds(5));
        await harness.Gateway.NextOpAsync(6);

        Assert.Equal(GatewayConnectionState.WaitingToReconnect, stateWhileWaiting);
        Assert.Equal(1, connectionsWhileWaiting);
    }

    [Fact]
    public async Task RunAsync_ConnectRefused_RetriesWithBackoffThenConnects()
    {
        await using var harness = new GatewayHarness(reconnect: new FixedReconnectStrategy(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)));
        harness.Gateway.RefuseConnections = true;

        harness.Start();
        await harness.Time.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(2));
        await harness.Time.WaitForTimerAsync(TimeSpan.FromSeconds(4));
        harness.Gateway.RefuseConnections = false;
        harness.Time.Advance(TimeSpan.FromSeconds(4));
        await harness.NextEventAsync<ReadyEvent>();

        Assert.Single(harness.Gateway.ConnectionUris);
    }

    [Fact]
    public async Task RunAsync_MalformedFrames_SkipsThemAndKeepsTheConnection()
    {
        await using var harness = new GatewayHarness();
        await harness.StartReadyAsync();

        await harness.Gateway.SendRawAsync("this is not json {");
        await harness.Gateway.SendRawAsync("""{"op":42,"d":{}}""");
        await harness.Gateway.DispatchAsync("MESSAGE_CREATE", """{"id":"not-a-snowflake","channel_id":"1","author":{"id":"2"}}""");
        await harness.Gateway.DispatchAsync("MESSAGE_CREATE", "null");
        await harness.Gateway.DispatchAsync("GUILD_CREATE", """{"id":"500"}""");
        await harness.Gateway.DispatchMessageAsync(9);
        var created = await harness.NextEventAsync<MessageCreatedEvent>();

        Assert.Equal(9UL, created.Message.Id);
        Assert.Single(harness.Gateway.ConnectionUris);
        Assert.True(harness.Logs.Contains("[3011]"));
        Assert.True(harness.Logs.Contains("[3012]"));
    }

    [Fact]
    public async Task RunAsync_Cancelled_ClosesWith1000AndCompletesEvents()
    {
        var harness = new GatewayHarness();
        await harness.StartReadyAsync();

        await harness.DisposeAsync();
        var close = await harness.Gateway.NextCloseAsync();

        Assert.Equal(1000, close.CloseCode);
        Assert.Equal(GatewayConnectionState.Disconnected, harness.Client.State);
        Assert.True(harness.Client.Events.Completion.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task RunAsync_WholeLifecycle_NeverLogsTheToken()
    {
        await using var harness = new GatewayHarness(jitter: 0.5);
        harness.Gateway.AckHeartbeats = false;
        await harness.StartReadyAsync();
        await harness.Time.AdvanceWhenWaitingAsync(harness.HeartbeatInterval * 0.5);
        await harness.Time.AdvanceWhenWaitingAsync(harness.HeartbeatInterval);
        await harness.NextEventAsync<ResumedEvent>();
        harness.Gateway.CloseOnIdentify = 4004;

        await harness.Gateway.CloseLiveAsync(4009);
        await Assert.ThrowsAsync<DiscordGatewayException>(() => harness.Run.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.NotEmpty(harness.Logs.Entries);
        Assert.DoesNotContain(harness.Logs.Entries, entry => entry.Contains(FakeGateway.Token, StringComparison.Ordinal));
    }
}
