using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using QaBot.Core;
using QaBot.Testing.Discord;
using QaBot.Evaluation;

namespace QaBot.DiscordBot.Tests;

/// <summary>
/// "Mark source…": a moderator marks the files that answer a question behind an answer; the mark becomes a reviewed
/// question that eval runs. The loop vote → review → question set → eval, against the fake Discord.
/// </summary>
public sealed class ReviewTests : IDisposable
{
    private const ulong ModeratorRole = 600;
    private const ulong OtherRole = 601;
    private const ulong AnswerMessageId = 950;

    private static readonly Dictionary<string, string?> WithModerators = new() { ["Discord:ModeratorRoleIds:0"] = "600" };

    /// <summary>One worker: a second question is answered only once the first one is wholly done.</summary>
    private static readonly Dictionary<string, string?> WithModeratorsOneWorker = new(WithModerators) { ["DiscordBot:Workers"] = "1" };

    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("qabot-review-");

    public void Dispose() => _data.Delete(recursive: true);

    [Fact]
    public async Task Start_ModeratorRolesConfigured_RegistersMarkSourceWithAskInOneOverwrite()
    {
        await using var harness = new BotHarness(WithModerators);
        await harness.StartAsync();

        var commands = RegisteredCommands(harness);

        Assert.Equal(["ask", "Mark source…"], commands.Select(c => c!["name"]!.GetValue<string>()));
        var mark = commands[1]!;
        Assert.Equal(3, mark["type"]!.GetValue<int>());
        Assert.Equal([0], mark["contexts"]!.AsArray().Select(c => c!.GetValue<int>()));
        Assert.Equal(string.Empty, mark["description"]?.GetValue<string>() ?? string.Empty);
    }

    [Fact]
    public async Task Start_NoModeratorRoles_RegistersOnlyAsk()
    {
        await using var harness = new BotHarness();
        await harness.StartAsync();

        Assert.Equal(["ask"], RegisteredCommands(harness).Select(c => c!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task MarkSource_MemberWithoutModeratorRole_EphemeralRefusalAndNothingWritten()
    {
        await using var harness = await AnsweredAsync();

        await harness.DispatchMarkSourceAsync(1000, AnswerMessageId, [OtherRole], BotAnswerJson());
        var reply = await harness.NextRequestAsync("POST", "/interactions/1000/itoken-1000/callback");

        Assert.Equal((4, 64), (reply.Json!["type"]!.GetValue<int>(), reply.Json["data"]!["flags"]!.GetValue<int>()));
        Assert.Equal(BotReplies.ReviewNotModerator, reply.Json["data"]!["content"]!.GetValue<string>());
        Assert.Null(reply.Json["data"]!["components"]);
        Assert.False(File.Exists(harness.ReviewedPath));
    }

    [Fact]
    public async Task MarkSource_Moderator_OffersCitedThenRetrievedFilesAndNotAnswerable()
    {
        await using var harness = await AnsweredAsync();

        await harness.DispatchMarkSourceAsync(1001, AnswerMessageId, [OtherRole, ModeratorRole], BotAnswerJson());
        var reply = await harness.NextRequestAsync("POST", "/interactions/1001/itoken-1001/callback");

        Assert.Equal((4, 64), (reply.Json!["type"]!.GetValue<int>(), reply.Json["data"]!["flags"]!.GetValue<int>()));
        Assert.Contains("How do I set up the server?", reply.Json["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        var rows = reply.Json["data"]!["components"]!.AsArray();
        var select = rows[0]!["components"]![0]!;
        Assert.Equal((3, "rv:pick:700"), (select["type"]!.GetValue<int>(), select["custom_id"]!.GetValue<string>()));
        var options = select["options"]!.AsArray();
        Assert.Equal(["guides/ingest.md", "guides/setup.md", "faq.md", "Not answerable"], options.Select(o => o!["label"]!.GetValue<string>()));
        Assert.Equal(["f0", "f1", "f2", "none"], options.Select(o => o!["value"]!.GetValue<string>()));
        Assert.Equal((1, 4), (select["min_values"]!.GetValue<int>(), select["max_values"]!.GetValue<int>()));
        var button = rows[1]!["components"]![0]!;
        Assert.Equal(("Type a path…", "rv:path:700"), (button["label"]!.GetValue<string>(), button["custom_id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task MarkSource_MessageThatIsNoAnswer_SaysSo()
    {
        await using var harness = await AnsweredAsync();

        await harness.DispatchMarkSourceAsync(1002, 123, [ModeratorRole], FakeGateway.MessageJson(123, "hello", channelId: 700));
        var reply = await harness.NextRequestAsync("POST", "/interactions/1002/itoken-1002/callback");

        Assert.Equal(BotReplies.ReviewNotAnAnswer, reply.Json!["data"]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task Pick_TwoFiles_WritesAMultiQuestionAndReplacesTheChoiceWithTheOutcome()
    {
        await using var harness = await AnsweredAsync();

        await harness.DispatchSelectAsync(1003, "rv:pick:700", ["f1", "f2"], [ModeratorRole]);
        var reply = await harness.NextRequestAsync("POST", "/interactions/1003/itoken-1003/callback");

        Assert.Equal(7, reply.Json!["type"]!.GetValue<int>());
        Assert.Empty(reply.Json["data"]!["components"]!.AsArray());
        Assert.Contains("`guides/setup.md`, `faq.md`", reply.Json["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        var question = Assert.Single(EvalSetReader.Read(harness.ReviewedPath));
        Assert.Equal(("fb-700", "How do I set up the server?", "en", "multi"), (question.Id, question.Question, question.Language, question.Kind));
        Assert.Equal(["guides/setup.md", "faq.md"], question.Sources);
        Assert.Empty(question.AnswerAny);
        Assert.Contains("\"status\":\"reviewed\"", File.ReadAllText(harness.ReviewedPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pick_NotAnswerable_WritesAnUnanswerableQuestion()
    {
        await using var harness = await AnsweredAsync();

        await harness.DispatchSelectAsync(1004, "rv:pick:700", ["none"], [ModeratorRole]);
        await harness.NextRequestAsync("POST", "/interactions/1004/itoken-1004/callback");

        var question = Assert.Single(EvalSetReader.Read(harness.ReviewedPath));
        Assert.Equal(("unanswerable", 0), (question.Kind, question.Sources.Count));
    }

    [Fact]
    public async Task Pick_NotAnswerableTogetherWithAFile_AsksForOneOrTheOtherAndWritesNothing()
    {
        await using var harness = await AnsweredAsync();

        await harness.DispatchSelectAsync(1005, "rv:pick:700", ["f0", "none"], [ModeratorRole]);
        var reply = await harness.NextRequestAsync("POST", "/interactions/1005/itoken-1005/callback");

        Assert.Equal((4, BotReplies.ReviewMixedChoice), (reply.Json!["type"]!.GetValue<int>(), reply.Json["data"]!["content"]!.GetValue<string>()));
        Assert.False(File.Exists(harness.ReviewedPath));
    }

    [Fact]
    public async Task Pick_CustomIdSubmittedWithoutTheRole_RefusedAndNothingWritten()
    {
        await using var harness = await AnsweredAsync();

        await harness.DispatchSelectAsync(1006, "rv:pick:700", ["f0"], [OtherRole]);
        var reply = await harness.NextRequestAsync("POST", "/interactions/1006/itoken-1006/callback");

        Assert.Equal(BotReplies.ReviewNotModerator, reply.Json!["data"]!["content"]!.GetValue<string>());
        Assert.False(File.Exists(harness.ReviewedPath));
    }

    [Fact]
    public async Task TypePath_FormSubmitted_DefersThenWritesTheNormalisedPath()
    {
        await using var harness = await AnsweredAsync();

        await harness.DispatchButtonAsync(1007, "rv:path:700", userId: 410, roles: [ModeratorRole]);
        var form = await harness.NextRequestAsync("POST", "/interactions/1007/itoken-1007/callback");
        await harness.DispatchModalSubmitAsync(1008, "rv:form:700", "paths", " ./docs\\install.md \n", [ModeratorRole]);
        var deferred = await harness.NextRequestAsync("POST", "/interactions/1008/itoken-1008/callback");
        var outcome = await harness.NextRequestAsync("PATCH", "/webhooks/200/itoken-1008/messages/@original");

        Assert.Equal((9, "rv:form:700"), (form.Json!["type"]!.GetValue<int>(), form.Json["data"]!["custom_id"]!.GetValue<string>()));
        var input = form.Json["data"]!["components"]![0]!["components"]![0]!;
        Assert.Equal((4, "paths"), (input["type"]!.GetValue<int>(), input["custom_id"]!.GetValue<string>()));
        Assert.True(form.Json["data"]!["title"]!.GetValue<string>().Length <= 45);
        Assert.True(input["label"]!.GetValue<string>().Length <= 45);
        Assert.Equal((5, 64), (deferred.Json!["type"]!.GetValue<int>(), deferred.Json["data"]!["flags"]!.GetValue<int>()));
        Assert.Contains("`docs/install.md`", outcome.Json!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        var question = Assert.Single(EvalSetReader.Read(harness.ReviewedPath));
        Assert.Equal(["docs/install.md"], question.Sources);
        Assert.Equal("factual", question.Kind);
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("../outside.md")]
    [InlineData("C:\\corpus\\a.md")]
    public async Task TypePath_PathOutsideTheCollection_SaysSoAndWritesNothing(string typed)
    {
        await using var harness = await AnsweredAsync();

        await harness.DispatchModalSubmitAsync(1009, "rv:form:700", "paths", typed, [ModeratorRole]);
        var outcome = await harness.NextRequestAsync("PATCH", "/webhooks/200/itoken-1009/messages/@original");

        Assert.Contains("is not a file path inside the collection", outcome.Json!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(File.Exists(harness.ReviewedPath));
    }

    [Fact]
    public async Task TypePath_FileTheIndexDoesNotHold_NamesItAndWritesNothing()
    {
        var index = ManifestOnlyIndex("guides/setup.md", "faq.md");
        await using var harness = await AnsweredAsync(configure: services => services.AddSingleton<IChunkIndex>(index));

        await harness.DispatchModalSubmitAsync(1010, "rv:form:700", "paths", "faq.md\nguides/setpu.md", [ModeratorRole]);
        var outcome = await harness.NextRequestAsync("PATCH", "/webhooks/200/itoken-1010/messages/@original");

        Assert.Equal(BotReplies.ReviewUnknownPaths(["guides/setpu.md"]), outcome.Json!["content"]!.GetValue<string>());
        Assert.False(File.Exists(harness.ReviewedPath));
    }

    [Fact]
    public async Task MarkSource_AfterRestart_FindsTheAnswerByItsStoredMessageAndTheChoiceIsWritten()
    {
        await using (var before = await AnsweredAsync(_data, WithModeratorsOneWorker))
        {
            await before.DispatchButtonAsync(1011, "fb:down:700", userId: 401);
            await before.NextRequestAsync("POST", "/interactions/1011/itoken-1011/callback");
            // Answered after the first answer has stored its messages (one worker).
            await before.DispatchMentionAsync(701, "And the next step?");
            await before.NextRequestAsync("POST", "/channels/701/messages");
        }

        await using (var after = new BotHarness(WithModerators, dataDirectory: _data))
        {
            await after.StartAsync();

            // No resolved message: only discord.db knows which answer message 950 shows.
            await after.DispatchMarkSourceAsync(1012, AnswerMessageId, [ModeratorRole]);
            var choice = await after.NextRequestAsync("POST", "/interactions/1012/itoken-1012/callback");
            Assert.Contains("👎 1", choice.Json!["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        await using var restarted = new BotHarness(WithModerators, dataDirectory: _data);
        await restarted.StartAsync();
        await restarted.DispatchSelectAsync(1013, "rv:pick:700", ["f1"], [ModeratorRole]);
        await restarted.NextRequestAsync("POST", "/interactions/1013/itoken-1013/callback");

        var question = Assert.Single(EvalSetReader.Read(restarted.ReviewedPath));
        Assert.Equal(["guides/setup.md"], question.Sources);
        Assert.Contains("\"votes_up\":0,\"votes_down\":1", File.ReadAllText(restarted.ReviewedPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loop_DownVoteReviewThenEval_RunsTheReviewedSetWithFileLevelMetricsOnly()
    {
        await using var harness = await AnsweredAsync();
        await harness.DispatchButtonAsync(1014, "fb:down:700", userId: 401);
        await harness.NextRequestAsync("POST", "/interactions/1014/itoken-1014/callback");
        await harness.DispatchMarkSourceAsync(1015, AnswerMessageId, [ModeratorRole], BotAnswerJson());
        await harness.NextRequestAsync("POST", "/interactions/1015/itoken-1015/callback");
        await harness.DispatchSelectAsync(1016, "rv:pick:700", ["f1"], [ModeratorRole]);
        await harness.NextRequestAsync("POST", "/interactions/1016/itoken-1016/callback");

        var questions = EvalSetReader.Read(harness.ReviewedPath);
        var report = await new Evaluator(harness.Answers, new NoSourceLanguages()).RunAsync(questions, new Dictionary<string, string>(), CancellationToken.None);

        // The bot still retrieves guides/ingest.md first and the reviewed source second.
        var overall = report.Overall;
        Assert.Equal((1, 0.0, 1.0, 0.5), (overall.Questions, overall.HitAt1, overall.HitAt3, overall.Mrr));
        Assert.Null(overall.AnswerAccuracy);
        Assert.Null(overall.EvidenceAt1);
        Assert.Null(Assert.Single(report.Questions).AnswerIsCorrect);
        Assert.Equal(0.0, overall.FalseRefusalRate);
    }

    /// <summary>A started bot that has answered "How do I set up the server?" (asked in message 700) in message 950.</summary>
    private static async Task<BotHarness> AnsweredAsync(
        DirectoryInfo? data = null, Dictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var harness = new BotHarness(settings ?? WithModerators, dataDirectory: data, configure: configure);
        harness.Answers.Answer = (_, _) => Task.FromResult(Answer());
        harness.Server.Enqueue("POST", "channels/700/messages", new FakeResponse(200, FakeGateway.MessageJson(AnswerMessageId, "answer", 700, FakeGateway.BotUserId)));
        await harness.StartAsync();
        await harness.DispatchMentionAsync(700, "How do I set up the server?");
        await harness.NextRequestAsync("POST", "/channels/700/messages");
        return harness;
    }

    /// <summary>Cites guides/ingest.md; retrieved guides/ingest.md, guides/setup.md, guides/ingest.md again and faq.md.</summary>
    private static Answer Answer()
    {
        var passages = new[] { "guides/ingest.md", "guides/setup.md", "guides/ingest.md", "faq.md" }
            .Select((path, i) => new RetrievedPassage(new Chunk(path, i, "Title", null, null, 1, 5, "en", "Some text."), i + 1, 1.0 / (i + 1), []))
            .ToList();
        var retrieval = RetrievalResult.Empty with { Passages = passages, IsRelevant = true };
        return new Answer("Run qabot ingest [1].", [new Citation(1, "guides/ingest.md", 1, 5, "Title")], false, retrieval, "fake", TimeSpan.Zero);
    }

    /// <summary>The bot's answer message as Discord resolves it for a message command: with its 👍/👎 buttons.</summary>
    private static string BotAnswerJson() => $$"""
        {"id":"{{AnswerMessageId}}","channel_id":"700","guild_id":"500","author":{"id":"{{FakeGateway.BotUserId}}","username":"qabot","bot":true},
         "content":"Run qabot ingest [1].","type":19,
         "components":[{"type":1,"components":[{"type":2,"style":3,"label":"👍","custom_id":"fb:up:700"},{"type":2,"style":4,"label":"👎","custom_id":"fb:down:700"}]}]}
        """;

    private static JsonArray RegisteredCommands(BotHarness harness) =>
        harness.Server.Requests.Single(r => r.Method == "PUT" && r.Path.EndsWith("/commands", StringComparison.Ordinal)).Json!.AsArray();

    private sealed class NoSourceLanguages : ISourceLanguageLookup
    {
        public Task<string?> FindAsync(string sourcePath, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
    }

    /// <summary>An index that only answers which files it holds: all a review asks of it.</summary>
    private static IChunkIndex ManifestOnlyIndex(params string[] paths)
    {
        var index = new Mock<IChunkIndex>(MockBehavior.Strict);
        index.Setup(i => i.ReadManifestAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync(paths.ToDictionary(p => p, p => new ManifestEntry(p, "hash", "v1", 1, DateTimeOffset.UnixEpoch)));
        return index.Object;
    }
}
