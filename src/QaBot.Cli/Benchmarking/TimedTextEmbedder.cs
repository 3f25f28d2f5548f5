using System.Diagnostics;
using QaBot.Core;

namespace QaBot.Cli.Benchmarking;

/// <summary>
/// Wraps the embedding model to measure the wall-clock time during which at least one embedding call runs
/// (ingest embeds documents in parallel, so summing call durations would count overlaps twice).
/// </summary>
public sealed class TimedTextEmbedder(ITextEmbedder inner) : ITextEmbedder
{
    private readonly Lock _lock = new();
    private int _active;
    private long _busySince;
    private long _busyTicks;
    private int _passages;

    public EmbeddingModelInfo Model => inner.Model;

    public TimeSpan BusyTime
    {
        get
        {
            lock (_lock)
            {
                return Stopwatch.GetElapsedTime(0, _busyTicks);
            }
        }
    }

    public int Passages => Volatile.Read(ref _passages);

    public async Task<IReadOnlyList<ReadOnlyMemory<float>>> EmbedPassagesAsync(IReadOnlyList<string> passages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(passages);
        Enter();
        try
        {
            return await inner.EmbedPassagesAsync(passages, cancellationToken);
        }
        finally
        {
            Exit();
            Interlocked.Add(ref _passages, passages.Count);
        }
    }

    public async Task<ReadOnlyMemory<float>> EmbedQueryAsync(string query, CancellationToken cancellationToken)
    {
        Enter();
        try
        {
            return await inner.EmbedQueryAsync(query, cancellationToken);
        }
        finally
        {
            Exit();
        }
    }

    private void Enter()
    {
        lock (_lock)
        {
            if (_active++ == 0)
            {
                _busySince = Stopwatch.GetTimestamp();
            }
        }
    }

    private void Exit()
    {
        lock (_lock)
        {
            if (--_active == 0)
            {
                _busyTicks += Stopwatch.GetTimestamp() - _busySince;
            }
        }
    }
}
