using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using QaBot.Core;
using QaBot.Evaluation;
using QaBot.Ingestion.Sync;
using QaBot.Retrieval;

namespace QaBot.Bench;

/// <summary>
/// `qabot bench --collection DIR`: measures a real collection on a copy of it: a fresh ingest (source MB/s,
/// the translation-table build included and also shown alone), a re-ingest after one file changed (the median of
/// three changes), the cold load of the translation table, and retrieval and answer latency for questions (from
/// <c>--set</c>, else opening words of the collection's own passages).
/// </summary>
public sealed class CollectionBenchmark(BenchHostFactory hosts, string workRoot, int queries, TextWriter status)
{
    private const int WarmupQueries = 20;
    private const int WordsPerDerivedQuestion = 8;
    private const int ChangesMeasured = 3;

    public async Task<CollectionBenchResult> RunAsync(string collection, string? questionSet, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(collection)));
        await using var workspace = await BenchWorkspace.FromCollectionAsync(hosts, Path.Combine(workRoot, "collection"), collection, cancellationToken);
        var sourceBytes = workspace.CorpusBytes();
        await status.WriteLineAsync($"[{name}] ingesting {workspace.Articles} files ({sourceBytes / 1048576.0:0.00} MB)...");
        var (report, ingestSeconds) = await workspace.IngestAsync(cancellationToken);
        var buildMs = await workspace.BuildTranslationTableAsync(cancellationToken);

        await status.WriteLineAsync($"[{name}] {report.ChunksWritten} chunks; changing one file and ingesting again...");
        var changeSeconds = await ReingestAfterOneChangeAsync(workspace, report, cancellationToken);

        var store = workspace.Services.GetRequiredService<TranslationTableStore>();
        store.Invalidate();
        var load = Stopwatch.StartNew();
        await store.GetAsync(cancellationToken);
        var loadMs = load.Elapsed.TotalMilliseconds;

        var questions = questionSet is not null
            ? EvalSetReader.Read(questionSet).Select(q => q.Question).ToList()
            : await DeriveQuestionsAsync(workspace.Services, queries + WarmupQueries, cancellationToken);
        await status.WriteLineAsync($"[{name}] {questions.Count} questions...");
        var retriever = workspace.Services.GetRequiredService<IRetriever>();
        var answers = workspace.Services.GetRequiredService<IAnswerService>();
        var retrieval = await MeasureAsync(questions, q => retriever.RetrieveAsync(new RetrievalRequest(q), cancellationToken));
        var answer = await MeasureAsync(questions, q => answers.AnswerAsync(new Question(q, "bench:" + Guid.NewGuid().ToString("N")), cancellationToken));

        return new CollectionBenchResult(
            name,
            workspace.Articles,
            report.Count(FileOutcome.Failed),
            sourceBytes,
            report.ChunksWritten,
            ingestSeconds,
            buildMs,
            changeSeconds,
            loadMs,
            retrieval,
            answer,
            workspace.IndexBytes(),
            BenchWorkspace.PeakRssBytes());
    }

    /// <summary>
    /// Appends a sentence to the first ingested file and times the incremental ingest with its table refresh; the
    /// median of <see cref="ChangesMeasured"/> such changes, one time being too noisy on a shared machine.
    /// </summary>
    private static async Task<double> ReingestAfterOneChangeAsync(BenchWorkspace workspace, IngestReport report, CancellationToken cancellationToken)
    {
        var changed = report.Files.Where(f => f.Outcome == FileOutcome.Added).Select(f => f.RelativePath).Order(StringComparer.Ordinal).FirstOrDefault();
        if (changed is null)
        {
            return double.NaN;
        }

        var path = Path.Combine(workspace.CorpusPath, changed);
        var seconds = new List<double>();
        for (var change = 1; change <= ChangesMeasured; change++)
        {
            var text = await File.ReadAllTextAsync(path, cancellationToken);
            // Before the closing tag of an HTML file, at the end of any other: the file stays well formed.
            var end = text.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
            var added = FormattableString.Invariant($"\nBenchmark change {change}: one more sentence.\n");
            await File.WriteAllTextAsync(path, end >= 0 ? text.Insert(end, "<p>" + added + "</p>") : text + added, cancellationToken);
            var stopwatch = Stopwatch.StartNew();
            await workspace.IngestAsync(cancellationToken);
            await workspace.BuildTranslationTableAsync(cancellationToken);
            seconds.Add(stopwatch.Elapsed.TotalSeconds);
        }

        return seconds.Order().ElementAt(seconds.Count / 2);
    }

    /// <summary>Opening words of passages spread evenly over the collection, as stand-in questions.</summary>
    private static async Task<List<string>> DeriveQuestionsAsync(IServiceProvider services, int count, CancellationToken cancellationToken)
    {
        var index = services.GetRequiredService<IChunkIndex>();
        var manifest = await index.ReadManifestAsync(cancellationToken);
        var ids = manifest.Values
            .OrderBy(e => e.SourcePath, StringComparer.Ordinal)
            .SelectMany(e => Enumerable.Range(0, e.ChunkCount).Select(i => ChunkId.For(e.SourcePath, i)))
            .ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var step = Math.Max(1, ids.Count / count);
        var chosen = ids.Where((_, i) => i % step == 0).Take(count).ToList();
        var chunks = await index.GetChunksAsync(chosen, cancellationToken);
        return [.. chunks.Select(c => Opening(c.Text)).Where(q => q.Length > 0)];
    }

    private static string Opening(string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        // Chinese has no spaces: a run of characters stands in for the words.
        return words.Length >= WordsPerDerivedQuestion / 2
            ? string.Join(' ', words.Take(WordsPerDerivedQuestion))
            : new string([.. text.Where(c => !char.IsWhiteSpace(c)).Take(WordsPerDerivedQuestion * 2)]);
    }

    private static async Task<LatencySummary> MeasureAsync(IReadOnlyList<string> questions, Func<string, Task> operation)
    {
        var samples = new List<double>(questions.Count);
        for (var i = 0; i < questions.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await operation(questions[i]);
            if (i >= Math.Min(WarmupQueries, questions.Count / 5))
            {
                samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        return LatencySummary.Of(samples);
    }
}

/// <summary>What `qabot bench --collection` measured on one real collection.</summary>
/// <param name="IngestSeconds">Fresh ingest without the translation-table build.</param>
/// <param name="OneFileChangeSeconds">Re-ingest after one file changed, its table refresh included (median of three changes).</param>
public sealed record CollectionBenchResult(
    string Name,
    int Files,
    int FailedFiles,
    long SourceBytes,
    int Chunks,
    double IngestSeconds,
    double TranslationTableBuildMs,
    double OneFileChangeSeconds,
    double TranslationTableLoadMs,
    LatencySummary Retrieval,
    LatencySummary Answer,
    long IndexBytes,
    long PeakRssBytes)
{
    public double TotalIngestSeconds => IngestSeconds + (TranslationTableBuildMs / 1000);

    /// <summary>Source megabytes per second of the whole fresh ingest, translation table included.</summary>
    public double MegabytesPerSecond => TotalIngestSeconds > 0 ? SourceBytes / 1048576.0 / TotalIngestSeconds : 0;
}
