using System.Net;
using QaBot.Discord.Models;
using QaBot.Discord.Rest;
using QaBot.Discord.Tests.Fakes;
using QaBot.Testing.Discord;

namespace QaBot.Discord.Tests.Rest;

public sealed class DiscordRestClientTests
{
    [Fact]
    public async Task CreateMessageAsync_Reply_SendsAuthUserAgentJsonAndSnowflakeStrings()
    {
        await using var harness = new DiscordHarness();

        var sent = await harness.Rest.CreateMessageAsync(300, new CreateMessageRequest
        {
            Content = "An answer",
            MessageReference = MessageReference.ReplyTo(700),
            Flags = MessageFlags.SuppressEmbeds,
            Components = [MessageComponent.ActionRow(MessageComponent.Button(3, "👍", "fb:up:1"))],
        }, CancellationToken.None);
        var request = await harness.Server.NextRequestAsync();

        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/v10/channels/300/messages", request.Path);
        Assert.Equal($"Bot {FakeGateway.Token}", request.Header("Authorization"));
        Assert.Matches(@"^DiscordBot \(QaBot\.Discord, \d+\.\d+\) QaBot\.Discord$", request.Header("User-Agent"));
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        var json = request.Json!;
        Assert.Equal("700", json["message_reference"]!["message_id"]!.GetValue<string>());
        Assert.False(json["message_reference"]!["fail_if_not_exists"]!.GetValue<bool>());
        Assert.Empty(json["allowed_mentions"]!["parse"]!.AsArray());
        Assert.False(json["allowed_mentions"]!["replied_user"]!.GetValue<bool>());
        Assert.Equal(4, json["flags"]!.GetValue<int>());
        Assert.Equal("fb:up:1", json["components"]![0]!["components"]![0]!["custom_id"]!.GetValue<string>());
        Assert.Null(json["embeds"]);
        Assert.Equal(900UL, sent.Id);
        Assert.Equal("An answer", sent.Content);
    }

    [Fact]
    public async Task EditMessageAsync_Content_PatchesTheMessage()
    {
        await using var harness = new DiscordHarness();

        await harness.Rest.EditMessageAsync(300, 900, new EditMessageRequest { Content = "edited" }, CancellationToken.None);
        var request = await harness.Server.NextRequestAsync();

        Assert.Equal("PATCH", request.Method);
        Assert.Equal("/api/v10/channels/300/messages/900", request.Path);
        Assert.Equal("edited", request.Json!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task StartThreadFromMessageAsync_Name_ReturnsThreadWithTheMessageId()
    {
        await using var harness = new DiscordHarness();

        var thread = await harness.Rest.StartThreadFromMessageAsync(
            300, 700, new StartThreadRequest { Name = "What is a chunk?", AutoArchiveDuration = 1440 }, CancellationToken.None);
        var request = await harness.Server.NextRequestAsync();

        Assert.Equal("/api/v10/channels/300/messages/700/threads", request.Path);
        Assert.Equal(1440, request.Json!["auto_archive_duration"]!.GetValue<int>());
        Assert.Equal(700UL, thread.Id);
        Assert.Equal(11, thread.Type);
    }

    [Fact]
    public async Task TriggerTypingAsync_Channel_Posts204WithoutBody()
    {
        await using var harness = new DiscordHarness();

        await harness.Rest.TriggerTypingAsync(300, CancellationToken.None);
        var request = await harness.Server.NextRequestAsync();

        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/v10/channels/300/typing", request.Path);
        Assert.Equal(string.Empty, request.Body);
    }

    [Fact]
    public async Task BulkOverwriteCommandsAsync_GlobalAndGuild_PutsTheWholeList()
    {
        await using var harness = new DiscordHarness();
        ApplicationCommand[] commands =
        [
            new()
            {
                Name = "ask",
                Description = "Ask the knowledge base",
                Options = [new ApplicationCommandOption { Type = 3, Name = "question", Description = "Your question", Required = true }],
            },
        ];

        var global = await harness.Rest.BulkOverwriteGlobalCommandsAsync(200, commands, CancellationToken.None);
        var globalRequest = await harness.Server.NextRequestAsync();
        await harness.Rest.BulkOverwriteGuildCommandsAsync(200, 500, commands, CancellationToken.None);
        var guildRequest = await harness.Server.NextRequestAsync();

        Assert.Equal("PUT", globalRequest.Method);
        Assert.Equal("/api/v10/applications/200/commands", globalRequest.Path);
        Assert.Equal("/api/v10/applications/200/guilds/500/commands", guildRequest.Path);
        Assert.True(globalRequest.Json!.AsArray()[0]!["options"]![0]!["required"]!.GetValue<bool>());
        Assert.Null(globalRequest.Json.AsArray()[0]!["id"]);
        Assert.Equal(1UL, global.Single().Id);
    }

    [Fact]
    public async Task CreateInteractionResponseAsync_Deferred_SendsType5WithoutBotAuthorization()
    {
        await using var harness = new DiscordHarness();

        await harness.Rest.CreateInteractionResponseAsync(800, "tok/en", InteractionResponse.Deferred(), CancellationToken.None);
        var request = await harness.Server.NextRequestAsync();

        Assert.Equal("/api/v10/interactions/800/tok%2Fen/callback", request.Path);
        Assert.Equal("""{"type":5}""", request.Body);
        Assert.Null(request.Header("Authorization"));
        Assert.NotNull(request.Header("User-Agent"));
    }

    [Fact]
    public async Task CreateInteractionResponseAsync_EphemeralDeferred_SendsOnlyFlags64()
    {
        await using var harness = new DiscordHarness();

        await harness.Rest.CreateInteractionResponseAsync(800, "token", InteractionResponse.Deferred(ephemeral: true), CancellationToken.None);
        var request = await harness.Server.NextRequestAsync();

        Assert.Equal("""{"type":5,"data":{"flags":64}}""", request.Body);
    }

    [Fact]
    public async Task EditOriginalAndFollowup_Token_UseTheWebhookRoutes()
    {
        await using var harness = new DiscordHarness();

        await harness.Rest.EditOriginalInteractionResponseAsync(200, "token", new EditMessageRequest { Content = "answer" }, CancellationToken.None);
        var edit = await harness.Server.NextRequestAsync();
        await harness.Rest.CreateFollowupMessageAsync(200, "token", new CreateMessageRequest { Content = "more" }, CancellationToken.None);
        var followup = await harness.Server.NextRequestAsync();

        Assert.Equal("PATCH", edit.Method);
        Assert.Equal("/api/v10/webhooks/200/token/messages/@original", edit.Path);
        Assert.Empty(edit.Json!["allowed_mentions"]!["parse"]!.AsArray());
        Assert.Equal("POST", followup.Method);
        Assert.Equal("/api/v10/webhooks/200/token", followup.Path);
    }

    [Fact]
    public async Task SendAsync_RouteRateLimited_WaitsRetryAfterThenRetries()
    {
        await using var harness = new DiscordHarness();
        harness.Server.Enqueue("POST", "channels/300/messages", FakeDiscordServer.RateLimited(2.5, global: false));

        var send = harness.Rest.CreateMessageAsync(300, new CreateMessageRequest { Content = "hi" }, CancellationToken.None);
        await harness.Server.NextRequestAsync();
        await harness.Time.WaitForTimerAsync(TimeSpan.FromSeconds(2.5));
        var requestsWhileWaiting = harness.Server.Requests.Count;
        harness.Time.Advance(TimeSpan.FromSeconds(2.5));
        var sent = await send.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, requestsWhileWaiting);
        Assert.Equal(2, harness.Server.Requests.Count);
        Assert.Equal(900UL, sent.Id);
    }

    [Fact]
    public async Task SendAsync_GlobalRateLimit_BlocksOtherRoutesUntilRetryAfter()
    {
        await using var harness = new DiscordHarness();
        harness.Server.Enqueue("POST", "channels/300/messages", FakeDiscordServer.RateLimited(3, global: true));

        var first = harness.Rest.CreateMessageAsync(300, new CreateMessageRequest { Content = "hi" }, CancellationToken.None);
        await harness.Server.NextRequestAsync();
        await harness.Time.WaitForTimerAsync(TimeSpan.FromSeconds(3));
        var other = harness.Rest.TriggerTypingAsync(301, CancellationToken.None);
        await harness.Time.WaitForTimerAsync(TimeSpan.FromSeconds(3));
        var requestsWhileBlocked = harness.Server.Requests.Count;
        harness.Time.Advance(TimeSpan.FromSeconds(3));
        await Task.WhenAll(first, other).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, requestsWhileBlocked);
        Assert.Equal(3, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_GlobalRateLimit_DoesNotBlockInteractionCallbacks()
    {
        await using var harness = new DiscordHarness();
        harness.Server.Enqueue("POST", "channels/300/messages", FakeDiscordServer.RateLimited(3, global: true));

        var blocked = harness.Rest.CreateMessageAsync(300, new CreateMessageRequest { Content = "hi" }, CancellationToken.None);
        await harness.Time.WaitForTimerAsync(TimeSpan.FromSeconds(3));
        await harness.Rest.CreateInteractionResponseAsync(800, "token", InteractionResponse.Deferred(), CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(blocked.IsCompleted);
        Assert.Contains(harness.Server.Requests, request => request.Path.EndsWith("/callback", StringComparison.Ordinal));
        harness.Time.Advance(TimeSpan.FromSeconds(3));
        await blocked.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task SendAsync_BucketExhausted_WaitsResetAfterOnlyForThatResource()
    {
        await using var harness = new DiscordHarness();
        var exhausted = new Dictionary<string, string>
        {
            ["X-RateLimit-Limit"] = "5",
            ["X-RateLimit-Remaining"] = "0",
            ["X-RateLimit-Reset-After"] = "4",
            ["X-RateLimit-Bucket"] = "abcd",
        };
        harness.Server.Enqueue("POST", "channels/300/messages", new FakeResponse(200, FakeGateway.MessageJson(901, "x"), exhausted));
        await harness.Rest.CreateMessageAsync(300, new CreateMessageRequest { Content = "1" }, CancellationToken.None);

        var sameChannel = harness.Rest.CreateMessageAsync(300, new CreateMessageRequest { Content = "2" }, CancellationToken.None);
        await harness.Time.WaitForTimerAsync(TimeSpan.FromSeconds(4));
        await harness.Rest.CreateMessageAsync(301, new CreateMessageRequest { Content = "3" }, CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(10));
        var requestsBeforeReset = harness.Server.Requests.Count;
        harness.Time.Advance(TimeSpan.FromSeconds(4));
        await sameChannel.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, requestsBeforeReset);
        Assert.Equal(3, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_BadGateway_RetriesAfterADelay()
    {
        await using var harness = new DiscordHarness();
        harness.Server.Enqueue("POST", "channels/300/typing", new FakeResponse(502));

        var typing = harness.Rest.TriggerTypingAsync(300, CancellationToken.None);
        await harness.Time.WaitForTimerAsync(DiscordRestClient.BadGatewayRetryDelay);
        var requestsWhileWaiting = harness.Server.Requests.Count;
        harness.Time.Advance(DiscordRestClient.BadGatewayRetryDelay);
        await typing.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, requestsWhileWaiting);
        Assert.Equal(2, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_TooManyRateLimits_ThrowsAfterMaxAttempts()
    {
        await using var harness = new DiscordHarness();
        for (var i = 0; i < DiscordRestClient.MaxAttempts; i++)
        {
            harness.Server.Enqueue("POST", "channels/300/typing", FakeDiscordServer.RateLimited(0, global: false));
        }

        var error = await Assert.ThrowsAsync<DiscordRestException>(() => harness.Rest.TriggerTypingAsync(300, CancellationToken.None));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal(DiscordRestClient.MaxAttempts, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_SlowRoute_DoesNotBlockOtherChannelsAndHonoursCancellation()
    {
        await using var harness = new DiscordHarness();
        var release = new TaskCompletionSource();
        harness.Server.Enqueue("POST", "channels/300/messages", new FakeResponse(200, FakeGateway.MessageJson(901, "x"), Gate: release.Task));
        using var cancel = new CancellationTokenSource();

        var slow = harness.Rest.CreateMessageAsync(300, new CreateMessageRequest { Content = "slow" }, cancel.Token);
        await harness.Server.NextRequestAsync();
        await harness.Rest.CreateMessageAsync(301, new CreateMessageRequest { Content = "fast" }, CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(10));
        var slowDoneBeforeCancel = slow.IsCompleted;
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => slow.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(slowDoneBeforeCancel);
        release.SetResult();
    }

    [Fact]
    public async Task SendAsync_MalformedBody_ThrowsDiscordRestException()
    {
        await using var harness = new DiscordHarness();
        harness.Server.Enqueue("POST", "channels/300/messages", new FakeResponse(200, "{not json"));

        var error = await Assert.ThrowsAsync<DiscordRestException>(
            () => harness.Rest.CreateMessageAsync(300, new CreateMessageRequest { Content = "x" }, CancellationToken.None));

        Assert.IsType<System.Text.Json.JsonException>(error.InnerException, exactMatch: false);
        Assert.Equal("POST /channels/{channel_id}/messages", error.Route);
    }

    [Fact]
    public async Task SendAsync_ErrorBody_ThrowsWithDiscordCode()
    {
        await using var harness = new DiscordHarness();
        harness.Server.Enqueue("POST", "channels/300/messages", new FakeResponse(403, """{"message":"Missing Permissions","code":50013}"""));

        var error = await Assert.ThrowsAsync<DiscordRestException>(
            () => harness.Rest.CreateMessageAsync(300, new CreateMessageRequest { Content = "x" }, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal(50013, error.ErrorCode);
        Assert.Contains("Missing Permissions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_EveryRoute_NeverLogsTheTokenOrInteractionToken()
    {
        await using var harness = new DiscordHarness();
        harness.Server.Enqueue("POST", "channels/300/messages", FakeDiscordServer.RateLimited(0, global: false));
        harness.Server.Enqueue("PATCH", "webhooks/200/secret-interaction-token/messages/@original", new FakeResponse(404, """{"message":"Unknown Webhook","code":10015}"""));

        await harness.Rest.CreateMessageAsync(300, new CreateMessageRequest { Content = "x" }, CancellationToken.None);
        await Assert.ThrowsAsync<DiscordRestException>(() => harness.Rest.EditOriginalInteractionResponseAsync(
            200, "secret-interaction-token", new EditMessageRequest { Content = "x" }, CancellationToken.None));
        await harness.Rest.GetGatewayBotAsync(CancellationToken.None);

        Assert.NotEmpty(harness.Logs.Entries);
        Assert.DoesNotContain(harness.Logs.Entries, entry => entry.Contains(FakeGateway.Token, StringComparison.Ordinal));
        Assert.DoesNotContain(harness.Logs.Entries, entry => entry.Contains("secret-interaction-token", StringComparison.Ordinal));
    }
}
