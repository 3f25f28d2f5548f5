using Microsoft.Extensions.DependencyInjection;
using QaBot.Core;
using QaBot.Testing;

namespace QaBot.DiscordBot.Tests;

public sealed class ReadinessTests
{
    [Fact]
    public async Task Mention_WhileIndexingSlowly_RepliesStillIndexingWithCountsAndNeverAsksTheAnswerService()
    {
        var index = new IndexStateTracker(IndexState.Ready);
        await using var harness = new BotHarness(indexState: index);
        index.Set(Ingesting(harness, done: 120, total: 400, startedAgo: TimeSpan.FromMinutes(10)));
        await harness.StartAsync();

        await harness.DispatchMentionAsync(700, "How do I ingest the corpus?");
        var reply = await harness.NextRequestAsync("POST", "/channels/300/messages");

        Assert.Equal("I'm still indexing the collection (120 of 400 files); ask again in a minute.", reply.Json!["content"]!.GetValue<string>());
        Assert.Equal("700", reply.Json["message_reference"]!["message_id"]!.GetValue<string>());
        Assert.Empty(harness.Answers.Questions);
    }

    [Theory]
    [InlineData("Wie viele Dateien sind in der Sammlung?", "Ich indexiere die Sammlung noch (3 von 9 Dateien); frag bitte in einer Minute noch einmal.")]
    [InlineData("文档库里有多少文件？", "我还在为文档库建立索引（已完成 3/9 个文件），请一分钟后再问。")]
    public async Task Mention_WhileIndexing_RepliesInTheQuestionsLanguage(string question, string expected)
    {
        var index = new IndexStateTracker(IndexState.Ready);
        await using var harness = new BotHarness(indexState: index);
        index.Set(Ingesting(harness, done: 3, total: 9, startedAgo: TimeSpan.FromMinutes(5)));
        await harness.StartAsync();

        await harness.DispatchMentionAsync(700, question);
        var reply = await harness.NextRequestAsync("POST", "/channels/300/messages");

        Assert.Equal(expected, reply.Json!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task Mention_IngestAlmostDone_HoldsTheQuestionAndAnswersOnceReady()
    {
        var index = new IndexStateTracker(IndexState.Ready);
        await using var harness = new BotHarness(indexState: index);
        index.Set(Ingesting(harness, done: 390, total: 400, startedAgo: TimeSpan.FromSeconds(39)));
        await harness.StartAsync();

        await harness.DispatchMentionAsync(700, "held question");
        await harness.Time.WaitForTimerAsync(TimeSpan.FromSeconds(30));
        Assert.Empty(harness.Answers.Questions);
        index.Set(IndexState.Ready);
        var answer = await harness.NextRequestAsync("POST", "/channels/700/messages");

        Assert.Equal("Answer to: held question", answer.Json!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task Mention_HeldButIndexNotReadyInTime_RepliesStillIndexing()
    {
        var index = new IndexStateTracker(IndexState.Ready);
        await using var harness = new BotHarness(indexState: index);
        index.Set(new IndexState(IndexPhase.Ingesting, Since: harness.Time.GetUtcNow()));
        await harness.StartAsync();

        await harness.DispatchMentionAsync(700, "asked right after READY");
        await harness.Time.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(30));
        var reply = await harness.NextRequestAsync("POST", "/channels/300/messages");

        Assert.Equal("I'm still indexing the collection; ask again in a minute.", reply.Json!["content"]!.GetValue<string>());
        Assert.Empty(harness.Answers.Questions);
    }

    [Fact]
    public async Task Ask_WhenIndexFailed_RepliesThatIndexingFailedNotARefusal()
    {
        var index = new IndexStateTracker(new IndexState(IndexPhase.Failed, Failure: "disk full"));
        await using var harness = new BotHarness(indexState: index);
        await harness.StartAsync();

        await harness.DispatchAskAsync(800, "What is a chunk?");
        var callback = await harness.NextRequestAsync("POST", "/interactions/800/itoken-800/callback");

        Assert.StartsWith("I can't answer yet: indexing the collection failed.", callback.Json!["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(harness.Answers.Questions);
    }

    [Fact]
    public async Task Presence_IndexStateChanges_StatusFollowsAtMostEveryFifteenSeconds()
    {
        var index = new IndexStateTracker(new IndexState(IndexPhase.Ingesting, 1, 4));
        await using var harness = new BotHarness(indexState: index);
        await harness.StartAsync();
        var identify = await harness.Gateway.NextOpAsync(2);
        var shown = identify.D!["presence"]?["activities"]?[0]?["state"]?.GetValue<string>()
            ?? (await harness.Gateway.NextOpAsync(3)).D!["activities"]![0]!["state"]!.GetValue<string>();
        Assert.Equal("Indexing: 1 of 4 files", shown);

        index.Set(new IndexState(IndexPhase.Ingesting, 2, 4));
        index.Set(IndexState.Ready);
        await harness.Time.AdvanceWhenWaitingAsync(PresenceUpdater.MinInterval);
        var update = await harness.Gateway.NextFrameAsync(frame => frame.Op == 3 && frame.D!["activities"]![0]!["state"]!.GetValue<string>() != "Indexing: 1 of 4 files");

        Assert.Equal("Ready: mention me or use /ask", update.D!["activities"]![0]!["state"]!.GetValue<string>());
    }

    private static IndexState Ingesting(BotHarness harness, int done, int total, TimeSpan startedAgo) =>
        new(IndexPhase.Ingesting, done, total, Since: harness.Time.GetUtcNow() - startedAgo);
}

/// <summary>An ingest in another process (the compose job), seen only through its record in the index.</summary>
public sealed class CrossProcessReadinessTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);

    private static Dictionary<string, string?> Settings() => new() { ["DiscordBot:IngestPollInterval"] = "00:00:02" };

    /// <summary>A bot started while another process's record says it is at 3 of 10 files, once the bot has seen it.</summary>
    private static async Task<(InMemoryIngestProgressStore Store, IndexStateTracker Index, BotHarness Harness)> StartWhileAnotherProcessIngestsAsync()
    {
        var store = new InMemoryIngestProgressStore();
        var index = new IndexStateTracker(IndexState.Ready);
        var harness = new BotHarness(Settings(), indexState: index, configure: s => s.AddSingleton<IIngestProgressStore>(store));
        store.Latest = OtherProcess(harness, IngestRunStatus.Running, 3, 10);
        await harness.StartAsync();
        await WaitForPhaseAsync(index, IndexPhase.Ingesting);
        return (store, index, harness);
    }

    private static IngestRun OtherProcess(BotHarness harness, IngestRunStatus status, int done, int total) =>
        new("ingest-job pid 1 #c0ffee", status, done, total, FromEmpty: true, harness.Time.GetUtcNow() - TimeSpan.FromMinutes(5), harness.Time.GetUtcNow());

    [Fact]
    public async Task Mention_AnotherProcessIngesting_RepliesStillIndexingThenAnswersOnceItFinished()
    {
        var (store, index, harness) = await StartWhileAnotherProcessIngestsAsync();
        await using var _ = harness;

        await harness.DispatchMentionAsync(700, "How do I ingest the corpus?");
        var reply = await harness.NextRequestAsync("POST", "/channels/300/messages");
        Assert.Equal("I'm still indexing the collection (3 of 10 files); ask again in a minute.", reply.Json!["content"]!.GetValue<string>());
        Assert.Empty(harness.Answers.Questions);

        store.Latest = OtherProcess(harness, IngestRunStatus.Finished, 10, 10);
        harness.Time.Advance(Poll);
        await WaitForPhaseAsync(index, IndexPhase.Ready);
        await harness.DispatchMentionAsync(701, "How do I ingest the corpus?");
        var answer = await harness.NextRequestAsync("POST", "/channels/701/messages");

        Assert.Equal("Answer to: How do I ingest the corpus?", answer.Json!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task Poll_OtherProcessStoppedHeartbeat_IndexNoLongerIngesting()
    {
        var (store, index, harness) = await StartWhileAnotherProcessIngestsAsync();
        await using var _ = harness;

        // No index registered in the harness: documents count as present, so a dead ingest leaves the index ready.
        harness.Time.Advance(IngestRun.StaleAfter + Poll);
        await WaitForPhaseAsync(index, IndexPhase.Ready);

        Assert.Equal(IndexState.Ready, index.Current);
    }

    [Fact]
    public async Task Poll_RecordOfThisProcessesOwnIngest_LeavesTheTrackerToIt()
    {
        var store = new InMemoryIngestProgressStore();
        var index = new IndexStateTracker(new IndexState(IndexPhase.Ingesting, 1, 10));
        await using var harness = new BotHarness(Settings(), indexState: index, configure: s => s.AddSingleton<IIngestProgressStore>(store));
        var own = harness.Provider.GetRequiredService<IngestOwner>();
        store.Latest = OtherProcess(harness, IngestRunStatus.Finished, 10, 10) with { Owner = own.Id };
        await harness.StartAsync();
        await harness.Time.WaitForTimerAsync(Poll);

        // The third read starts only after the second poll is done with its record.
        harness.Time.Advance(Poll);
        await store.WaitForReadsAsync(2);
        harness.Time.Advance(Poll);
        await store.WaitForReadsAsync(3);

        Assert.Equal(new IndexState(IndexPhase.Ingesting, 1, 10), index.Current);
    }

    private static async Task WaitForPhaseAsync(IndexStateTracker index, IndexPhase phase)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(object? sender, IndexState state)
        {
            if (state.Phase == phase)
            {
                reached.TrySetResult();
            }
        }

        index.Changed += OnChanged;
        try
        {
            if (index.Current.Phase != phase)
            {
                await reached.Task.WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        finally
        {
            index.Changed -= OnChanged;
        }
    }
}
