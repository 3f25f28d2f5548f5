using System.Globalization;

namespace QaBot.Core;

/// <summary>How an ingest run stands, as its record in the index store says.</summary>
public enum IngestRunStatus
{
    /// <summary>Under way; the heartbeat says whether the process is still alive.</summary>
    Running,

    /// <summary>Ended normally (files may have failed; the ingest's own report names them).</summary>
    Finished,

    /// <summary>Ended with an error before the end; <see cref="IngestRun.Failure"/> says why.</summary>
    Failed,

    /// <summary>Stopped before the end (Ctrl+C, SIGTERM); what was committed stays and the next run completes it.</summary>
    Interrupted,
}

/// <summary>
/// The latest ingest run as recorded in the index store, so a process that does not ingest (<c>qabot status</c>, a
/// bot in another container) can tell an ingest in progress from a finished or dead one.
/// </summary>
/// <param name="Owner">Who ingests: host name, process id and a random part (<see cref="IngestOwner"/>).</param>
/// <param name="FromEmpty">The run began on an empty index: until it ends, the index is being built, not updated.</param>
/// <param name="HeartbeatAt">The last time the ingesting process wrote this record; it writes at least every <see cref="HeartbeatInterval"/>.</param>
public sealed record IngestRun(
    string Owner,
    IngestRunStatus Status,
    int FilesDone,
    int FilesTotal,
    bool FromEmpty,
    DateTimeOffset StartedAt,
    DateTimeOffset HeartbeatAt,
    string? Failure = null)
{
    /// <summary>How often a running ingest rewrites its record even when no file finished.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A running record whose heartbeat is older than this belongs to a process that died (three missed heartbeats,
    /// so a busy disk or a slow write is not taken for a crash; clocks of the two machines must agree to within it).
    /// </summary>
    public static readonly TimeSpan StaleAfter = 3 * HeartbeatInterval;

    /// <summary>Running and its process alive at <paramref name="now"/>.</summary>
    public bool IsLive(DateTimeOffset now) => Status == IngestRunStatus.Running && now - HeartbeatAt <= StaleAfter;

    /// <summary>Stopped before the end: said so (<see cref="IngestRunStatus.Interrupted"/>) or its heartbeat went stale.</summary>
    public bool WasInterrupted(DateTimeOffset now) =>
        Status == IngestRunStatus.Interrupted || (Status == IngestRunStatus.Running && !IsLive(now));

    /// <summary>
    /// What the index's state is for a process that does not run this ingest. A live run that builds the index from
    /// empty (or finds it still empty) is <see cref="IndexPhase.Ingesting"/>; a live update of a filled index leaves it
    /// ready. Otherwise the committed documents decide: ready with some, empty (or failed, with the reason) without.
    /// </summary>
    /// <param name="hasDocuments">Whether the index holds committed documents now.</param>
    public IndexState ToIndexState(DateTimeOffset now, bool hasDocuments)
    {
        if (IsLive(now) && (FromEmpty || !hasDocuments))
        {
            return new IndexState(IndexPhase.Ingesting, FilesDone, FilesTotal, Since: StartedAt);
        }

        if (hasDocuments)
        {
            return IndexState.Ready;
        }

        return Status == IngestRunStatus.Failed
            ? new IndexState(IndexPhase.Failed, Failure: Failure, Since: HeartbeatAt)
            : new IndexState(IndexPhase.Empty, Since: HeartbeatAt);
    }

    /// <summary>"120 of 400 files", or "listing files" before the total is known.</summary>
    public string DescribeFiles() => FilesTotal > 0
        ? string.Create(CultureInfo.InvariantCulture, $"{FilesDone} of {FilesTotal} files")
        : "listing files";
}

/// <summary>
/// Where ingest runs leave their record: beside the manifest in the index store itself, so every process that
/// reaches the index (another container, another machine on the same Qdrant) reads it. One record, the latest run's;
/// a new run overwrites it.
/// </summary>
public interface IIngestProgressStore
{
    Task WriteAsync(IngestRun run, CancellationToken cancellationToken);

    /// <summary>The latest run's record; <see langword="null"/> when no run wrote one (an index of an older QaBot, or none yet).</summary>
    Task<IngestRun?> ReadLatestAsync(CancellationToken cancellationToken);
}

/// <summary>
/// The identity this process (strictly: this host) writes into its ingest records, so its own readers can tell its
/// records from another process's.
/// </summary>
public sealed record IngestOwner(string Id)
{
    /// <summary>"host pid 1234 #a1b2c3": the random part tells apart two containers that are both pid 1 on equal host names.</summary>
    public static IngestOwner ForThisProcess() => new(string.Create(
        CultureInfo.InvariantCulture, $"{Environment.MachineName} pid {Environment.ProcessId} #{Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..6]}"));
}
