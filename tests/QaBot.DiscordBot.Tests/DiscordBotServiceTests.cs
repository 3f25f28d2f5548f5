using QaBot.Core;
using QaBot.Testing.Discord;

namespace QaBot.DiscordBot.Tests;

public sealed class DiscordBotServiceTests
{
    [Fact]
    public async Task Mention_InGuildChannel_AnswersInANewThreadNamedAfterTheQuestion()
    {
        await using var harness = new BotHarness();
        await harness.StartAsync();

        await harness.DispatchMentionAsync(700, "How do I ingest the corpus?");
        var thread = await harness.NextRequestAsync("POST", "/channels/300/messages/700/threads");
        var answer = await harness.NextRequestAsync("POST", "/channels/700/messages");

        Assert.Equal("How do I ingest the corpus?", thread.Json!["name"]!.GetValue<string>());
        Assert.Equal("Answer to: How do I ingest the corpus?", answer.Json!["content"]!.GetValue<string>());
        Assert.Equal(4, answer.Json["flags"]!.GetValue<int>());
        Assert.Empty(answer.Json["allowed_mentions"]!["parse"]!.AsArray());
        Assert.Contains(harness.Server.Requests, request => request.Path == "/api/v10/channels/700/typing");
        var question = Assert.Single(harness.Answers.Questions);
        Assert.Equal(new Question("How do I ingest the corpus?", "700"), question);
    }

    [Fact]
    public async Task Mention_SlowAnswer_RenewsTypingEveryEightSeconds()
    {
        await using var harness = new BotHarness();
        var release = new TaskCompletionSource<Answer>(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Answers.Answer = (_, _) => release.Task;
        await harness.StartAsync();

        await harness.DispatchMentionAsync(700, "slow one");
        await harness.NextRequestAsync("POST", "/channels/700/typing");
        await harness.Time.AdvanceWhenWaitingAsync(QuestionAnswerer.TypingRenewal);
        await harness.NextRequestAsync("POST", "/channels/700/typing");
        release.SetResult(FakeAnswerService.Create("finally"));
        var answer = await harness.NextRequestAsync("POST", "/channels/700/messages");

        Assert.Equal("finally", answer.Json!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task Mention_FollowUpInConversationThread_UsesTheThreadAsConversation()
    {
        await using var harness = new BotHarness();
        await harness.StartAsync();
        await harness.DispatchMentionAsync(700, "first question");
        await harness.NextRequestAsync("POST", "/channels/700/messages");

        await harness.DispatchMentionAsync(701, "and a follow-up?", channelId: 700);
        var reply = await harness.NextRequestAsync("POST", "/channels/700/messages");

        Assert.Equal("701", reply.Json!["message_reference"]!["message_id"]!.GetValue<string>());
        Assert.Equal(["700", "700"], harness.Answers.Questions.Select(q => q.ConversationId));
        Assert.Single(harness.Server.Requests, request => request.Path.EndsWith("/threads", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DirectMessage_WithoutMention_RepliesInTheDm()
    {
        await using var harness = new BotHarness();
        await harness.StartAsync();

        await harness.Gateway.DispatchAsync("MESSAGE_CREATE", """
            {"id":"710","channel_id":"610","author":{"id":"400","username":"ada"},"content":"what is RAG?","mentions":[],"type":0}
            """);
        var reply = await harness.NextRequestAsync("POST", "/channels/610/messages");

        Assert.Equal("710", reply.Json!["message_reference"]!["message_id"]!.GetValue<string>());
        Assert.Equal(new Question("what is RAG?", "610"), Assert.Single(harness.Answers.Questions));
    }

    [Fact]
    public async Task Message_FromBotsOrWithoutMention_IsIgnored()
    {
        await using var harness = new BotHarness();
        await harness.StartAsync();

        await harness.Gateway.DispatchAsync("MESSAGE_CREATE", """
            {"id":"720","channel_id":"300","guild_id":"500","author":{"id":"401","username":"other-bot","bot":true},"content":"<@100> loop?","mentions":[{"id":"100"}],"type":0}
            """);
        await harness.Gateway.DispatchAsync("MESSAGE_CREATE", """
            {"id":"721","channel_id":"300","guild_id":"500","author":{"id":"400","username":"ada"},"content":"just chatting","mentions":[],"type":0}
            """);
        await harness.DispatchMentionAsync(722, "real question");
        await harness.NextRequestAsync("POST", "/channels/722/messages");

        Assert.Equal("real question", Assert.Single(harness.Answers.Questions).Text);
    }

    [Fact]
    public async Task Ask_SlashCommand_DefersThenEditsTheOriginalResponse()
    {
        await using var harness = new BotHarness();
        await harness.StartAsync();

        await harness.DispatchAskAsync(800, "What is a chunk?");
        var defer = await harness.NextRequestAsync("POST", "/interactions/800/itoken-800/callback");
        var edit = await harness.NextRequestAsync("PATCH", "/webhooks/200/itoken-800/messages/@original");

        Assert.Equal("""{"type":5}""", defer.Body);
        Assert.Equal("Answer to: What is a chunk?", edit.Json!["content"]!.GetValue<string>());
        Assert.Empty(edit.Json["allowed_mentions"]!["parse"]!.AsArray());
        Assert.Equal(new Question("What is a chunk?", "800"), Assert.Single(harness.Answers.Questions));
    }

    [Fact]
    public async Task Ask_LongAnswerWithSources_SplitsIntoFollowupsUnder2000Characters()
    {
        await using var harness = new BotHarness();
        var paragraph = string.Join(" ", Enumerable.Repeat("This sentence explains one more detail.", 30));
        harness.Answers.Answer = (_, _) => Task.FromResult(FakeAnswerService.Create(
            string.Join("\n\n", Enumerable.Repeat(paragraph, 4)),
            new Citation(1, "guides/ingest.md", 3, 9, "Ingesting")));
        await harness.StartAsync();

        await harness.DispatchAskAsync(801, "Explain everything");
        var edit = await harness.NextRequestAsync("PATCH", "/webhooks/200/itoken-801/messages/@original");
        var followups = new List<RecordedRequest>();
        while (followups.Count < 5 && followups.LastOrDefault()?.Body.Contains("Sources", StringComparison.Ordinal) != true)
        {
            followups.Add(await harness.NextRequestAsync("POST", "/webhooks/200/itoken-801"));
        }

        var parts = new[] { edit }.Concat(followups).Select(request => request.Json!["content"]!.GetValue<string>()).ToList();
        Assert.Equal(4, parts.Count);
        Assert.All(parts, part => Assert.InRange(part.Length, 1, 2000));
        Assert.All(followups, followup => Assert.Equal(4, followup.Json!["flags"]!.GetValue<int>()));
        Assert.All(parts.SkipLast(1), part => Assert.EndsWith(".", part, StringComparison.Ordinal));
        Assert.EndsWith("[1] `guides/ingest.md:3-9` — Ingesting", parts[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mention_AnswerServiceFails_RepliesWithAnApology()
    {
        await using var harness = new BotHarness();
        harness.Answers.Answer = (_, _) => throw new InvalidOperationException("model unavailable");
        await harness.StartAsync();

        await harness.DispatchMentionAsync(730, "will this fail?");
        var apology = await harness.NextRequestAsync("POST", "/channels/300/messages");

        Assert.Equal(BotReplies.Apology, apology.Json!["content"]!.GetValue<string>());
        Assert.True(harness.Logs.Contains("[3804]"));
        Assert.DoesNotContain(harness.Logs.Entries, entry => entry.Contains(FakeGateway.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Mention_QueueFull_RepliesBusy()
    {
        await using var harness = new BotHarness(new() { ["DiscordBot:QueueCapacity"] = "1", ["DiscordBot:Workers"] = "1" });
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource<Answer>(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Answers.Answer = (_, _) =>
        {
            started.TrySetResult();
            return release.Task;
        };
        await harness.StartAsync();

        await harness.DispatchMentionAsync(740, "one", authorId: 401);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await harness.DispatchMentionAsync(741, "two", authorId: 402);
        await harness.DispatchMentionAsync(742, "three", authorId: 403);
        var busy = await harness.NextRequestAsync("POST", "/channels/300/messages");
        release.SetResult(FakeAnswerService.Create("done"));

        Assert.Equal(BotReplies.Busy, busy.Json!["content"]!.GetValue<string>());
        Assert.Equal("742", busy.Json["message_reference"]!["message_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Mention_UserOverRateLimit_IsToldToSlowDownUntilTheWindowPasses()
    {
        await using var harness = new BotHarness(new() { ["DiscordBot:UserRateLimit"] = "1", ["DiscordBot:UserRateLimitWindow"] = "00:01:00" });
        await harness.StartAsync();
        await harness.DispatchMentionAsync(750, "first");
        await harness.NextRequestAsync("POST", "/channels/750/messages");

        await harness.DispatchMentionAsync(751, "second");
        var slowDown = await harness.NextRequestAsync("POST", "/channels/300/messages");
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        await harness.DispatchMentionAsync(752, "third");
        await harness.NextRequestAsync("POST", "/channels/752/messages");

        Assert.Equal(BotReplies.RateLimited, slowDown.Json!["content"]!.GetValue<string>());
        Assert.Equal(["first", "third"], harness.Answers.Questions.Select(q => q.Text));
    }

    [Fact]
    public async Task Ask_UserOverRateLimit_RespondsEphemerallyWithoutDeferring()
    {
        await using var harness = new BotHarness(new() { ["DiscordBot:UserRateLimit"] = "1" });
        await harness.StartAsync();
        await harness.DispatchAskAsync(810, "first");
        await harness.NextRequestAsync("PATCH", "/webhooks/200/itoken-810/messages/@original");

        await harness.DispatchAskAsync(811, "second");
        var response = await harness.NextRequestAsync("POST", "/interactions/811/itoken-811/callback");

        Assert.Equal(4, response.Json!["type"]!.GetValue<int>());
        Assert.Equal(64, response.Json["data"]!["flags"]!.GetValue<int>());
        Assert.Equal(BotReplies.RateLimited, response.Json["data"]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task Start_WithGuildId_RegistersAskInThatGuild()
    {
        await using var harness = new BotHarness(new() { ["Discord:GuildId"] = "500" });

        await harness.StartAsync();

        var registration = Assert.Single(harness.Server.Requests, request => request.Method == "PUT");
        Assert.Equal("/api/v10/applications/200/guilds/500/commands", registration.Path);
        Assert.Equal("ask", registration.Json!.AsArray()[0]!["name"]!.GetValue<string>());
        Assert.True(registration.Json.AsArray()[0]!["options"]![0]!["required"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Stop_WhileAnswering_CancelsTheAnswerAndReturns()
    {
        var harness = new BotHarness();
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Answers.Answer = async (_, cancellationToken) =>
        {
            started.TrySetResult();
            await using (cancellationToken.Register(cancelled.SetResult))
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            throw new InvalidOperationException("unreachable");
        };
        await harness.StartAsync();
        await harness.DispatchMentionAsync(760, "slow question");
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await harness.DisposeAsync();

        Assert.True(cancelled.Task.IsCompleted);
        Assert.DoesNotContain(harness.Server.Requests, request => request.Body.Contains(BotReplies.Apology, StringComparison.Ordinal));
    }
}
