using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QaBot.Answering;
using QaBot.Core;

namespace QaBot.DiscordBot.Tests;

/// <summary>A bot restarted on the same data folder continues where the last one stopped.</summary>
public sealed class RestartTests : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("qabot-restart-");

    public void Dispose() => _data.Delete(recursive: true);

    [Fact]
    public async Task Mention_FollowUpInThreadAfterRestart_AnsweredInTheThreadWithTheEarlierTurns()
    {
        await using (var before = new BotHarness(dataDirectory: _data))
        {
            await before.StartAsync();
            await before.DispatchMentionAsync(700, "How do I ingest the corpus?");
            await before.NextRequestAsync("POST", "/channels/700/messages");
        }

        var conversations = new ConversationStore(Options.Create(new ConversationOptions()), TimeProvider.System);
        await using var after = new BotHarness(dataDirectory: _data, conversations: conversations);
        IReadOnlyList<ConversationTurn> history = [];
        after.Answers.Answer = (question, _) =>
        {
            history = conversations.Recent(question.ConversationId);
            return Task.FromResult(FakeAnswerService.Create($"Answer to: {question.Text}"));
        };
        await after.StartAsync();

        await after.DispatchMentionAsync(701, "and where does the index go?", channelId: 700);
        var reply = await after.NextRequestAsync("POST", "/channels/700/messages");

        Assert.Equal("701", reply.Json!["message_reference"]!["message_id"]!.GetValue<string>());
        Assert.Equal(new Question("and where does the index go?", "700"), Assert.Single(after.Answers.Questions));
        Assert.DoesNotContain(after.Server.Requests, request => request.Path.EndsWith("/threads", StringComparison.Ordinal));
        var turn = Assert.Single(history);
        Assert.Equal("How do I ingest the corpus?", turn.Question);
        Assert.Equal("Answer to: How do I ingest the corpus?", turn.Answer);
    }

    [Fact]
    public async Task Vote_OnAnAnswerGivenBeforeRestart_IsRecorded()
    {
        await using (var before = new BotHarness(dataDirectory: _data))
        {
            before.Answers.Answer = (_, _) => Task.FromResult(FakeAnswerService.Create("Run qabot ingest [1].", new Citation(1, "guides/ingest.md", 3, 9, "Ingesting")));
            await before.StartAsync();
            await before.DispatchMentionAsync(700, "How do I ingest?");
            await before.NextRequestAsync("POST", "/channels/700/messages");
        }

        await using var after = new BotHarness(dataDirectory: _data);
        await after.StartAsync();

        await after.DispatchButtonAsync(900, "fb:down:700", userId: 401);
        var ack = await after.NextRequestAsync("POST", "/interactions/900/itoken-900/callback");

        Assert.Equal(BotReplies.FeedbackThanks, ack.Json!["data"]!["content"]!.GetValue<string>());
        var line = Assert.Single(File.ReadAllLines(after.FeedbackPath));
        Assert.Contains("guides/ingest.md", line, StringComparison.Ordinal);
        Assert.Equal(1, after.Provider.GetRequiredService<BotStateStore>().CountVotes("700"));
    }
}
