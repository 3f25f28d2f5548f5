using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QaBot.Core;
using QaBot.Testing;
using static QaBot.Generation.Tests.Passages;

namespace QaBot.Generation.Tests;

/// <summary>
/// The real Semantic Kernel OpenAI connector, built by <see cref="ChatKernelFactory"/> as the host registers it
/// (IHttpClientFactory with the standard resilience handler), talking to an OpenAI-compatible server on loopback:
/// streaming, JSON, usage, 429 with Retry-After, 500, malformed bodies and a hung response. Waits run on a fake
/// clock, the TimeProvider in DI.
/// </summary>
public sealed class FakeServerChatTests : IAsyncDisposable
{
    private readonly List<ServiceProvider> _containers = [];
    private readonly FakeOpenAiServer _server = new(_ => FakeChatReply.Text("unused"));
    private readonly ObservedTimeProvider _time = new();
    private readonly CapturingLoggerFactory _logs = new();
    private readonly GenerationMetrics _metrics = new();

    [Fact]
    public async Task StreamAsync_ServerStreamsSse_PiecesArriveWithInvalidMarkersDroppedAndTokensCounted()
    {
        // Arrange
        _server.Responder = _ => FakeChatReply.Text("Binhai has over ", "220,000 enterprises [1]", ". Invented [", "8]. It is a bay [1]", ".");
        var tokens = new List<(string Name, long Value)>();
        using var listener = Listen(tokens);

        // Act
        var updates = new List<ComposerUpdate>();
        await foreach (var update in Composer(Options()).StreamAsync("How many enterprises are in Binhai?", ThreePassages(), CancellationToken.None))
        {
            updates.Add(update);
        }

        // Assert
        var request = Assert.Single(_server.Requests);
        Assert.True(request.Stream);
        Assert.Equal("fake-model", request.Body["model"]!.ToString());
        Assert.Equal("Bearer test-key", request.Authorization);
        Assert.Contains("### passage 1: 004.txt:1-1 — Binhai", request.Prompt, StringComparison.Ordinal);
        // Pieces are passed on sentence by sentence, each once its claims are checked.
        Assert.True(updates.OfType<ComposerTextDelta>().Count() >= 2, "pieces are passed on as they arrive");
        var answer = Assert.IsType<ComposerCompleted>(updates[^1]).Answer;
        Assert.Equal("Binhai has over 220,000 enterprises [1]. Invented. It is a bay [1].", answer.Text);
        Assert.Equal(["004.txt"], answer.Cited.Select(p => p.Chunk.SourcePath));
        Assert.Equal(["[8]"], answer.Diagnostics.RemovedMarkers);
        Assert.Equal((120, 30), (answer.Diagnostics.PromptTokens, answer.Diagnostics.CompletionTokens));
        Assert.Contains(("qabot.generation.prompt_tokens", 120L), tokens);
        Assert.Contains(("qabot.generation.completion_tokens", 30L), tokens);
        Assert.NotEmpty(_logs.Lines);
        Assert.DoesNotContain(_logs.Lines, l => l.Message.Contains("test-key", StringComparison.Ordinal) || (l.Exception?.ToString().Contains("test-key", StringComparison.Ordinal) ?? false));
    }

    [Fact]
    public async Task ComposeAsync_AzureOpenAiProvider_CallsTheDeploymentWithTheApiKeyHeader()
    {
        // Arrange
        _server.Responder = _ => FakeChatReply.Text("Over 220,000 [1].");
        var options = new ChatOptions { Provider = ChatProvider.AzureOpenAI, Endpoint = new Uri($"http://127.0.0.1:{_server.Port}/"), Deployment = "qabot-gpt", ApiKey = "azure-key" };

        // Act
        var answer = await Composer(options).ComposeAsync("How many enterprises?", ThreePassages(), CancellationToken.None);

        // Assert
        Assert.Equal("Over 220,000 [1].", answer.Text);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("/openai/deployments/qabot-gpt/chat/completions", request.Path);
        Assert.Equal("azure-key", request.ApiKeyHeader);
    }

    [Fact]
    public async Task RewriteAsync_FollowUpAgainstJsonServer_CondensedQuestionAndTranslationsBecomeQueries()
    {
        // Arrange
        _server.Responder = request => request.Prompt.Contains("Follow-up question:", StringComparison.Ordinal)
            ? FakeChatReply.Text("How many industrial enterprises are in Germany?")
            : FakeChatReply.Text("de: Wie viele Industrieunternehmen gibt es in Deutschland?\nzh: 德国有多少工业企业？");
        var rewriter = Rewriter(Options(), new FakeChunkIndex("en", "de", "zh"));
        var history = new[] { new ConversationTurn("How many industrial enterprises are in Binhai?", "Over 220,000 [1].", _time.GetUtcNow()) };

        // Act
        var rewritten = await rewriter.RewriteAsync("and in Germany?", history, CancellationToken.None);

        // Assert
        Assert.Equal("How many industrial enterprises are in Germany?", rewritten.Standalone);
        Assert.True(rewritten.WasCondensed);
        Assert.Equal([("model:de", "Wie viele Industrieunternehmen gibt es in Deutschland?"), ("model:zh", "德国有多少工业企业？")], rewritten.ExtraQueries.Select(q => (q.Label, q.Text)));
        Assert.Equal(2, _server.Requests.Count);
        Assert.All(_server.Requests, r => Assert.False(r.Stream));
        var condense = _server.Requests.First();
        Assert.Contains("User: How many industrial enterprises are in Binhai?", condense.Prompt, StringComparison.Ordinal);
        Assert.Contains("Follow-up question: and in Germany?", condense.Prompt, StringComparison.Ordinal);
        Assert.Contains("Languages: de (German), zh (Chinese)", _server.Requests.Last().Prompt, StringComparison.Ordinal);
        Assert.Equal((240, 60), (rewritten.PromptTokens, rewritten.CompletionTokens));
    }

    [Fact]
    public async Task ComposeAsync_429WithRetryAfterThenSuccess_RetriesAfterTheServersDelayOnTheFakeClockAndAnswers()
    {
        // Arrange
        var calls = 0;
        var arrivals = new ConcurrentQueue<DateTimeOffset>();
        _server.Responder = _ =>
        {
            arrivals.Enqueue(_time.GetUtcNow());
            return Interlocked.Increment(ref calls) == 1 ? FakeChatReply.Status(429, FakeOpenAiServer.Seconds(7)) : FakeChatReply.Text("Over 220,000 [1].");
        };

        // Act
        var answering = Composer(Options()).ComposeAsync("How many enterprises?", ThreePassages(), CancellationToken.None);
        await _time.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(7));
        var answer = await answering;

        // Assert
        Assert.Equal("Over 220,000 [1].", answer.Text);
        Assert.Equal(2, _server.Requests.Count);
        // The server's 7 s, not the 1 s backoff: only the test moves the clock, so the wait is exact.
        Assert.Equal(TimeSpan.FromSeconds(7), arrivals.Last() - arrivals.First());
        Assert.Contains(_logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("failed with 429; retrying in 7000 ms (1 of 2)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ComposeAsync_RetryAfterLongerThanMaxRetryDelay_GivesUpAtOnceWithTheBusyMessage()
    {
        // Arrange
        _server.Responder = _ => FakeChatReply.Status(429, FakeOpenAiServer.Seconds(120));

        // Act
        var error = await Assert.ThrowsAsync<AnswerUnavailableException>(() => Composer(Options()).ComposeAsync("How many?", ThreePassages(), CancellationToken.None));

        // Assert
        Assert.Single(_server.Requests);
        Assert.Equal("The chat model is busy (HTTP 429, rate limited). Try again in a moment.", error.Message);
    }

    [Fact]
    public async Task ComposeAsync_500OnEveryAttempt_RetriesThenShortMessageAndLoggedError()
    {
        // Arrange
        _server.Responder = _ => FakeChatReply.Status(500);
        var options = Options();
        options.MaxRetries = 1;

        // Act
        var answering = Composer(options).ComposeAsync("How many enterprises?", ThreePassages(), CancellationToken.None);
        // The backoff has jitter: wait for the one timer shorter than every timeout, then let it elapse.
        var backoff = await _time.WaitForTimerAsync(due => due > TimeSpan.Zero && due <= options.MaxRetryDelay);
        _time.Advance(backoff);
        var error = await Assert.ThrowsAsync<AnswerUnavailableException>(() => answering);

        // Assert
        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal("The chat model failed to answer (HTTP 500). Try again later.", error.Message);
        Assert.DoesNotContain(" at ", error.Message, StringComparison.Ordinal);
        Assert.Contains(_logs.Lines, l => l.Level == LogLevel.Error && l.Message.Contains("HTTP 500", StringComparison.Ordinal));
        Assert.Contains(_logs.Lines, l => l.Level == LogLevel.Debug && l.Exception is not null);
    }

    [Fact]
    public async Task ComposeAsync_ServerNeverResponds_TimesOutOnTheClockWithAShortMessage()
    {
        // Arrange
        _server.Responder = _ => FakeChatReply.Hang();
        var options = Options();
        options.MaxRetries = 0;
        options.RequestTimeout = TimeSpan.FromSeconds(20);

        // Act
        var answering = Composer(options).ComposeAsync("How many enterprises?", ThreePassages(), CancellationToken.None);
        await _server.WhenRequestCountAsync(1);
        await _time.AdvanceWhenWaitingAsync(options.RequestTimeout);
        var error = await Assert.ThrowsAsync<AnswerUnavailableException>(() => answering);

        // Assert
        Assert.Equal("The chat model did not respond in time. Try again later.", error.Message);
        Assert.Single(_server.Requests);
    }

    [Theory]
    [InlineData("{\"choices\": \"not a list\"", false)]
    [InlineData("data: {this is not json}\n\n", true)]
    public async Task ComposeAsync_MalformedBody_ShortMessageSaysTheReplyCouldNotBeRead(string body, bool asEventStream)
    {
        // Arrange
        _server.Responder = _ => FakeChatReply.Malformed(body, asEventStream);

        // Act
        var error = await Assert.ThrowsAsync<AnswerUnavailableException>(() => Composer(Options()).ComposeAsync("How many?", ThreePassages(), CancellationToken.None));

        // Assert
        Assert.Equal("The chat model sent a reply QaBot could not read.", error.Message);
    }

    [Fact]
    public async Task ComposeAsync_CallerCancelsWhileServerHangs_CancelledNotReportedAsAFailure()
    {
        // Arrange
        _server.Responder = _ => FakeChatReply.Hang();
        using var cancellation = new CancellationTokenSource();

        // Act
        var answering = Composer(Options()).ComposeAsync("How many?", ThreePassages(), cancellation.Token);
        await _server.WhenRequestCountAsync(1);
        await cancellation.CancelAsync();

        // Assert
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => answering);
        Assert.DoesNotContain(_logs.Lines, l => l.Level == LogLevel.Error);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var container in _containers)
        {
            await container.DisposeAsync();
        }

        await _server.DisposeAsync();
        _metrics.Dispose();
    }

    private ChatOptions Options() => new()
    {
        Provider = ChatProvider.OpenAI,
        Endpoint = new Uri(_server.BaseUrl),
        Model = "fake-model",
        ApiKey = "test-key",
    };

    private ModelAnswerComposer Composer(ChatOptions options) => new(
        Model(options), ChatMocks.ShippedPrompts, Microsoft.Extensions.Options.Options.Create(options), _metrics, _time, new QaBot.Generation.Claims.ClaimChecker(QaBot.Analysis.TextAnalyzer.Default), Moq.Mock.Of<QaBot.Analysis.Translation.ITranslationTableProvider>(), new Logger<ModelAnswerComposer>(_logs));

    private ModelQuestionRewriter Rewriter(ChatOptions options, IChunkIndex index) => new(
        Model(options), ChatMocks.ShippedPrompts, index, Microsoft.Extensions.Options.Options.Create(options), _metrics, _time, new Logger<ModelQuestionRewriter>(_logs));

    /// <summary>The chat model from a container registered as the host does, with the test's clock, logs and metrics.</summary>
    private ChatModel Model(ChatOptions options)
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddSingleton<ILoggerFactory>(_logs)
            .AddSingleton(typeof(ILogger<>), typeof(Logger<>))
            .AddSingleton<TimeProvider>(_time)
            .AddQaBotGeneration()
            .AddSingleton(_metrics);
        services.Configure<ChatOptions>(o => Copy(options, o));
        var container = services.BuildServiceProvider();
        _containers.Add(container);
        return container.GetRequiredService<ChatModel>();
    }

    private static void Copy(ChatOptions from, ChatOptions to)
    {
        foreach (var property in typeof(ChatOptions).GetProperties().Where(p => p.CanWrite))
        {
            property.SetValue(to, property.GetValue(from));
        }
    }

    private MeterListener Listen(List<(string Name, long Value)> measurements)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter == _metrics.Meter)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (measurements)
            {
                measurements.Add((instrument.Name, value));
            }
        });
        listener.Start();
        return listener;
    }
}
