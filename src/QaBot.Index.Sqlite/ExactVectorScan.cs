using System.Numerics.Tensors;
using QaBot.Core;

namespace QaBot.Index.Sqlite;

/// <summary>
/// Exact nearest-neighbour search over vectors held in one contiguous array: a SIMD dot product per vector
/// (<see cref="TensorPrimitives.Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/>) and a bounded min-heap for the
/// top k. At 100k vectors of 384 dimensions that is 150 MB read per query, a few milliseconds on one core;
/// an approximate index is only worth it well beyond that.
/// </summary>
public sealed class ExactVectorScan
{
    private readonly Guid[] _ids;
    private readonly float[] _vectors;

    /// <param name="ids">The chunk of each vector.</param>
    /// <param name="vectors">The vectors, row after row: <c>ids.Length * dimensions</c> floats.</param>
    public ExactVectorScan(Guid[] ids, float[] vectors, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        if ((long)ids.Length * dimensions != vectors.Length)
        {
            throw new ArgumentException($"Expected {ids.Length} x {dimensions} floats, got {vectors.Length}.", nameof(vectors));
        }

        _ids = ids;
        _vectors = vectors;
        Dimensions = dimensions;
    }

    public static ExactVectorScan Empty { get; } = new([], [], 1);

    public int Count => _ids.Length;

    public int Dimensions { get; }

    /// <summary>The <paramref name="limit"/> best vectors by dot product, best first; ties keep insertion order.</summary>
    public IReadOnlyList<VectorHit> Search(ReadOnlySpan<float> query, int limit)
    {
        if (limit <= 0 || _ids.Length == 0)
        {
            return [];
        }

        if (query.Length != Dimensions)
        {
            throw new ArgumentException($"The query has {query.Length} dimensions, the index {Dimensions}.", nameof(query));
        }

        // Min-heap of the best so far: the root is the worst kept hit, replaced when a better one comes.
        var keep = Math.Min(limit, _ids.Length);
        var heap = new PriorityQueue<int, (float Score, int Row)>(keep, WorstFirst.Instance);
        var vectors = _vectors.AsSpan();
        for (var row = 0; row < _ids.Length; row++)
        {
            var score = TensorPrimitives.Dot(vectors.Slice(row * Dimensions, Dimensions), query);
            if (heap.Count < keep)
            {
                heap.Enqueue(row, (score, row));
            }
            else if (heap.TryPeek(out _, out var worst) && WorstFirst.Instance.Compare((score, row), worst) > 0)
            {
                heap.DequeueEnqueue(row, (score, row));
            }
        }

        var hits = new VectorHit[heap.Count];
        for (var i = hits.Length - 1; i >= 0; i--)
        {
            heap.TryDequeue(out var row, out var priority);
            hits[i] = new VectorHit(_ids[row], priority.Score);
        }

        return hits;
    }

    /// <summary>Orders hits worst first: lower score, then later row.</summary>
    private sealed class WorstFirst : IComparer<(float Score, int Row)>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare((float Score, int Row) x, (float Score, int Row) y)
        {
            var byScore = x.Score.CompareTo(y.Score);
            return byScore != 0 ? byScore : y.Row.CompareTo(x.Row);
        }
    }
}
