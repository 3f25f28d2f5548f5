using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace QaBot.Qdrant.Rest;

/// <summary>
/// Our typed Qdrant REST client: the collection, payload-index, point and Query API calls QaBot needs
/// (listed in <see cref="QdrantEndpoint.All"/>). Writes wait until applied (<c>wait=true</c>), so a read
/// after a write sees it. Upserts are split into requests under <see cref="QdrantOptions.MaxRequestBytes"/>.
/// </summary>
public sealed class QdrantClient
{
    private const string Wait = "?wait=true";
    private readonly QdrantTransport _transport;
    private readonly QdrantOptions _options;

    public QdrantClient(HttpClient http, QdrantOptions options, TimeProvider timeProvider, ILogger<QdrantClient> logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _transport = new QdrantTransport(http, options, timeProvider, logger);
    }

    /// <summary>Waits (with the retries of every call) until <c>/readyz</c> says all shards are ready.</summary>
    public async Task WaitUntilReadyAsync(CancellationToken cancellationToken) =>
        await _transport.SendAsync(QdrantEndpoint.Readyz, QdrantEndpoint.Readyz.PathTemplate, null, cancellationToken);

    public async Task<bool> CollectionExistsAsync(string collection, CancellationToken cancellationToken) =>
        (await SendAsync<ExistsResult>(QdrantEndpoint.CollectionExists, collection, "", null, cancellationToken)).Exists;

    public Task<CollectionInfo> GetCollectionAsync(string collection, CancellationToken cancellationToken) =>
        SendAsync<CollectionInfo>(QdrantEndpoint.GetCollection, collection, "", null, cancellationToken);

    /// <summary>Creates the collection; false when it already existed (409, e.g. another machine created it first).</summary>
    public async Task<bool> CreateCollectionAsync(string collection, CreateCollectionRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await SendAsync<bool>(QdrantEndpoint.CreateCollection, collection, "", Serialize(request), cancellationToken);
        }
        catch (QdrantException exception) when (exception.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    /// <summary>Deletes the collection; false when it did not exist.</summary>
    public Task<bool> DeleteCollectionAsync(string collection, CancellationToken cancellationToken) =>
        SendAsync<bool>(QdrantEndpoint.DeleteCollection, collection, "", null, cancellationToken);

    public Task CreatePayloadIndexAsync(string collection, string fieldName, string fieldSchema, CancellationToken cancellationToken) =>
        SendAsync<UpdateResult>(QdrantEndpoint.CreatePayloadIndex, collection, Wait, Serialize(new CreateFieldIndexRequest(fieldName, fieldSchema)), cancellationToken);

    /// <summary>Upserts points in as many requests as the size and count limits need.</summary>
    public async Task UpsertPointsAsync(string collection, IReadOnlyList<PointStruct> points, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(points);
        foreach (var body in RequestBatcher.Split("points", points, p => p.Id, _options.MaxRequestBytes, _options.MaxPointsPerRequest))
        {
            await SendAsync<UpdateResult>(QdrantEndpoint.UpsertPoints, collection, Wait, body, cancellationToken);
        }
    }

    public Task DeletePointsAsync(string collection, Filter filter, CancellationToken cancellationToken) =>
        SendAsync<UpdateResult>(QdrantEndpoint.DeletePoints, collection, Wait, Serialize(new FilterSelector(filter)), cancellationToken);

    /// <summary>Sets named vectors of existing points, batched like upserts.</summary>
    public async Task UpdateVectorsAsync(string collection, IReadOnlyList<PointVectors> points, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(points);
        foreach (var body in RequestBatcher.Split("points", points, p => p.Id, _options.MaxRequestBytes, _options.MaxPointsPerRequest))
        {
            await SendAsync<UpdateResult>(QdrantEndpoint.UpdateVectors, collection, Wait, body, cancellationToken);
        }
    }

    public Task DeleteVectorsAsync(string collection, Filter filter, IReadOnlyList<string> vectorNames, CancellationToken cancellationToken) =>
        SendAsync<UpdateResult>(QdrantEndpoint.DeleteVectors, collection, Wait, Serialize(new DeleteVectorsRequest(filter, vectorNames)), cancellationToken);

    public Task<ScrollResult> ScrollAsync(string collection, ScrollRequest request, CancellationToken cancellationToken) =>
        SendAsync<ScrollResult>(QdrantEndpoint.ScrollPoints, collection, "", Serialize(request), cancellationToken);

    /// <summary>Every point matching <paramref name="filter"/>, page by page.</summary>
    public async IAsyncEnumerable<PointRecord> ScrollAllAsync(
        string collection, Filter? filter, object withPayload, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Guid? offset = null;
        do
        {
            var page = await ScrollAsync(collection, new ScrollRequest(filter, pageSize, offset, withPayload, false), cancellationToken);
            foreach (var point in page.Points)
            {
                yield return point;
            }

            offset = page.NextPageOffset;
        }
        while (offset is not null);
    }

    public async Task<long> CountAsync(string collection, Filter? filter, CancellationToken cancellationToken) =>
        (await SendAsync<CountResult>(QdrantEndpoint.CountPoints, collection, "", Serialize(new CountRequest(filter)), cancellationToken)).Count;

    public async Task<IReadOnlyList<ScoredPoint>> QueryAsync(string collection, QueryRequest request, CancellationToken cancellationToken) =>
        (await SendAsync<QueryResult>(QdrantEndpoint.QueryPoints, collection, "", Serialize(request), cancellationToken)).Points;

    private Task<T> SendAsync<T>(QdrantEndpoint endpoint, string collection, string query, byte[]? body, CancellationToken cancellationToken) =>
        _transport.SendJsonAsync<T>(endpoint, endpoint.PathFor(collection) + query, body, cancellationToken);

    private static byte[] Serialize<T>(T body) => JsonSerializer.SerializeToUtf8Bytes(body, QdrantJson.Options);
}
