using System.Threading.Channels;
using QaBot.Core;

namespace QaBot.DiscordBot.Tests;

public sealed class StreamingTests
{
    [Fact]
    public async Task Mention_StreamedAnswer_PostsEarlyEditsAtMostEvery1500MsAndAddsSourcesAndVotesAtTheEnd()
    {
        await using var harness = new BotHarness();
        var stream = harness.Answers.Stream = Channel.CreateUnbounded<AnswerUpdate>();
        await harness.StartAsync();

        await harness.DispatchMentionAsync(700, "stream please");
        await stream.Writer.WriteAsync(new AnswerTextDelta("Chunks are"));
        var posted = await harness.NextRequestAsync("POST", "/channels/700/messages");
        await stream.Writer.WriteAsync(new AnswerTextDelta(" passages"));
        await stream.Writer.WriteAsync(new AnswerTextDelta(" of text [1]."));
        await harness.Time.WaitForTimerAsync(QuestionAnswerer.EditInterval);
        Assert.DoesNotContain(harness.Server.Requests, r => r.Method == "PATCH");
        harness.Time.Advance(QuestionAnswerer.EditInterval);
        var edited = await harness.NextRequestAsync("PATCH", "/channels/700/messages/900");
        await stream.Writer.WriteAsync(new AnswerCompleted(FakeAnswerService.Create("Chunks are passages of text [1].", new Citation(1, "guide.md", 3, 9, "Guide"))));
        await harness.Time.AdvanceWhenWaitingAsync(QuestionAnswerer.EditInterval);
        var final = await harness.NextRequestAsync("PATCH", "/channels/700/messages/900");

        Assert.Equal("Chunks are", posted.Json!["content"]!.GetValue<string>());
        Assert.Equal("stop:700", posted.Json["components"]![0]!["components"]![0]!["custom_id"]!.GetValue<string>());
        Assert.Equal("Chunks are passages of text [1].", edited.Json!["content"]!.GetValue<string>());
        var content = final.Json!["content"]!.GetValue<string>();
        Assert.StartsWith("Chunks are passages of text [1].\n\n**Sources**", content, StringComparison.Ordinal);
        var buttons = final.Json["components"]![0]!["components"]!.AsArray().Select(b => b!["custom_id"]!.GetValue<string>());
        Assert.Equal(["fb:up:700", "fb:down:700"], buttons);
        Assert.Equal(2, harness.Server.Requests.Count(r => r.Method == "PATCH"));
    }

    [Fact]
    public async Task Mention_AnswerWithGlossAndUnverifiedMark_PostedInTheLayoutTheReplShows()
    {
        await using var harness = new BotHarness();
        harness.Answers.Answer = (_, _) => Task.FromResult(FakeAnswerService.Create(
            "“Die Kurse stiegen.” [1] They tripled in 2031 [1]. (unverified)",
            new Citation(1, "b.txt", 4, 4, "Börse") { HeadingPath = ["2.1 Kurse"] }) with
        {
            Glosses = [new WordGloss(1, [new GlossPair("Kurse", "prices")])],
        });
        await harness.StartAsync();

        await harness.DispatchMentionAsync(700, "did prices rise?");
        var posted = await harness.NextRequestAsync("POST", "/channels/700/messages");

        Assert.Equal(
            "“Die Kurse stiegen.” [1] They tripled in 2031 [1]. (unverified)\n\n**Word gloss (dictionary, not a translation)**\n[1] Kurse = prices"
            + "\n\n**Sources**\n[1] `b.txt:4` (§2.1 \"Kurse\") — Börse",
            posted.Json!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task Mention_AnswerArrivesWhole_IsPostedOnceWithoutEdits()
    {
        await using var harness = new BotHarness();
        await harness.StartAsync();

        await harness.DispatchMentionAsync(700, "quick one");
        var posted = await harness.NextRequestAsync("POST", "/channels/700/messages");

        Assert.Equal("Answer to: quick one", posted.Json!["content"]!.GetValue<string>());
        Assert.Equal("fb:up:700", posted.Json["components"]![0]!["components"]![0]!["custom_id"]!.GetValue<string>());
        Assert.DoesNotContain(harness.Server.Requests, r => r.Method == "PATCH");
    }

    [Fact]
    public async Task StopButton_ClickedByTheAsker_CancelsTheAnswerAndRemovesTheButtons()
    {
        await using var harness = new BotHarness();
        var stream = harness.Answers.Stream = Channel.CreateUnbounded<AnswerUpdate>();
        await harness.StartAsync();
        await harness.DispatchMentionAsync(700, "long answer");
        await stream.Writer.WriteAsync(new AnswerTextDelta("The first half"));
        await harness.NextRequestAsync("POST", "/channels/700/messages");

        await harness.DispatchButtonAsync(950, "stop:700", userId: 400);
        var ack = await harness.NextRequestAsync("POST", "/interactions/950/itoken-950/callback");
        await harness.Time.AdvanceWhenWaitingAsync(QuestionAnswerer.EditInterval);
        var final = await harness.NextRequestAsync("PATCH", "/channels/700/messages/900");

        Assert.Equal("""{"type":6}""", ack.Body);
        Assert.Equal("The first half\n\n*Stopped.*", final.Json!["content"]!.GetValue<string>());
        Assert.Empty(final.Json["components"]!.AsArray());
    }

    [Fact]
    public async Task StopButton_ClickedBySomeoneElse_RepliesEphemerallyAndKeepsAnswering()
    {
        await using var harness = new BotHarness();
        var stream = harness.Answers.Stream = Channel.CreateUnbounded<AnswerUpdate>();
        await harness.StartAsync();
        await harness.DispatchMentionAsync(700, "long answer");
        await stream.Writer.WriteAsync(new AnswerTextDelta("Going on"));
        await harness.NextRequestAsync("POST", "/channels/700/messages");

        await harness.DispatchButtonAsync(951, "stop:700", userId: 999);
        var reply = await harness.NextRequestAsync("POST", "/interactions/951/itoken-951/callback");
        await stream.Writer.WriteAsync(new AnswerCompleted(FakeAnswerService.Create("Going on and done.")));
        await harness.Time.AdvanceWhenWaitingAsync(QuestionAnswerer.EditInterval);
        var final = await harness.NextRequestAsync("PATCH", "/channels/700/messages/900");

        Assert.Equal(BotReplies.StopNotYours, reply.Json!["data"]!["content"]!.GetValue<string>());
        Assert.Equal(64, reply.Json["data"]!["flags"]!.GetValue<int>());
        Assert.Equal("Going on and done.", final.Json!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task Mention_StreamedAnswerOver2000Characters_ContinuesInAFollowUpMessage()
    {
        await using var harness = new BotHarness();
        var stream = harness.Answers.Stream = Channel.CreateUnbounded<AnswerUpdate>();
        await harness.StartAsync();
        var paragraph = string.Join(" ", Enumerable.Repeat("One more sentence of the answer.", 40));

        await harness.DispatchMentionAsync(700, "long answer");
        await stream.Writer.WriteAsync(new AnswerTextDelta($"{paragraph}\n\n{paragraph}"));
        var first = await harness.NextRequestAsync("POST", "/channels/700/messages");
        var second = await harness.NextRequestAsync("POST", "/channels/700/messages");

        Assert.Equal(paragraph, first.Json!["content"]!.GetValue<string>());
        Assert.Equal(paragraph, second.Json!["content"]!.GetValue<string>());
        Assert.Null(first.Json["components"]);
        Assert.NotNull(second.Json!["components"]);
        Assert.Null(second.Json["message_reference"]);
        await stream.Writer.WriteAsync(new AnswerCompleted(FakeAnswerService.Create($"{paragraph}\n\n{paragraph}")));
    }

    [Fact]
    public async Task Ask_StreamedAnswer_EditsTheOriginalResponse()
    {
        await using var harness = new BotHarness();
        var stream = harness.Answers.Stream = Channel.CreateUnbounded<AnswerUpdate>();
        await harness.StartAsync();

        await harness.DispatchAskAsync(800, "slash stream");
        await stream.Writer.WriteAsync(new AnswerTextDelta("Partial"));
        var first = await harness.NextRequestAsync("PATCH", "/webhooks/200/itoken-800/messages/@original");
        await stream.Writer.WriteAsync(new AnswerCompleted(FakeAnswerService.Create("Partial and whole.")));
        await harness.Time.AdvanceWhenWaitingAsync(QuestionAnswerer.EditInterval);
        var final = await harness.NextRequestAsync("PATCH", "/webhooks/200/itoken-800/messages/@original");

        Assert.Equal("Partial", first.Json!["content"]!.GetValue<string>());
        Assert.Equal("Partial and whole.", final.Json!["content"]!.GetValue<string>());
        Assert.Equal("fb:up:800", final.Json["components"]![0]!["components"]![0]!["custom_id"]!.GetValue<string>());
    }
}
