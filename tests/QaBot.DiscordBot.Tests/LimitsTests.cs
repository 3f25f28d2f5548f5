namespace QaBot.DiscordBot.Tests;

public sealed class LimitsTests
{
    [Fact]
    public async Task Mention_LongerThanMaxQuestionLength_RepliesWithTheLimitAndDoesNotAsk()
    {
        await using var harness = new BotHarness(new() { ["DiscordBot:MaxQuestionLength"] = "20" });
        await harness.StartAsync();

        await harness.DispatchMentionAsync(770, "this question is far too long for the limit");
        var reply = await harness.NextRequestAsync("POST", "/channels/300/messages");

        Assert.Equal(BotReplies.TooLong(43, 20), reply.Json!["content"]!.GetValue<string>());
        Assert.Empty(harness.Answers.Questions);
    }

    [Fact]
    public async Task Start_MaxQuestionLength_IsTheAskOptionLimit()
    {
        await using var harness = new BotHarness(new() { ["DiscordBot:MaxQuestionLength"] = "300" });

        await harness.StartAsync();

        var registration = Assert.Single(harness.Server.Requests, request => request.Method == "PUT");
        Assert.Equal(300, registration.Json!.AsArray()[0]!["options"]![0]!["max_length"]!.GetValue<int>());
    }

    [Fact]
    public async Task Mention_ChannelOverRateLimit_EveryUserIsToldToWaitUntilTheWindowPasses()
    {
        await using var harness = new BotHarness(new() { ["DiscordBot:ChannelRateLimit"] = "1", ["DiscordBot:ChannelRateLimitWindow"] = "00:00:30" });
        await harness.StartAsync();
        await harness.DispatchMentionAsync(780, "first", authorId: 401);
        await harness.NextRequestAsync("POST", "/channels/780/messages");

        await harness.DispatchMentionAsync(781, "second", authorId: 402);
        var wait = await harness.NextRequestAsync("POST", "/channels/300/messages");
        harness.Time.Advance(TimeSpan.FromSeconds(30));
        await harness.DispatchMentionAsync(782, "third", authorId: 403);
        await harness.NextRequestAsync("POST", "/channels/782/messages");

        Assert.Equal(BotReplies.ChannelRateLimited, wait.Json!["content"]!.GetValue<string>());
        Assert.Equal(["first", "third"], harness.Answers.Questions.Select(q => q.Text));
    }

    [Fact]
    public async Task Mention_GuildOrChannelNotAllowed_IsIgnored()
    {
        await using var harness = new BotHarness(new()
        {
            ["Discord:AllowedGuilds:0"] = "500",
            ["Discord:AllowedChannels:0"] = "300",
        });
        await harness.StartAsync();

        await harness.Gateway.DispatchAsync("MESSAGE_CREATE", """
            {"id":"790","channel_id":"300","guild_id":"501","author":{"id":"400","username":"ada"},"content":"<@100> other guild","mentions":[{"id":"100"}],"type":0}
            """);
        await harness.DispatchMentionAsync(791, "other channel", channelId: 301);
        await harness.DispatchMentionAsync(792, "allowed");
        await harness.NextRequestAsync("POST", "/channels/792/messages");

        Assert.Equal("allowed", Assert.Single(harness.Answers.Questions).Text);
        Assert.DoesNotContain(harness.Server.Requests, r => r.Path.Contains("/790", StringComparison.Ordinal) || r.Path.Contains("/301/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ask_ChannelNotAllowed_RespondsEphemerallyNotHere()
    {
        await using var harness = new BotHarness(new() { ["Discord:AllowedChannels:0"] = "300" });
        await harness.StartAsync();

        await harness.DispatchAskAsync(820, "here?", channelId: 301);
        var response = await harness.NextRequestAsync("POST", "/interactions/820/itoken-820/callback");

        Assert.Equal(64, response.Json!["data"]!["flags"]!.GetValue<int>());
        Assert.Equal(BotReplies.NotHere, response.Json["data"]!["content"]!.GetValue<string>());
        Assert.Empty(harness.Answers.Questions);
    }

    [Fact]
    public async Task Message_InConversationThreadWithoutMention_IsAFollowUp()
    {
        await using var harness = new BotHarness();
        await harness.StartAsync();
        await harness.DispatchMentionAsync(700, "first question");
        await harness.NextRequestAsync("POST", "/channels/700/messages");

        await harness.Gateway.DispatchAsync("MESSAGE_CREATE", """
            {"id":"705","channel_id":"700","guild_id":"500","author":{"id":"400","username":"ada"},"content":"and chunks?","mentions":[],"type":0}
            """);
        var reply = await harness.NextRequestAsync("POST", "/channels/700/messages");

        Assert.Equal("Answer to: and chunks?", reply.Json!["content"]!.GetValue<string>());
        Assert.Equal(["700", "700"], harness.Answers.Questions.Select(q => q.ConversationId));
    }
}
