using QaBot.Index.Qdrant.Index;
using QaBot.Index.Qdrant.Transport;
using Qdrant.Client.Grpc;

namespace QaBot.Index.Qdrant.Tests.Transport;

public sealed class PointBatcherTests
{
    private static PointStruct Point(int textBytes) => PointMessages.Create(Guid.NewGuid(), new Dictionary<string, object?> { ["text"] = new string('a', textBytes) });

    [Fact]
    public void Split_PointsOverTheByteLimit_EveryRequestFitsAndAllPointsAreKeptInOrder()
    {
        var points = Enumerable.Range(0, 30).Select(_ => Point(10_000)).ToList();

        var batches = PointBatcher.Split(points, p => Guid.Parse(p.Id.Uuid), 64 * 1024, 1000).ToList();

        Assert.All(batches, b => Assert.True(new UpsertPoints { CollectionName = "c", Points = { b } }.CalculateSize() <= 64 * 1024));
        Assert.True(batches.Count >= 5);
        Assert.Equal(points, batches.SelectMany(b => b));
    }

    [Fact]
    public void Split_ManySmallPoints_HonoursTheCountLimit()
    {
        var batches = PointBatcher.Split(Enumerable.Range(0, 10).Select(_ => Point(10)).ToList(), p => Guid.Parse(p.Id.Uuid), 1024 * 1024, 4).ToList();

        Assert.Equal([4, 4, 2], batches.Select(b => b.Count));
    }

    [Fact]
    public void Split_OnePointOverTheLimit_ThrowsNamingTheKey()
    {
        var error = Assert.Throws<QdrantException>(() => PointBatcher.Split([Point(100_000)], p => Guid.Parse(p.Id.Uuid), 64 * 1024, 10).ToList());

        Assert.Contains("Qdrant:MaxRequestBytes", error.Message, StringComparison.Ordinal);
    }
}
