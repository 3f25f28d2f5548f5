using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using QaBot.Answering;
using QaBot.Core;
using QaBot.DiscordBot;

namespace QaBot.Bench;

/// <summary>How a load run is shaped.</summary>
/// <param name="Requests">Questions sent in all, spread over the clients.</param>
public sealed record LoadSettings(int Chunks, int Concurrency, int Workers, int QueueCapacity, TimeSpan ModelLatency, int Requests);

/// <summary>
/// Many clients asking at once: each client sends its questions one after another through a
/// <see cref="BoundedDispatcher{T}"/> (the Discord bot's own queue and workers), behind which the answer service runs with a chat model that takes
/// <see cref="LoadSettings.ModelLatency"/> per answer. A rejected question ("busy") is counted, and the
/// client waits a moment before its next one.
/// </summary>
public sealed class LoadBenchmark(BenchHostFactory hosts, string workRoot, int seed, TextWriter status)
{
    private static readonly TimeSpan BusyBackoff = TimeSpan.FromMilliseconds(20);

    public async Task<LoadResult> RunAsync(LoadSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await status.WriteLineAsync($"[load] generating and ingesting about {settings.Chunks} chunks...");
        await using var workspace = await BenchWorkspace.CreateAsync(
            hosts,
            Path.Combine(workRoot, $"load-{settings.Chunks}"),
            settings.Chunks,
            seed,
            services => services.AddSingleton<IAnswerComposer>(sp => new SimulatedChatComposer(
                sp.GetRequiredService<ExtractiveAnswerComposer>(), settings.ModelLatency, TimeProvider.System)),
            cancellationToken);
        var (report, _) = await workspace.IngestAsync(cancellationToken);
        await workspace.BuildTranslationTableAsync(cancellationToken);

        var questions = new SyntheticCorpusGenerator(seed).Questions(256, settings.Chunks);
        var answers = workspace.Services.GetRequiredService<IAnswerService>();
        await answers.AnswerAsync(new Question(questions[0], "load-warm-up"), cancellationToken);

        await status.WriteLineAsync($"[load] {settings.Requests} questions from {settings.Concurrency} clients...");
        var latencies = new ConcurrentBag<double>();
        int submitted = 0, completed = 0, refused = 0, busy = 0, errors = 0;
        var perClient = (settings.Requests + settings.Concurrency - 1) / settings.Concurrency;
        var stopwatch = Stopwatch.StartNew();
        var dispatcher = new BoundedDispatcher<LoadItem>(settings.QueueCapacity);
        var workers = dispatcher.RunAsync(settings.Workers, AnswerAsync, cancellationToken);
        await Task.WhenAll(Enumerable.Range(0, settings.Concurrency).Select(client => ClientAsync(dispatcher, client)));
        dispatcher.Complete();
        await workers;

        var elapsed = stopwatch.Elapsed.TotalSeconds;
        return new LoadResult(
            report.ChunksWritten, settings.Concurrency, settings.Workers, settings.QueueCapacity, settings.ModelLatency.TotalMilliseconds,
            submitted, completed, refused, busy, errors, elapsed, LatencySummary.Of(latencies), BenchWorkspace.PeakRssBytes());

        async Task AnswerAsync(LoadItem item, CancellationToken token)
        {
            try
            {
                item.Answer.TrySetResult(await answers.AnswerAsync(item.Question, token));
            }
            catch (Exception exception)
            {
                // The client awaits this answer and counts the error; the worker keeps serving.
                item.Answer.TrySetException(exception);
            }
        }

        async Task ClientAsync(BoundedDispatcher<LoadItem> dispatcher, int client)
        {
            for (var i = 0; i < perClient; i++)
            {
                var question = new Question(questions[((client * perClient) + i) % questions.Count], $"load-{client}-{i}");
                Interlocked.Increment(ref submitted);
                var start = Stopwatch.GetTimestamp();
                var item = new LoadItem(question, new TaskCompletionSource<Answer>(TaskCreationOptions.RunContinuationsAsynchronously));
                if (!dispatcher.TryEnqueue(item))
                {
                    Interlocked.Increment(ref busy);
                    await Task.Delay(BusyBackoff, cancellationToken);
                    continue;
                }

                try
                {
                    if ((await item.Answer.Task).Refused)
                    {
                        Interlocked.Increment(ref refused);
                    }

                    latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    Interlocked.Increment(ref completed);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    Interlocked.Increment(ref errors);
                    await status.WriteLineAsync($"[load] error: {exception.GetType().Name}: {exception.Message}");
                }
            }
        }
    }
}

/// <summary>One question of the load run and the answer its client awaits.</summary>
internal sealed record LoadItem(Question Question, TaskCompletionSource<Answer> Answer);
