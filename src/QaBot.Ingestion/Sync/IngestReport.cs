using QaBot.Core;

namespace QaBot.Ingestion.Sync;

/// <summary>What happened to one file.</summary>
public enum FileOutcome
{
    Added,
    Updated,
    Unchanged,
    Removed,
    Failed,

    /// <summary>Listed by the scan, gone when it was read (deleted meanwhile): a warning, not a failure.</summary>
    Vanished,

    /// <summary>Read, but all its text was navigation (a chapter page that only lists its sections): a warning, not a failure.</summary>
    NothingToIndex,
}

/// <summary>Something an ingest skipped without failing (a symbolic link it does not follow, a special file, a folder it cannot list), and why.</summary>
public sealed record IngestWarning(string RelativePath, string Reason);

/// <summary>One file's result; <paramref name="Reason"/> says why a file failed.</summary>
/// <param name="StaleChunksRemoved">A failed file that was indexed before: its old chunks were removed from the index.</param>
public sealed record FileResult(string RelativePath, FileOutcome Outcome, int ChunkCount = 0, string? Reason = null, bool StaleChunksRemoved = false);

/// <summary>Told about each file as the ingest goes, so a front end can show progress.</summary>
public interface IIngestProgress
{
    void Started(int fileCount);

    void FileDone(FileResult result);
}

/// <summary>The summary of an ingest run.</summary>
public sealed record IngestReport(IReadOnlyList<FileResult> Files, TimeSpan Elapsed)
{
    /// <summary>The model whose vectors were stored with the chunks, or null when embeddings are off.</summary>
    public EmbeddingModelInfo? EmbeddingModel { get; init; }

    /// <summary>The model whose vectors this run removed because another is configured (every file was re-embedded).</summary>
    public EmbeddingModelInfo? ReplacedEmbeddingModel { get; init; }

    /// <summary>What the scan skipped, by name; a vanished file is a <see cref="FileOutcome.Vanished"/> result instead.</summary>
    public IReadOnlyList<IngestWarning> Warnings { get; init; } = [];

    public bool HasWarnings => Warnings.Count > 0 || Files.Any(f => IsWarning(f.Outcome));

    /// <summary>The files whose result is a warning (vanished, nothing to index), with their reasons, by name.</summary>
    public IEnumerable<IngestWarning> FileWarnings =>
        Files.Where(f => IsWarning(f.Outcome)).Select(f => new IngestWarning(f.RelativePath, f.Reason ?? f.Outcome.ToString()));

    /// <summary>Whether a file's outcome is a warning rather than a failure or success.</summary>
    public static bool IsWarning(FileOutcome outcome) => outcome is FileOutcome.Vanished or FileOutcome.NothingToIndex;

    public int Count(FileOutcome outcome) => Files.Count(f => f.Outcome == outcome);

    public int ChunksWritten => Files.Where(f => f.Outcome is FileOutcome.Added or FileOutcome.Updated).Sum(f => f.ChunkCount);

    public bool HasFailures => Files.Any(f => f.Outcome == FileOutcome.Failed);

    public bool ChangedCollection => Files.Any(f => f.Outcome is FileOutcome.Added or FileOutcome.Updated or FileOutcome.Removed || f.StaleChunksRemoved);
}
