using System.Runtime.CompilerServices;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using Qdrant.Client;
using Qdrant.Client.Grpc;

namespace QaBot.Index.Qdrant.Transport;

/// <summary>
/// The Qdrant calls QaBot makes, over the official <see cref="QdrantClient"/>: each one with retries
/// (<see cref="QdrantRetry"/>) and errors turned into <see cref="QdrantException"/>s that say what to fix.
/// Writes wait until applied, so a read after a write sees it; upserts are split under
/// <see cref="QdrantOptions.MaxRequestBytes"/>.
/// </summary>
public sealed class QdrantGateway : IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly QdrantClient _client;
    private readonly QdrantOptions _options;
    private readonly QdrantRetry _retry;

    /// <summary>A gateway over a channel it makes from <paramref name="options"/> and disposes with itself.</summary>
    public QdrantGateway(QdrantOptions options, TimeProvider timeProvider, ILogger<QdrantGateway> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _channel = QdrantChannelFactory.CreateChannel(options);
        _client = QdrantChannelFactory.CreateClient(_channel, options);
        _retry = new QdrantRetry(options, timeProvider, logger);
    }

    public void Dispose()
    {
        _client.Dispose();
        _channel.Dispose();
    }

    /// <summary>Waits (with the retries of every call) until the server answers its health check; returns its version.</summary>
    public async Task<string> WaitUntilReadyAsync(CancellationToken cancellationToken) =>
        (await _retry.RunAsync("check readiness", ct => _client.HealthAsync(ct), cancellationToken)).Version;

    public Task<bool> CollectionExistsAsync(string collection, CancellationToken cancellationToken) =>
        _retry.RunAsync("check the collection exists", ct => _client.CollectionExistsAsync(collection, ct), cancellationToken);

    public Task<CollectionInfo> GetCollectionAsync(string collection, CancellationToken cancellationToken) =>
        _retry.RunAsync("read the collection", ct => _client.GetCollectionInfoAsync(collection, ct), cancellationToken);

    /// <summary>Creates the collection; false when it already existed (another machine created it first).</summary>
    public async Task<bool> CreateCollectionAsync(CreateCollection request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            await _retry.RunAsync("create the collection", async ct => { await _client.CreateCollectionAsync(request, ct); return true; }, cancellationToken);
            return true;
        }
        catch (QdrantException exception) when (exception.StatusCode == StatusCode.AlreadyExists
            || (exception.StatusCode == StatusCode.InvalidArgument && exception.Message.Contains("already exists", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }
    }

    public Task DeleteCollectionAsync(string collection, CancellationToken cancellationToken) =>
        _retry.RunAsync("delete the collection", async ct => { await _client.DeleteCollectionAsync(collection, cancellationToken: ct); return true; }, cancellationToken);

    public Task CreatePayloadIndexAsync(string collection, string field, PayloadSchemaType schema, CancellationToken cancellationToken) =>
        _retry.RunAsync("create a payload index", ct => _client.CreatePayloadIndexAsync(collection, field, schema, wait: true, cancellationToken: ct), cancellationToken);

    /// <summary>Upserts points in as many requests as the size and count limits need.</summary>
    public async Task UpsertAsync(string collection, IReadOnlyList<PointStruct> points, CancellationToken cancellationToken)
    {
        foreach (var batch in PointBatcher.Split(points, p => Guid.Parse(p.Id.Uuid), _options.MaxRequestBytes, _options.MaxPointsPerRequest))
        {
            await _retry.RunAsync("upsert points", ct => _client.UpsertAsync(collection, batch, wait: true, cancellationToken: ct), cancellationToken);
        }
    }

    public Task DeleteAsync(string collection, Filter filter, CancellationToken cancellationToken) =>
        _retry.RunAsync("delete points", ct => _client.DeleteAsync(collection, filter, wait: true, cancellationToken: ct), cancellationToken);

    /// <summary>Sets named vectors of existing points, batched like upserts.</summary>
    public async Task UpdateVectorsAsync(string collection, IReadOnlyList<PointVectors> points, CancellationToken cancellationToken)
    {
        foreach (var batch in PointBatcher.Split(points, p => Guid.Parse(p.Id.Uuid), _options.MaxRequestBytes, _options.MaxPointsPerRequest))
        {
            await _retry.RunAsync("update vectors", ct => _client.UpdateVectorsAsync(collection, batch, wait: true, cancellationToken: ct), cancellationToken);
        }
    }

    public Task DeleteVectorsAsync(string collection, Filter filter, IReadOnlyList<string> vectorNames, CancellationToken cancellationToken) =>
        _retry.RunAsync("delete vectors", ct => _client.DeleteVectorsAsync(collection, vectorNames, filter, wait: true, cancellationToken: ct), cancellationToken);

    public Task<ScrollResponse> ScrollAsync(string collection, Filter? filter, uint limit, PointId? offset, WithPayloadSelector payload, CancellationToken cancellationToken) =>
        _retry.RunAsync("scroll points", ct => _client.ScrollAsync(collection, filter, limit, offset, payload, vectorsSelector: false, cancellationToken: ct), cancellationToken);

    /// <summary>Every point matching <paramref name="filter"/>, page by page.</summary>
    public async IAsyncEnumerable<RetrievedPoint> ScrollAllAsync(
        string collection, Filter? filter, WithPayloadSelector payload, uint pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        PointId? offset = null;
        do
        {
            var page = await ScrollAsync(collection, filter, pageSize, offset, payload, cancellationToken);
            foreach (var point in page.Result)
            {
                yield return point;
            }

            offset = page.NextPageOffset;
        }
        while (offset is not null);
    }

    /// <summary>Exact count of the points matching <paramref name="filter"/>.</summary>
    public async Task<long> CountAsync(string collection, Filter? filter, CancellationToken cancellationToken) =>
        (long)await _retry.RunAsync("count points", ct => _client.CountAsync(collection, filter, exact: true, cancellationToken: ct), cancellationToken);

    /// <summary>One Query API call: a query on one named vector, or prefetches fused by the query (RRF).</summary>
    public Task<IReadOnlyList<ScoredPoint>> QueryAsync(
        string collection, Query query, string? usingVector, IReadOnlyList<PrefetchQuery>? prefetch, Filter? filter, ulong limit, CancellationToken cancellationToken) =>
        _retry.RunAsync(
            "query points",
            ct => _client.QueryAsync(collection, query, prefetch, usingVector, filter, limit: limit, payloadSelector: false, vectorsSelector: false, cancellationToken: ct),
            cancellationToken);
}
