using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QaBot.Analysis;
using QaBot.Core;
using QaBot.Retrieval;

namespace QaBot.Bench;

/// <summary>
/// Measures one collection size: ingest throughput, the translation table's build and load, retrieval
/// (lexical, dense over random unit vectors, hybrid) and answer latency, index size and peak memory.
/// </summary>
public sealed class ScaleBenchmark(BenchHostFactory hosts, string workRoot, int seed, int queries, TextWriter status)
{
    // Unmeasured questions before each measurement: the first questions after the bulk writes pay for a cold
    // page cache and tier-0 JIT code, which is start-up cost, not the steady state measured here.
    private const int WarmupQueries = 30;
    private const int VectorBatch = 5000;
    private static readonly EmbeddingModelInfo VectorModel = new("bench:random-unit-384", RandomUnitVectors.Dimensions);
    private const int AnswerLimit = 5;

    public async Task<BenchResult> RunAsync(int requestedChunks, CancellationToken cancellationToken)
    {
        await status.WriteLineAsync($"[{requestedChunks}] generating the collection...");
        await using var workspace = await BenchWorkspace.CreateAsync(hosts, Path.Combine(workRoot, $"chunks-{requestedChunks}"), requestedChunks, seed, null, cancellationToken);
        var services = workspace.Services;

        await status.WriteLineAsync($"[{requestedChunks}] ingesting {workspace.Articles} articles...");
        var (report, ingestSeconds) = await workspace.IngestAsync(cancellationToken);
        var chunks = report.ChunksWritten;
        await status.WriteLineAsync($"[{requestedChunks}] {chunks} chunks in {ingestSeconds:0.0} s; building the translation table...");
        var buildMs = await workspace.BuildTranslationTableAsync(cancellationToken);

        await status.WriteLineAsync($"[{requestedChunks}] writing {chunks} vectors...");
        var vectorSeconds = await WriteVectorsAsync(services, cancellationToken);

        var questions = new SyntheticCorpusGenerator(seed).Questions(queries + WarmupQueries, requestedChunks);
        var (loadMs, translation) = await MeasureTranslationAsync(services, questions, cancellationToken);

        var retriever = services.GetRequiredService<IRetriever>();
        var probe = new HybridRetrievalProbe(retriever, services.GetRequiredService<IVectorIndex>(), services.GetRequiredService<IChunkIndex>(), services.GetRequiredService<IOptions<RetrievalOptions>>().Value.RrfK);
        var answers = services.GetRequiredService<IAnswerService>();

        // One unmeasured pass of every question first: each pooled SQLite connection has its own page cache,
        // and without this the first measurement (lexical) paid for warming them and the later ones did not.
        foreach (var question in questions)
        {
            await answers.AnswerAsync(new Question(question, OneOffConversation()), cancellationToken);
        }

        await status.WriteLineAsync($"[{requestedChunks}] {queries} questions per measurement...");
        var stages = new Dictionary<string, double>(StringComparer.Ordinal);
        var lexical = await MeasureAsync(questions, async (q, _) =>
        {
            var result = await retriever.RetrieveAsync(new RetrievalRequest(q, AnswerLimit), cancellationToken);
            foreach (var (stage, ms) in result.TimingsMs)
            {
                stages[stage] = stages.GetValueOrDefault(stage) + ms;
            }
        });
        var dense = await MeasureAsync(questions, (_, i) => probe.DenseAsync(RandomUnitVectors.For(seed + 1, i), AnswerLimit, cancellationToken));
        var hybrid = await MeasureAsync(questions, (q, i) => probe.HybridAsync(q, RandomUnitVectors.For(seed + 1, i), AnswerLimit, cancellationToken));
        var answer = await MeasureAsync(questions, (q, _) => answers.AnswerAsync(new Question(q, OneOffConversation()), cancellationToken));

        var stageMeans = stages.ToDictionary(p => p.Key, p => p.Value / (queries + WarmupQueries), StringComparer.Ordinal);
        return new BenchResult(
            requestedChunks,
            chunks,
            workspace.Articles,
            ingestSeconds,
            chunks / ingestSeconds,
            buildMs,
            chunks / (ingestSeconds + (buildMs / 1000)),
            chunks / vectorSeconds,
            lexical,
            dense,
            hybrid,
            answer,
            loadMs,
            translation,
            stageMeans,
            workspace.IndexBytes(),
            BenchWorkspace.PeakRssBytes());
    }

    private async Task<double> WriteVectorsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var manifest = await services.GetRequiredService<IChunkIndex>().ReadManifestAsync(cancellationToken);
        var vectors = services.GetRequiredService<IVectorIndex>();
        var stopwatch = Stopwatch.StartNew();
        var batch = new List<ChunkVector>(VectorBatch);
        var key = 0;
        foreach (var entry in manifest.Values.OrderBy(e => e.SourcePath, StringComparer.Ordinal))
        {
            for (var i = 0; i < entry.ChunkCount; i++)
            {
                batch.Add(new ChunkVector(ChunkId.For(entry.SourcePath, i), RandomUnitVectors.For(seed, key++)));
                if (batch.Count == VectorBatch)
                {
                    await vectors.UpsertVectorsAsync(VectorModel, batch, cancellationToken);
                    batch.Clear();
                }
            }
        }

        await vectors.UpsertVectorsAsync(VectorModel, batch, cancellationToken);
        return stopwatch.Elapsed.TotalSeconds;
    }

    private static async Task<(double LoadMs, LatencySummary PerQuery)> MeasureTranslationAsync(IServiceProvider services, IReadOnlyList<string> questions, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<TranslationTableStore>();
        store.Invalidate();
        var stopwatch = Stopwatch.StartNew();
        await store.GetAsync(cancellationToken);
        var loadMs = stopwatch.Elapsed.TotalMilliseconds;
        var translator = services.GetRequiredService<IQueryTranslator>();
        var perQuery = await MeasureAsync(questions, (q, _) => translator.TranslateAsync(q, TextAnalyzer.DetectLanguage(q), cancellationToken));
        return (loadMs, perQuery);
    }

    /// <summary>Runs the warm-up questions unmeasured, then times each of the rest.</summary>
    /// <summary>Every measured question on its own, so a chat model never condenses it against the ones before.</summary>
    private static string OneOffConversation() => "bench:" + Guid.NewGuid().ToString("N");

    private static async Task<LatencySummary> MeasureAsync(IReadOnlyList<string> questions, Func<string, int, Task> operation)
    {
        var samples = new List<double>(questions.Count);
        for (var i = 0; i < questions.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await operation(questions[i], i);
            if (i >= WarmupQueries)
            {
                samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        return LatencySummary.Of(samples);
    }
}
