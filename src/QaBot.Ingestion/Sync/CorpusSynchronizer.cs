using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using QaBot.Core;
using QaBot.Ingestion.Reading;

namespace QaBot.Ingestion.Sync;

/// <summary>
/// The ingest job: brings the index in line with the corpus folder. Unchanged files (same content hash and
/// pipeline version) are skipped, changed ones replaced, deleted ones removed: only on evidence, a document
/// under a folder that could not be listed stays. A bad file is reported and
/// never stops the run; every document is written in its own transaction, so an interrupted run leaves a
/// consistent index that the next run completes. With an embedding model configured, each changed document's
/// chunks are embedded (before the write lock, so embedding runs in parallel) and stored with the document.
/// </summary>
public sealed partial class CorpusSynchronizer(
    CorpusScanner scanner,
    FileReader reader,
    DocumentPreparer preparer,
    IChunkIndex index,
    IEnumerable<ICollectionRefresher> refreshers,
    TimeProvider timeProvider,
    ILogger<CorpusSynchronizer> logger,
    IEmbeddingGenerator<string, Embedding<float>>? embedder = null,
    IVectorIndex? vectorIndex = null,
    IngestProgressRecorder? progressRecorder = null)
{
    private readonly ChunkEmbeddingStep? _embedding = embedder is not null && vectorIndex is not null ? new ChunkEmbeddingStep(embedder, vectorIndex) : null;

    /// <summary>The version a file's manifest entry must carry to be skipped: the preparer's, plus the embedding model's.</summary>
    /// <summary>Marks the manifest entry of a document whose vectors are not written yet.</summary>
    public const string VectorsPendingSuffix = ";vectors-pending";

    public string PipelineVersion => _embedding?.PipelineVersion(preparer.PipelineVersion) ?? preparer.PipelineVersion;

    public async Task<IngestReport> SynchronizeAsync(string corpusPath, IIngestProgress? progress, CancellationToken cancellationToken)
    {
        using var activity = IngestTelemetry.Source.StartActivity("ingest");
        var stopwatch = Stopwatch.StartNew();
        var scan = scanner.Scan(corpusPath);
        var files = scan.Files;
        foreach (var warning in scan.Warnings)
        {
            LogScanWarning(DisplayText.Escape(warning.RelativePath), warning.Reason);
        }
        var manifest = await index.ReadManifestAsync(cancellationToken);
        var replacedModel = _embedding is null ? null : await _embedding.PrepareIndexAsync(cancellationToken);
        if (replacedModel is not null)
        {
            LogModelChanged(replacedModel.ToString(), _embedding!.Model.ToString());
        }

        var present = files.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
        var deleted = manifest.Keys.Where(path => scan.IsKnownGone(path, present)).Order(StringComparer.Ordinal).ToList();
        progress?.Started(files.Count + deleted.Count);
        // Other processes (status, a bot in another container) follow the run through its record in the index.
        await using var run = progressRecorder is null ? null : await progressRecorder.StartAsync(files.Count + deleted.Count, manifest.Count == 0, cancellationToken);
        try
        {
            var report = await SynchronizeFilesAsync(scan, files, deleted, manifest, replacedModel, progress, run, stopwatch, cancellationToken);
            await (run?.CompleteAsync(IngestRunStatus.Finished) ?? Task.CompletedTask);
            return report;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await (run?.CompleteAsync(IngestRunStatus.Interrupted) ?? Task.CompletedTask);
            throw;
        }
        catch (Exception exception)
        {
            await (run?.CompleteAsync(IngestRunStatus.Failed, exception.Message) ?? Task.CompletedTask);
            throw;
        }
    }

    private async Task<IngestReport> SynchronizeFilesAsync(
        CorpusScan scan,
        IReadOnlyList<CorpusFile> files,
        List<string> deleted,
        IReadOnlyDictionary<string, ManifestEntry> manifest,
        EmbeddingModelInfo? replacedModel,
        IIngestProgress? progress,
        IngestProgressRecorder.IngestProgressRun? run,
        Stopwatch stopwatch,
        CancellationToken cancellationToken)
    {
        var results = new List<FileResult>();
        foreach (var path in deleted)
        {
            await index.RemoveDocumentAsync(path, cancellationToken);
            Record(new FileResult(path, FileOutcome.Removed));
        }

        // Reading, cleaning, chunking and analysis run in parallel; SQLite takes one writer at a time.
        using var writeLock = new SemaphoreSlim(1, 1);
        var parallelism = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(files, parallelism, async (file, token) =>
        {
            var result = await SynchronizeFileAsync(file, manifest.GetValueOrDefault(file.RelativePath), writeLock, token);
            lock (results)
            {
                Record(result);
            }
        });

        var report = new IngestReport(results.OrderBy(r => r.RelativePath, StringComparer.Ordinal).ToList(), stopwatch.Elapsed)
        {
            EmbeddingModel = _embedding?.Model,
            ReplacedEmbeddingModel = replacedModel,
            Warnings = scan.Warnings,
        };
        foreach (var refresher in refreshers)
        {
            await refresher.RefreshAsync(report.ChangedCollection, cancellationToken);
        }

        return report with { Elapsed = stopwatch.Elapsed };

        void Record(FileResult result)
        {
            results.Add(result);
            IngestTelemetry.RecordFile(result);
            // The front end names failed and nothing-to-index files itself; the log keeps them at Information.
            if (result.Outcome is FileOutcome.Failed or FileOutcome.NothingToIndex)
            {
                LogFileSkipped(result.RelativePath, result.Reason ?? "unknown");
            }
            else if (result.Outcome == FileOutcome.Vanished)
            {
                LogScanWarning(DisplayText.Escape(result.RelativePath), result.Reason ?? "vanished");
            }

            run?.FileDone();
            progress?.FileDone(result);
        }
    }

    private async Task<FileResult> SynchronizeFileAsync(CorpusFile file, ManifestEntry? previous, SemaphoreSlim writeLock, CancellationToken cancellationToken)
    {
        using var activity = IngestTelemetry.StartDocument(file.RelativePath);
        var readSpan = IngestTelemetry.StartStep("read");
        var (content, failure, vanished) = await reader.ReadAsync(file, cancellationToken);
        readSpan?.Dispose();
        if (vanished)
        {
            // Gone since the scan: evidence enough to drop its document, and a warning rather than a failure.
            return await FailAsync(failure ?? "vanished", FileOutcome.Vanished);
        }

        if (content is null)
        {
            return await FailAsync(failure ?? "unreadable");
        }

        if (previous is not null && previous.ContentHash == content.ContentHash && previous.PipelineVersion == PipelineVersion)
        {
            return new FileResult(file.RelativePath, FileOutcome.Unchanged, previous.ChunkCount);
        }

        IReadOnlyList<IndexedChunk> chunks;
        var prepareSpan = IngestTelemetry.StartStep("prepare");
        try
        {
            chunks = preparer.Prepare(file.RelativePath, content.Bytes);
        }
        catch (ArticleRejectedException rejected)
        {
            prepareSpan?.Dispose();
            return await FailAsync(rejected.Message, rejected.OnlyNavigation ? FileOutcome.NothingToIndex : FileOutcome.Failed);
        }

        prepareSpan?.SetTag("qabot.chunks", chunks.Count);
        prepareSpan?.Dispose();

        var embedSpan = _embedding is null ? null : IngestTelemetry.StartStep("embed");
        var vectors = _embedding is null ? null : await _embedding.EmbedAsync(chunks, cancellationToken);
        embedSpan?.Dispose();
        using var writeSpan = IngestTelemetry.StartStep("write");
        var entry = new ManifestEntry(file.RelativePath, content.ContentHash, PipelineVersion, chunks.Count, timeProvider.GetUtcNow());
        await WriteAsync(async () =>
        {
            if (vectors is null)
            {
                await index.ReplaceDocumentAsync(entry, chunks, cancellationToken);
                return;
            }

            // The vectors are a second write: until they are stored the manifest says so, and a run stopped
            // in between finds a version it does not know and redoes the file.
            await index.ReplaceDocumentAsync(entry with { PipelineVersion = entry.PipelineVersion + VectorsPendingSuffix }, chunks, cancellationToken);
            await _embedding!.WriteAsync(vectors, cancellationToken);
            await index.UpdateManifestEntryAsync(entry, cancellationToken);
        });
        return new FileResult(file.RelativePath, previous is null ? FileOutcome.Added : FileOutcome.Updated, chunks.Count);

        // A file that was fine before and is bad now (unreadable, too large, not an article) must not keep serving stale chunks.
        async Task<FileResult> FailAsync(string reason, FileOutcome outcome = FileOutcome.Failed)
        {
            if (previous is not null)
            {
                await WriteAsync(() => index.RemoveDocumentAsync(file.RelativePath, cancellationToken));
            }

            return new FileResult(file.RelativePath, outcome, Reason: reason, StaleChunksRemoved: previous is not null);
        }

        async Task WriteAsync(Func<Task> write)
        {
            await writeLock.WaitAsync(cancellationToken);
            try
            {
                await write();
            }
            finally
            {
                writeLock.Release();
            }
        }
    }

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "The index held vectors of {StoredModel}; they were removed and every file is re-embedded with {ConfiguredModel}")]
    private partial void LogModelChanged(string storedModel, string configuredModel);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Skipped {Path}: {Reason}")]
    private partial void LogScanWarning(string path, string reason);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Skipped {Path}: {Reason}")]
    private partial void LogFileSkipped(string path, string reason);
}
