using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using QaBot.Core;
using QaBot.Embeddings;
using QaBot.Ingestion.Sync;

namespace QaBot.Bench;

/// <summary>What the embedding bench measured.</summary>
/// <param name="ModelPassagesPerSecond">Every chunk embedded in one call (the model's own batching), nothing else.</param>
/// <param name="IngestPassagesPerSecond">Chunks per second of a full ingest with embedding (read, clean, chunk, analyze, embed, write).</param>
/// <param name="ModelBusySeconds">Wall-clock seconds of the ingest during which the model was running.</param>
/// <param name="OutsideModelShare">The share of the ingest's wall-clock time when the model was not running.</param>
public sealed record EmbeddingBenchResult(
    string Model,
    int Chunks,
    int BatchSize,
    int Threads,
    double ModelSeconds,
    double ModelPassagesPerSecond,
    double IngestSeconds,
    double IngestPassagesPerSecond,
    double ModelBusySeconds,
    double OutsideModelShare,
    double LexicalIngestSeconds);

/// <summary>
/// Embedding throughput with the configured model (Embeddings:*): the model alone over every chunk of a
/// generated collection, then a full ingest with the model timed from inside, then a lexical-only ingest of
/// the same collection for comparison.
/// </summary>
public sealed class EmbeddingBenchmark(BenchHostFactory hosts, string workRoot, int seed, TextWriter status)
{
    public async Task<EmbeddingBenchResult> RunAsync(int requestedChunks, CancellationToken cancellationToken)
    {
        TimedEmbeddingGenerator? timed = null;
        await using var workspace = await BenchWorkspace.CreateAsync(hosts, Path.Combine(workRoot, "embed"), requestedChunks, seed, services =>
        {
            services.Replace(ServiceDescriptor.Singleton<IEmbeddingGenerator<string, Embedding<float>>>(sp => timed = new TimedEmbeddingGenerator(sp.GetService<ConfiguredEmbeddingGenerator>()
                ?? throw new InvalidOperationException("Embeddings:Provider is none: the embedding bench needs a model, for example --config Embeddings:Provider=onnx --config Embeddings:Path=FOLDER."))));
        }, cancellationToken);
        var services = workspace.Services;
        var embedder = services.GetService<ConfiguredEmbeddingGenerator>()
            ?? throw new InvalidOperationException("Embeddings:Provider is none: the embedding bench needs a model, for example --config Embeddings:Provider=onnx --config Embeddings:Path=FOLDER.");
        var options = services.GetRequiredService<IOptions<EmbeddingOptions>>().Value;

        await status.WriteLineAsync($"[embed] ingesting {workspace.Articles} articles with {embedder.Model}...");
        var (report, ingestSeconds) = await workspace.IngestAsync(cancellationToken);
        var model = timed ?? throw new InvalidOperationException("The ingest did not use the embedding model.");
        var chunks = report.ChunksWritten;

        await status.WriteLineAsync($"[embed] {chunks} chunks in {ingestSeconds:0.0} s; the model alone over the same passages...");
        var passages = await ReadPassagesAsync(services, cancellationToken);
        var stopwatch = Stopwatch.StartNew();
        await embedder.EmbedPassagesAsync(passages, cancellationToken);
        var modelSeconds = stopwatch.Elapsed.TotalSeconds;

        await status.WriteLineAsync("[embed] the same collection lexically only...");
        await using var lexical = await BenchWorkspace.CreateAsync(hosts, Path.Combine(workRoot, "lexical"), requestedChunks, seed, services =>
        {
            services.RemoveAll<IEmbeddingGenerator<string, Embedding<float>>>();
        }, cancellationToken);
        var (_, lexicalSeconds) = await lexical.IngestAsync(cancellationToken);

        var busy = model.BusyTime.TotalSeconds;
        return new EmbeddingBenchResult(
            embedder.Model.ToString(),
            chunks,
            options.BatchSize,
            options.Threads,
            modelSeconds,
            passages.Count / modelSeconds,
            ingestSeconds,
            chunks / ingestSeconds,
            busy,
            Math.Max(0, 1 - (busy / ingestSeconds)),
            lexicalSeconds);
    }

    /// <summary>The texts ingest embedded (title and chunk text), read back from the index.</summary>
    private static async Task<IReadOnlyList<string>> ReadPassagesAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var vectors = services.GetRequiredService<IVectorIndex>();
        var index = services.GetRequiredService<IChunkIndex>();
        var model = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>().Model;
        var probe = new float[model.Dimensions];
        probe[0] = 1;
        var hits = await vectors.SearchAsync(probe, int.MaxValue, cancellationToken);
        var chunks = await index.GetChunksAsync(hits.Select(h => h.ChunkId).ToList(), cancellationToken);
        return chunks.Select(ChunkEmbeddingStep.PassageText).ToList();
    }
}
