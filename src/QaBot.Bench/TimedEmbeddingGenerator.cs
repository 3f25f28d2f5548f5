using System.Diagnostics;
using Microsoft.Extensions.AI;
using QaBot.Core;

namespace QaBot.Bench;

/// <summary>
/// Wraps the embedding model to measure the wall-clock time during which at least one embedding call runs
/// (ingest embeds documents in parallel, so summing call durations would count overlaps twice).
/// </summary>
public sealed class TimedEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner) : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    private readonly Lock _lock = new();
    private int _active;
    private long _busySince;
    private long _busyTicks;
    private int _passages;

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

    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        Enter();
        GeneratedEmbeddings<Embedding<float>>? embeddings = null;
        try
        {
            embeddings = await base.GenerateAsync(values, options, cancellationToken);
            return embeddings;
        }
        finally
        {
            Exit();
            if (TextEmbeddingExtensions.InputType(options) == TextEmbeddingExtensions.PassageInput)
            {
                Interlocked.Add(ref _passages, embeddings?.Count ?? 0);
            }
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
