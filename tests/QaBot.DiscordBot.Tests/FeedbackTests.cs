using QaBot.Core;
using QaBot.Evaluation.Feedback;

namespace QaBot.DiscordBot.Tests;

public sealed class FeedbackTests
{
    [Fact]
    public async Task Mention_Answered_HasThumbButtonsCarryingTheAnswerId()
    {
        await using var harness = new BotHarness();
        await harness.StartAsync();

        await harness.DispatchMentionAsync(700, "How do I ingest?");
        var answer = await harness.NextRequestAsync("POST", "/channels/700/messages");

        var row = Assert.Single(answer.Json!["components"]!.AsArray())!;
        Assert.Equal(1, row["type"]!.GetValue<int>());
        var buttons = row["components"]!.AsArray();
        Assert.Equal(["👍", "👎"], buttons.Select(b => b!["label"]!.GetValue<string>()));
        Assert.Equal(["fb:up:700", "fb:down:700"], buttons.Select(b => b!["custom_id"]!.GetValue<string>()));
        Assert.All(buttons, b => Assert.Equal(2, b!["type"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Ask_LongAnswer_ButtonsOnlyUnderTheLastPart()
    {
        await using var harness = new BotHarness();
        var paragraph = string.Join(" ", Enumerable.Repeat("This sentence explains one more detail.", 30));
        harness.Answers.Answer = (_, _) => Task.FromResult(FakeAnswerService.Create(string.Join("\n\n", Enumerable.Repeat(paragraph, 2))));
        await harness.StartAsync();

        await harness.DispatchAskAsync(801, "Explain everything");
        var edit = await harness.NextRequestAsync("PATCH", "/webhooks/200/itoken-801/messages/@original");
        var followup = await harness.NextRequestAsync("POST", "/webhooks/200/itoken-801");

        Assert.Null(edit.Json!["components"]);
        Assert.Equal("fb:up:801", followup.Json!["components"]![0]!["components"]![0]!["custom_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Vote_UpThenDown_RecordsBothWithQuestionAnswerSourcesAndNoUserId()
    {
        await using var harness = new BotHarness();
        harness.Answers.Answer = (q, _) => Task.FromResult(FakeAnswerService.Create(
            "Run qabot ingest [1].", new Citation(1, "guides/ingest.md", 3, 9, "Ingesting")));
        await harness.StartAsync();
        await harness.DispatchMentionAsync(700, "How do I ingest?");
        await harness.NextRequestAsync("POST", "/channels/700/messages");
        harness.Time.Advance(TimeSpan.FromMinutes(5));

        await harness.DispatchButtonAsync(900, "fb:up:700", userId: 401);
        var ack = await harness.NextRequestAsync("POST", "/interactions/900/itoken-900/callback");
        await harness.DispatchButtonAsync(901, "fb:down:700", userId: 401);
        await harness.NextRequestAsync("POST", "/interactions/901/itoken-901/callback");

        Assert.Equal(4, ack.Json!["type"]!.GetValue<int>());
        Assert.Equal(64, ack.Json["data"]!["flags"]!.GetValue<int>());
        Assert.Equal(BotReplies.FeedbackThanks, ack.Json["data"]!["content"]!.GetValue<string>());
        var lines = File.ReadAllLines(harness.FeedbackPath);
        Assert.Equal(2, lines.Length);
        Assert.DoesNotContain(lines, line => line.Contains("401", StringComparison.Ordinal));
        var entries = FeedbackReader.Read(harness.FeedbackPath);
        Assert.Equal([FeedbackVote.Up, FeedbackVote.Down], entries.Select(e => e.Vote));
        var first = entries[0];
        Assert.Equal(("700", "How do I ingest?", "Run qabot ingest [1]."), (first.AnswerId, first.Question, first.Answer));
        Assert.Equal(new FeedbackSource("guides/ingest.md", 3, 9, "Ingesting"), Assert.Single(first.Sources));
        Assert.Equal(harness.Time.GetUtcNow(), first.VotedAt);
        Assert.Equal(entries[0].Voter, entries[1].Voter);
        Assert.Equal(FeedbackVote.Down, Assert.Single(FeedbackReader.LatestVotes(entries)).Vote);
    }

    [Fact]
    public void Pseudonym_SameUserOnTwoAnswers_DiffersButIsStablePerAnswer()
    {
        Assert.Equal(VoteRecorder.Pseudonym("700", 401), VoteRecorder.Pseudonym("700", 401));
        Assert.NotEqual(VoteRecorder.Pseudonym("700", 401), VoteRecorder.Pseudonym("701", 401));
        Assert.NotEqual(VoteRecorder.Pseudonym("700", 401), VoteRecorder.Pseudonym("700", 402));
    }

    [Fact]
    public async Task Vote_UnknownAnswer_SaysTooOldAndWritesNothing()
    {
        await using var harness = new BotHarness();
        await harness.StartAsync();

        await harness.DispatchButtonAsync(902, "fb:up:123456");
        var ack = await harness.NextRequestAsync("POST", "/interactions/902/itoken-902/callback");

        Assert.Equal(BotReplies.FeedbackExpired, ack.Json!["data"]!["content"]!.GetValue<string>());
        Assert.False(File.Exists(harness.FeedbackPath));
    }

    [Fact]
    public async Task Vote_ForeignButton_IsIgnored()
    {
        await using var harness = new BotHarness();
        await harness.StartAsync();

        await harness.DispatchButtonAsync(903, "someone-elses:button");
        await harness.DispatchMentionAsync(704, "after the click");
        await harness.NextRequestAsync("POST", "/channels/704/messages");

        Assert.DoesNotContain(harness.Server.Requests, r => r.Path.Contains("/interactions/903/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("fb:up:42", true, FeedbackVote.Up, "42")]
    [InlineData("fb:down:42", true, FeedbackVote.Down, "42")]
    [InlineData("fb:sideways:42", false, FeedbackVote.Up, "42")]
    [InlineData("fb:up:", false, FeedbackVote.Up, "")]
    [InlineData("up:42", false, FeedbackVote.Up, "")]
    public void TryParse_CustomId_ReadsVoteAndAnswerId(string customId, bool expected, FeedbackVote vote, string answerId)
    {
        var parsed = FeedbackButtons.TryParse(customId, out var actualVote, out var actualId);

        Assert.Equal(expected, parsed);
        if (expected)
        {
            Assert.Equal((vote, answerId), (actualVote, actualId));
        }
    }
}
