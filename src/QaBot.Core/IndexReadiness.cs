using System.Globalization;

namespace QaBot.Core;

/// <summary>Where the index stands in its life: whether questions can be answered from it yet.</summary>
public enum IndexPhase
{
    /// <summary>Nothing is indexed and no ingest is running.</summary>
    Empty,

    /// <summary>An ingest is building the index; <see cref="IndexState.FilesDone"/> of <see cref="IndexState.FilesTotal"/> are in.</summary>
    Ingesting,

    /// <summary>The index answers questions.</summary>
    Ready,

    /// <summary>The ingest that should have built the index failed; <see cref="IndexState.Failure"/> says why.</summary>
    Failed,
}

/// <summary>The index's state as this process knows it.</summary>
/// <param name="FilesTotal">Files the running ingest will read; 0 while it is still listing them.</param>
/// <param name="Since">When the phase began (the start of the ingest while <see cref="IndexPhase.Ingesting"/>).</param>
public sealed record IndexState(IndexPhase Phase, int FilesDone = 0, int FilesTotal = 0, string? Failure = null, DateTimeOffset? Since = null)
{
    public static IndexState Ready { get; } = new(IndexPhase.Ready);

    public bool IsReady => Phase == IndexPhase.Ready;

    /// <summary>
    /// How long until the running ingest finishes, from its pace so far; <see langword="null"/> when that cannot be
    /// told yet (no file done, or not ingesting).
    /// </summary>
    public TimeSpan? EstimateRemaining(DateTimeOffset now)
    {
        if (Phase != IndexPhase.Ingesting || Since is not { } since || FilesDone <= 0 || FilesTotal < FilesDone)
        {
            return null;
        }

        var perFile = (now - since) / FilesDone;
        return perFile * (FilesTotal - FilesDone);
    }

    /// <summary>"ready", "ingesting 120 of 400 files", "empty", "failed: reason".</summary>
    public override string ToString() => Phase switch
    {
        IndexPhase.Ingesting when FilesTotal > 0 => string.Create(CultureInfo.InvariantCulture, $"ingesting {FilesDone} of {FilesTotal} files"),
        IndexPhase.Ingesting => "ingesting (listing files)",
        IndexPhase.Ready => "ready",
        IndexPhase.Failed => "failed: " + Failure,
        _ => "empty",
    };
}

/// <summary>The index's readiness, which front ends read before they answer (an empty or half-built index is not "not covered").</summary>
public interface IIndexState
{
    IndexState Current { get; }

    /// <summary>Raised after every change, on the thread that made it; keep handlers short.</summary>
    event EventHandler<IndexState>? Changed;
}

/// <summary>The one writable <see cref="IIndexState"/> of a process: whoever ingests reports here.</summary>
public sealed class IndexStateTracker(IndexState initial) : IIndexState
{
    private IndexState _current = initial ?? throw new ArgumentNullException(nameof(initial));

    public IndexState Current => Volatile.Read(ref _current);

    public event EventHandler<IndexState>? Changed;

    public void Set(IndexState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (Interlocked.Exchange(ref _current, state) != state)
        {
            Changed?.Invoke(this, state);
        }
    }
}
