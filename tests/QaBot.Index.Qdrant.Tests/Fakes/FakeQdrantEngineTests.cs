#pragma warning disable CA1001 // Disposed in IAsyncLifetime.DisposeAsync, which xunit calls after each test.
using Microsoft.Extensions.Logging.Abstractions;
using QaBot.Index.Qdrant.Index;
using QaBot.Index.Qdrant.Transport;
using Qdrant.Client.Grpc;

namespace QaBot.Index.Qdrant.Tests.Fakes;

/// <summary>The fake scores and filters as Qdrant does, so tests on it mean something: Dot, Cosine, RRF with k, count, ranges.</summary>
public sealed class FakeQdrantEngineTests : IAsyncLifetime
{
    private FakeQdrantServer _server = null!;
    private QdrantGateway _gateway = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeQdrantServer.StartAsync();
        _gateway = new QdrantGateway(new QdrantOptions { Url = _server.Url, MaxAttempts = 1 }, TimeProvider.System, NullLogger<QdrantGateway>.Instance);
    }

    public async Task DisposeAsync()
    {
        _gateway.Dispose();
        await _server.DisposeAsync();
    }

    private async Task CreateAsync(Distance distance, params (float X, float Y, long Rank)[] points)
    {
        var vectors = new VectorParamsMap();
        vectors.Map["v"] = new VectorParams { Size = 2, Distance = distance };
        await _gateway.CreateCollectionAsync(new CreateCollection { CollectionName = "c", VectorsConfig = new VectorsConfig { ParamsMap = vectors } }, CancellationToken.None);
        await _gateway.UpsertAsync(
            "c",
            [.. points.Select(p => PointMessages.Create(Id(p.Rank), new Dictionary<string, object?> { ["rank"] = p.Rank }, new Dictionary<string, Vector> { ["v"] = PointMessages.Dense(new[] { p.X, p.Y }) }))],
            CancellationToken.None);
    }

    private static Guid Id(long n) => new($"00000000-0000-0000-0000-{n:D12}");

    private Task<IReadOnlyList<ScoredPoint>> NearestAsync(float x, float y, Filter? filter = null) =>
        _gateway.QueryAsync("c", new Query { Nearest = PointMessages.DenseQuery(new[] { x, y }) }, "v", null, filter, 10, CancellationToken.None);

    [Fact]
    public async Task Query_DotDistance_ScoresByTheRawProduct()
    {
        await CreateAsync(Distance.Dot, (1, 0, 1), (3, 0, 2));

        var hits = await NearestAsync(1, 0);

        Assert.Equal([(Id(2), 3f), (Id(1), 1f)], hits.Select(h => (PointMessages.Id(h.Id), h.Score)));
    }

    [Fact]
    public async Task Query_CosineDistance_IgnoresTheLength()
    {
        await CreateAsync(Distance.Cosine, (1, 0, 1), (3, 0, 2), (0, 1, 3));

        var hits = await NearestAsync(2, 0);

        Assert.Equal([1f, 1f, 0f], hits.Select(h => h.Score));
    }

    [Fact]
    public async Task Query_RrfWithK_FusesByRankAsQdrant()
    {
        await CreateAsync(Distance.Dot, (1, 0, 1), (0, 1, 2));
        PrefetchQuery Leg(float x, float y) => new() { Query = new Query { Nearest = PointMessages.DenseQuery(new[] { x, y }) }, Using = "v", Limit = 2 };

        var hits = await _gateway.QueryAsync("c", new Query { Rrf = new Rrf { K = 60 } }, null, [Leg(1, 0), Leg(1, 0.5f)], null, 10, CancellationToken.None);

        // Point 1 is first in both legs: 2/(1 + 60 − 1); point 2 second in both: 2/(2 + 60 − 1).
        Assert.Equal([2.0 / 60, 2.0 / 61], hits.Select(h => Math.Round(h.Score, 6)), (a, b) => Math.Abs(a - b) < 1e-6);
    }

    [Fact]
    public async Task Count_RangeAndMustNot_CountsTheMatchingPoints()
    {
        await CreateAsync(Distance.Dot, (1, 0, 1), (1, 0, 2), (1, 0, 3), (1, 0, 4));
        var filter = new Filter { Must = { new Condition { Field = new FieldCondition { Key = "rank", Range = new global::Qdrant.Client.Grpc.Range { Gte = 2 } } } } };
        filter.MustNot.Add(PointMessages.Equal("rank", 4));

        var count = await _gateway.CountAsync("c", filter, CancellationToken.None);
        var hits = await NearestAsync(1, 0, filter);

        Assert.Equal(2, count);
        Assert.Equal([Id(2), Id(3)], hits.Select(h => PointMessages.Id(h.Id)));
    }

    [Fact]
    public async Task Upsert_VectorOfTheWrongSize_IsRejectedAsQdrantWould()
    {
        await CreateAsync(Distance.Dot);

        var error = await Assert.ThrowsAsync<QdrantException>(() => _gateway.UpsertAsync(
            "c", [PointMessages.Create(Id(1), new Dictionary<string, object?>(), new Dictionary<string, Vector> { ["v"] = PointMessages.Dense(new float[] { 1, 2, 3 }) })], CancellationToken.None));

        Assert.Contains("expected dim: 2, got 3", error.Message, StringComparison.Ordinal);
        Assert.Single(_server.Rejections);
    }
}
