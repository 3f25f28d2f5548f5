using QaBot.Testing.Discord;

namespace QaBot.DiscordBot.Tests;

/// <summary>The bot through Gateway and REST faults: every question answered once, none lost, none twice.</summary>
public sealed class FaultTests
{
    [Fact]
    public async Task Mention_ConnectionDroppedAndResumeReplaysSeenEvents_EveryQuestionAnsweredOnce()
    {
        await using var harness = new BotHarness();
        harness.Gateway.ResumeReplayOverlap = 1;
        await harness.StartAsync();
        await harness.DispatchMentionAsync(700, "before the drop");
        await harness.NextRequestAsync("POST", "/channels/700/messages");

        await harness.Gateway.DropLiveAsync();
        await harness.DispatchMentionAsync(701, "while disconnected");
        await harness.NextRequestAsync("POST", "/channels/701/messages");
        await harness.DispatchMentionAsync(702, "after the resume");
        await harness.NextRequestAsync("POST", "/channels/702/messages");

        Assert.Equal(["before the drop", "while disconnected", "after the resume"], harness.Answers.Questions.Select(q => q.Text));
        Assert.Equal(3, harness.Server.Requests.Count(r => r.Path.EndsWith("/threads", StringComparison.Ordinal)));
        Assert.Equal(3, harness.Server.Requests.Count(r => r.Method == "POST" && r.Path.EndsWith("/messages", StringComparison.Ordinal) && !r.Path.Contains("/300/", StringComparison.Ordinal)));
        Assert.Contains(harness.Gateway.ConnectionUris, uri => uri.AbsolutePath == "/resume");
    }

    [Fact]
    public async Task Mention_AnswerPostRateLimited_PostsOnceAfterRetryAfter()
    {
        await using var harness = new BotHarness();
        harness.Server.Enqueue("POST", "channels/700/messages", FakeDiscordServer.RateLimited(2, global: false));
        await harness.StartAsync();

        await harness.DispatchMentionAsync(700, "rate limited answer");
        var limited = await harness.NextRequestAsync("POST", "/channels/700/messages");
        await harness.Time.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(2));
        var posted = await harness.NextRequestAsync("POST", "/channels/700/messages");
        await harness.DispatchMentionAsync(701, "next");
        await harness.NextRequestAsync("POST", "/channels/701/messages");

        Assert.Equal(limited.Body, posted.Body);
        Assert.Equal(2, harness.Server.Requests.Count(r => r.Method == "POST" && r.Path == "/api/v10/channels/700/messages"));
        Assert.Single(harness.Answers.Questions, q => q.Text == "rate limited answer");
    }

    [Fact]
    public async Task Ask_GloballyRateLimitedDeferral_RetriesAndStillAnswers()
    {
        await using var harness = new BotHarness();
        harness.Server.Enqueue("PATCH", "webhooks/200/itoken-830/messages/@original", FakeDiscordServer.RateLimited(1, global: true));
        await harness.StartAsync();

        await harness.DispatchAskAsync(830, "global limit");
        await harness.NextRequestAsync("PATCH", "/webhooks/200/itoken-830/messages/@original");
        await harness.Time.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(1));
        var edit = await harness.NextRequestAsync("PATCH", "/webhooks/200/itoken-830/messages/@original");

        Assert.Equal("Answer to: global limit", edit.Json!["content"]!.GetValue<string>());
        Assert.Single(harness.Server.Requests, r => r.Path.EndsWith("/interactions/830/itoken-830/callback", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Mention_ThreadCreationFails_AnswersInTheChannelInstead()
    {
        await using var harness = new BotHarness();
        harness.Server.Enqueue("POST", "channels/300/messages/740/threads", new FakeResponse(403, """{"message":"Missing Permissions","code":50013}"""));
        await harness.StartAsync();

        await harness.DispatchMentionAsync(740, "no thread permission");
        var reply = await harness.NextRequestAsync("POST", "/channels/300/messages");

        Assert.Equal("Answer to: no thread permission", reply.Json!["content"]!.GetValue<string>());
        Assert.Equal("740", reply.Json["message_reference"]!["message_id"]!.GetValue<string>());
        Assert.True(harness.Logs.Contains("[3805]"));
    }

    [Fact]
    public async Task Mention_ThreadCreationFails_EachQuestionIsAConversationOfItsOwn()
    {
        await using var harness = new BotHarness();
        harness.Server.Enqueue("POST", "channels/300/messages/741/threads", new FakeResponse(403, """{"message":"Missing Permissions","code":50013}"""));
        harness.Server.Enqueue("POST", "channels/300/messages/742/threads", new FakeResponse(403, """{"message":"Missing Permissions","code":50013}"""));
        await harness.StartAsync();

        await harness.DispatchMentionAsync(741, "first person's question");
        await harness.NextRequestAsync("POST", "/channels/300/messages");
        await harness.DispatchMentionAsync(742, "second person's question");
        await harness.NextRequestAsync("POST", "/channels/300/messages");

        // Not the channel's id: people asking in one channel must not share a history.
        Assert.Equal(["741", "742"], harness.Answers.Questions.Select(q => q.ConversationId));
    }

    [Fact]
    public async Task Ask_WhileAReplyInAnotherChannelHangs_IsStillDeferredAtOnce()
    {
        await using var harness = new BotHarness(new() { ["DiscordBot:MaxQuestionLength"] = "10" });
        var release = new TaskCompletionSource();
        harness.Server.Enqueue("POST", "channels/300/messages", new FakeResponse(200, FakeGateway.MessageJson(901, "x"), Gate: release.Task));
        await harness.StartAsync();

        await harness.DispatchMentionAsync(750, "a question too long to answer");
        await harness.NextRequestAsync("POST", "/channels/300/messages");
        await harness.DispatchAskAsync(850, "short");
        var defer = await harness.NextRequestAsync("POST", "/interactions/850/itoken-850/callback");
        var hungReplyStillOpen = !release.Task.IsCompleted;
        release.SetResult();
        await harness.NextRequestAsync("PATCH", "/webhooks/200/itoken-850/messages/@original");

        Assert.True(hungReplyStillOpen);
        Assert.Equal("""{"type":5}""", defer.Body);
    }
}
