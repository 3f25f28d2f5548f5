using System.Text.Json;
using System.Text.Json.Serialization;

namespace QaBot.Qdrant.Rest;

// Request and response shapes of the Qdrant REST API, field names as in its OpenAPI spec (snake_case by the
// serializer options in QdrantJson). Only what QaBot uses is modelled; polymorphic spots (conditions, queries,
// vectors) are typed as object so the serializer writes the runtime type.

/// <summary>A sparse vector: unique term indices and their weights, same length.</summary>
public sealed record SparseVector(IReadOnlyList<uint> Indices, IReadOnlyList<float> Values);

/// <summary>Dense vector parameters (<c>VectorParams</c>).</summary>
public sealed record VectorParams(int Size, string Distance);

/// <summary>Sparse vector parameters (<c>SparseVectorParams</c>); modifier <c>idf</c> applies IDF at query time.</summary>
public sealed record SparseVectorParams(string? Modifier = null);

/// <summary>Body of <c>PUT /collections/{name}</c> (<c>CreateCollection</c>).</summary>
public sealed record CreateCollectionRequest(
    IReadOnlyDictionary<string, VectorParams>? Vectors,
    IReadOnlyDictionary<string, SparseVectorParams>? SparseVectors,
    int? ShardNumber = null,
    int? ReplicationFactor = null,
    IReadOnlyDictionary<string, object?>? Metadata = null);

/// <summary>Body of <c>PUT /collections/{name}/index</c> (<c>CreateFieldIndex</c>); schema: keyword, integer, datetime...</summary>
public sealed record CreateFieldIndexRequest(string FieldName, string FieldSchema);

/// <summary>A point to upsert (<c>PointStruct</c>): vectors by name (float[] or <see cref="SparseVector"/>) and a payload.</summary>
public sealed record PointStruct(Guid Id, IReadOnlyDictionary<string, object> Vector, IReadOnlyDictionary<string, object?>? Payload);

/// <summary>New named vectors of an existing point (<c>PointVectors</c>).</summary>
public sealed record PointVectors(Guid Id, IReadOnlyDictionary<string, object> Vector);

/// <summary>Body of <c>PUT /collections/{name}/points/vectors</c>.</summary>
public sealed record UpdateVectorsRequest(IReadOnlyList<PointVectors> Points);

/// <summary>Body of <c>POST /collections/{name}/points/vectors/delete</c>.</summary>
public sealed record DeleteVectorsRequest(Filter Filter, IReadOnlyList<string> Vector);

/// <summary>Body of <c>POST /collections/{name}/points/delete</c> by filter (<c>FilterSelector</c>).</summary>
public sealed record FilterSelector(Filter Filter);

/// <summary>A filter (<c>Filter</c>): every <c>must</c> condition holds and no <c>must_not</c> condition does.</summary>
public sealed record Filter(IReadOnlyList<object>? Must = null, IReadOnlyList<object>? MustNot = null)
{
    public static Filter All(params object[] conditions) => new(Must: conditions);
}

/// <summary>A condition on one payload field (<c>FieldCondition</c>).</summary>
public sealed record FieldCondition(string Key, MatchCondition? Match = null, RangeCondition? Range = null)
{
    public static FieldCondition Equal(string key, string value) => new(key, new MatchCondition(Value: value));

    public static FieldCondition Equal(string key, long value) => new(key, new MatchCondition(Value: value));
}

/// <summary><c>MatchValue</c> (<see cref="Value"/>) or <c>MatchAny</c> (<see cref="Any"/>).</summary>
public sealed record MatchCondition(object? Value = null, IReadOnlyList<string>? Any = null);

/// <summary>A numeric range (<c>Range</c>).</summary>
public sealed record RangeCondition(double? Gt = null, double? Gte = null, double? Lt = null, double? Lte = null);

/// <summary>Points with one of these ids (<c>HasIdCondition</c>).</summary>
public sealed record HasIdCondition(IReadOnlyList<Guid> HasId);

/// <summary>Body of <c>POST /collections/{name}/points/scroll</c>; <see cref="WithPayload"/> is a bool or a list of fields.</summary>
public sealed record ScrollRequest(Filter? Filter, int Limit, Guid? Offset = null, object? WithPayload = null, bool? WithVector = null);

/// <summary>Body of <c>POST /collections/{name}/points/count</c>.</summary>
public sealed record CountRequest(Filter? Filter, bool Exact = true);

/// <summary>One leg of a query, searched before the fusion (<c>Prefetch</c>).</summary>
public sealed record Prefetch(object Query, string Using, int Limit, Filter? Filter = null);

/// <summary><c>{"fusion": "rrf"}</c>: reciprocal rank fusion of the prefetches.</summary>
public sealed record FusionQuery(string Fusion)
{
    public static FusionQuery Rrf { get; } = new("rrf");
}

/// <summary>Body of <c>POST /collections/{name}/points/query</c> (<c>QueryRequest</c>).</summary>
public sealed record QueryRequest(
    object? Query,
    int Limit,
    string? Using = null,
    IReadOnlyList<Prefetch>? Prefetch = null,
    Filter? Filter = null,
    object? WithPayload = null);

/// <summary>A stored point as scroll returns it (<c>Record</c>).</summary>
public sealed record PointRecord(Guid Id, IReadOnlyDictionary<string, JsonElement>? Payload);

/// <summary>A point found by a query (<c>ScoredPoint</c>).</summary>
public sealed record ScoredPoint(Guid Id, double Score, IReadOnlyDictionary<string, JsonElement>? Payload);

/// <summary><c>result</c> of scroll: one page and where the next one starts (null at the end).</summary>
public sealed record ScrollResult(IReadOnlyList<PointRecord> Points, Guid? NextPageOffset);

/// <summary><c>result</c> of the Query API.</summary>
public sealed record QueryResult(IReadOnlyList<ScoredPoint> Points);

/// <summary><c>result</c> of count.</summary>
public sealed record CountResult(long Count);

/// <summary><c>result</c> of exists.</summary>
public sealed record ExistsResult(bool Exists);

/// <summary><c>result</c> of a write (<c>UpdateResult</c>).</summary>
public sealed record UpdateResult(long? OperationId, string Status);

/// <summary><c>result</c> of <c>GET /collections/{name}</c>, the parts QaBot checks.</summary>
public sealed record CollectionInfo(string Status, long? PointsCount, CollectionConfig Config);

public sealed record CollectionConfig(CollectionParams Params);

/// <summary>
/// <c>vectors</c> is either one unnamed <c>VectorParams</c> or a map of named ones; read it with <see cref="NamedVectors"/>.
/// </summary>
public sealed record CollectionParams(
    JsonElement? Vectors,
    IReadOnlyDictionary<string, SparseVectorParams>? SparseVectors,
    int? ShardNumber,
    int? ReplicationFactor)
{
    /// <summary>The named dense vectors; an unnamed vector is listed under the empty name.</summary>
    public IReadOnlyDictionary<string, VectorParams> NamedVectors()
    {
        if (Vectors is not { ValueKind: JsonValueKind.Object } vectors)
        {
            return new Dictionary<string, VectorParams>();
        }

        if (vectors.TryGetProperty("size", out _))
        {
            return new Dictionary<string, VectorParams> { [""] = vectors.Deserialize<VectorParams>(QdrantJson.Options)! };
        }

        return vectors.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Deserialize<VectorParams>(QdrantJson.Options)!, StringComparer.Ordinal);
    }
}

/// <summary>The success envelope: <c>{"result": ..., "status": "ok", "time": ...}</c>.</summary>
internal sealed record QdrantEnvelope<T>(T? Result, JsonElement Status, double? Time);

/// <summary>Serializer settings matching the API: snake_case names, nulls left out.</summary>
public static class QdrantJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.Strict,
    };
}
