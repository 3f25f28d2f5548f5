using System.Numerics.Tensors;

namespace QaBot.Index.Sqlite.Tests;

public sealed class ExactVectorScanTests
{
    private static float[] UnitVector(Random random, int dimensions)
    {
        var vector = new float[dimensions];
        for (var i = 0; i < dimensions; i++)
        {
            vector[i] = (float)((random.NextDouble() * 2) - 1);
        }

        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
        return vector;
    }

    [Fact]
    public void Search_RandomVectors_ReturnsTrueNearestNeighboursBestFirst()
    {
        const int dimensions = 384;
        const int count = 500;
        var random = new Random(7);
        var ids = Enumerable.Range(0, count).Select(i => new Guid(i, 0, 0, new byte[8])).ToArray();
        var rows = Enumerable.Range(0, count).Select(_ => UnitVector(random, dimensions)).ToArray();
        var scan = new ExactVectorScan(ids, rows.SelectMany(r => r).ToArray(), dimensions);
        var query = UnitVector(random, dimensions);

        var hits = scan.Search(query, 10);

        // Brute force in double precision, without SIMD: the reference the scan must agree with.
        var expected = rows
            .Select((row, i) => (Id: ids[i], Score: row.Select((v, d) => (double)v * query[d]).Sum()))
            .OrderByDescending(p => p.Score)
            .Take(10)
            .ToList();
        Assert.Equal(expected.Select(e => e.Id), hits.Select(h => h.ChunkId));
        Assert.All(hits.Zip(expected), pair => Assert.Equal(pair.Second.Score, pair.First.Score, 4));
    }

    [Fact]
    public void Search_LimitAboveCount_ReturnsEveryVector()
    {
        var scan = new ExactVectorScan([Guid.NewGuid(), Guid.NewGuid()], [1, 0, 0, 1], 2);

        var hits = scan.Search([0.6f, 0.8f], 10);

        Assert.Equal(2, hits.Count);
        Assert.True(hits[0].Score >= hits[1].Score);
        Assert.Equal(0.8f, hits[0].Score, 5);
    }

    [Fact]
    public void Search_EqualScores_KeepsInsertionOrder()
    {
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var third = Guid.NewGuid();
        var scan = new ExactVectorScan([first, second, third], [1, 0, 1, 0, 0, 1], 2);

        var hits = scan.Search([1f, 0f], 2);

        Assert.Equal([first, second], hits.Select(h => h.ChunkId));
    }

    [Fact]
    public void Search_WrongDimensions_Throws()
    {
        var scan = new ExactVectorScan([Guid.NewGuid()], [1, 0, 0], 3);

        Assert.Throws<ArgumentException>(() => scan.Search([1f, 0f], 1));
    }

    [Fact]
    public void Constructor_VectorLengthNotIdsTimesDimensions_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ExactVectorScan([Guid.NewGuid(), Guid.NewGuid()], [1, 0, 0], 2));
    }
}
