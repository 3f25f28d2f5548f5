namespace QaBot.Qdrant.Rest;

/// <summary>One REST operation of the Qdrant API, named as in its OpenAPI spec (method and path template).</summary>
public sealed record QdrantEndpoint(string Method, string PathTemplate, string Description)
{
    public static readonly QdrantEndpoint Readyz = new("GET", "/readyz", "check readiness");
    public static readonly QdrantEndpoint CollectionExists = new("GET", "/collections/{collection_name}/exists", "check the collection exists");
    public static readonly QdrantEndpoint GetCollection = new("GET", "/collections/{collection_name}", "read the collection");
    public static readonly QdrantEndpoint CreateCollection = new("PUT", "/collections/{collection_name}", "create the collection");
    public static readonly QdrantEndpoint DeleteCollection = new("DELETE", "/collections/{collection_name}", "delete the collection");
    public static readonly QdrantEndpoint CreatePayloadIndex = new("PUT", "/collections/{collection_name}/index", "create a payload index");
    public static readonly QdrantEndpoint UpsertPoints = new("PUT", "/collections/{collection_name}/points", "upsert points");
    public static readonly QdrantEndpoint DeletePoints = new("POST", "/collections/{collection_name}/points/delete", "delete points");
    public static readonly QdrantEndpoint UpdateVectors = new("PUT", "/collections/{collection_name}/points/vectors", "update vectors");
    public static readonly QdrantEndpoint DeleteVectors = new("POST", "/collections/{collection_name}/points/vectors/delete", "delete vectors");
    public static readonly QdrantEndpoint ScrollPoints = new("POST", "/collections/{collection_name}/points/scroll", "scroll points");
    public static readonly QdrantEndpoint CountPoints = new("POST", "/collections/{collection_name}/points/count", "count points");
    public static readonly QdrantEndpoint QueryPoints = new("POST", "/collections/{collection_name}/points/query", "query points");

    /// <summary>Every operation <see cref="QdrantClient"/> calls; the spec-conformance tests check each of them.</summary>
    public static IReadOnlyList<QdrantEndpoint> All { get; } =
    [
        Readyz, CollectionExists, GetCollection, CreateCollection, DeleteCollection, CreatePayloadIndex, UpsertPoints,
        DeletePoints, UpdateVectors, DeleteVectors, ScrollPoints, CountPoints, QueryPoints,
    ];

    /// <summary>The request path with the collection name filled in.</summary>
    public string PathFor(string collection) =>
        PathTemplate.Replace("{collection_name}", Uri.EscapeDataString(collection), StringComparison.Ordinal);

    public override string ToString() => $"{Method} {PathTemplate}";
}
