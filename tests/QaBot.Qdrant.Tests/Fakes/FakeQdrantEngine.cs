using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace QaBot.Qdrant.Tests.Fakes;

/// <summary>A stored point of the fake: dense and sparse vectors by name, and its payload.</summary>
internal sealed class FakePoint(string id)
{
    public string Id { get; } = id;

    public Dictionary<string, float[]> Dense { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Dictionary<uint, float>> Sparse { get; } = new(StringComparer.Ordinal);

    public JsonObject Payload { get; set; } = [];
}

/// <summary>A collection of the fake: its vector configuration, payload indexes and points (ordered by id, as scroll pages them).</summary>
internal sealed class FakeCollection
{
    public Dictionary<string, int> Dense { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Sparse { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> PayloadIndexes { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, FakePoint> Points { get; } = new(StringComparer.Ordinal);

    public int ShardNumber { get; set; } = 1;

    public int ReplicationFactor { get; set; } = 1;

    public JsonNode? Metadata { get; set; }
}

/// <summary>The fake's request is not what Qdrant accepts; answered with 400 and the error envelope.</summary>
internal sealed class FakeBadRequestException(string message, int status = 400) : Exception(message)
{
    public int Status { get; } = status;
}

/// <summary>
/// The in-memory behaviour of the fake Qdrant, following the fact sheet: named dense vectors (Cosine), sparse
/// vectors with the IDF modifier (idf = ln((N − df + 0.5)/(df + 0.5) + 1)), filters (must, must_not, should;
/// match value/any, range, has_id), scroll paging by id, count, and the Query API with prefetch and RRF (k = 2).
/// </summary>
internal sealed class FakeQdrantEngine
{
    private const int RrfK = 2;
    private readonly Lock _lock = new();
    private long _operationId;

    public Dictionary<string, FakeCollection> Collections { get; } = new(StringComparer.Ordinal);

    public bool Ready { get; set; } = true;

    public static string Error(string message) =>
        new JsonObject { ["status"] = new JsonObject { ["error"] = message }, ["time"] = 0.0 }.ToJsonString();

    public (int Status, string Body) Handle(string method, string template, string collectionName, string body)
    {
        lock (_lock)
        {
            try
            {
                var request = body.Length == 0 ? null : JsonNode.Parse(body)!.AsObject();
                if (template == "/readyz")
                {
                    return Ready ? (200, "all shards are ready") : (503, "some shards are not ready");
                }

                if (template == "/collections/{collection_name}/exists")
                {
                    return Ok(new JsonObject { ["exists"] = Collections.ContainsKey(collectionName) });
                }

                if (template == "/collections/{collection_name}" && method == "PUT")
                {
                    return Create(collectionName, request!);
                }

                if (template == "/collections/{collection_name}" && method == "DELETE")
                {
                    return Ok(Collections.Remove(collectionName));
                }

                if (!Collections.TryGetValue(collectionName, out var collection))
                {
                    return (404, Error($"Not found: Collection `{collectionName}` doesn't exist!"));
                }

                return (method, template) switch
                {
                    ("GET", "/collections/{collection_name}") => Ok(Info(collection)),
                    ("PUT", "/collections/{collection_name}/index") => Update(() => collection.PayloadIndexes[request!["field_name"]!.GetValue<string>()] = request["field_schema"]!.GetValue<string>()),
                    ("PUT", "/collections/{collection_name}/points") => Update(() => Upsert(collection, request!["points"]!.AsArray())),
                    ("POST", "/collections/{collection_name}/points/delete") => Update(() => Delete(collection, request!)),
                    ("PUT", "/collections/{collection_name}/points/vectors") => Update(() => UpdateVectors(collection, request!["points"]!.AsArray())),
                    ("POST", "/collections/{collection_name}/points/vectors/delete") => Update(() => DeleteVectors(collection, request!)),
                    ("POST", "/collections/{collection_name}/points/scroll") => Ok(Scroll(collection, request!)),
                    ("POST", "/collections/{collection_name}/points/count") => Ok(new JsonObject { ["count"] = Matching(collection, request?["filter"]).Count() }),
                    ("POST", "/collections/{collection_name}/points/query") => Ok(new JsonObject { ["points"] = Points(Query(collection, request!), request!) }),
                    _ => (404, Error($"Not found: {method} {template}")),
                };
            }
            catch (FakeBadRequestException exception)
            {
                return (exception.Status, Error(exception.Message));
            }
        }
    }

    private static (int, string) Ok(JsonNode? result) =>
        (200, new JsonObject { ["result"] = result, ["status"] = "ok", ["time"] = 0.0001 }.ToJsonString());

    private (int, string) Update(Action apply)
    {
        apply();
        return Ok(new JsonObject { ["operation_id"] = ++_operationId, ["status"] = "completed" });
    }

    private (int, string) Create(string name, JsonObject request)
    {
        if (Collections.ContainsKey(name))
        {
            return (409, Error($"Wrong input: Collection `{name}` already exists!"));
        }

        var collection = new FakeCollection
        {
            ShardNumber = request["shard_number"]?.GetValue<int>() ?? 1,
            ReplicationFactor = request["replication_factor"]?.GetValue<int>() ?? 1,
            Metadata = request["metadata"]?.DeepClone(),
        };
        if (request["vectors"] is JsonObject vectors)
        {
            if (vectors.ContainsKey("size"))
            {
                throw new FakeBadRequestException("This fake keeps named vectors only.");
            }

            foreach (var (vectorName, parameters) in vectors)
            {
                collection.Dense[vectorName] = parameters!["size"]!.GetValue<int>();
            }
        }

        foreach (var (vectorName, parameters) in request["sparse_vectors"]?.AsObject() ?? [])
        {
            collection.Sparse[vectorName] = parameters?["modifier"]?.GetValue<string>() ?? "none";
        }

        Collections[name] = collection;
        return Ok(true);
    }

    private static JsonObject Info(FakeCollection collection)
    {
        var vectors = new JsonObject();
        foreach (var (name, size) in collection.Dense)
        {
            vectors[name] = new JsonObject { ["size"] = size, ["distance"] = "Cosine" };
        }

        var sparse = new JsonObject();
        foreach (var (name, modifier) in collection.Sparse)
        {
            sparse[name] = new JsonObject { ["modifier"] = modifier };
        }

        var schema = new JsonObject();
        foreach (var (field, type) in collection.PayloadIndexes)
        {
            schema[field] = new JsonObject { ["data_type"] = type, ["points"] = collection.Points.Values.Count(p => p.Payload.ContainsKey(field)) };
        }

        return new JsonObject
        {
            ["status"] = "green",
            ["optimizer_status"] = "ok",
            ["segments_count"] = 1,
            ["points_count"] = collection.Points.Count,
            ["indexed_vectors_count"] = 0,
            ["config"] = new JsonObject
            {
                ["params"] = new JsonObject
                {
                    ["vectors"] = vectors,
                    ["shard_number"] = collection.ShardNumber,
                    ["replication_factor"] = collection.ReplicationFactor,
                    ["sparse_vectors"] = sparse,
                },
                ["hnsw_config"] = new JsonObject { ["m"] = 16, ["ef_construct"] = 100, ["full_scan_threshold"] = 10000 },
                ["optimizer_config"] = new JsonObject { ["default_segment_number"] = 0, ["flush_interval_sec"] = 5 },
                ["metadata"] = collection.Metadata?.DeepClone(),
            },
            ["payload_schema"] = schema,
        };
    }

    private static void Upsert(FakeCollection collection, JsonArray points)
    {
        foreach (var node in points)
        {
            var id = Id(node!["id"]!);
            var point = new FakePoint(id) { Payload = node["payload"]?.DeepClone().AsObject() ?? [] };
            SetVectors(collection, point, node["vector"]!.AsObject());
            collection.Points[id] = point;
        }
    }

    private static void UpdateVectors(FakeCollection collection, JsonArray points)
    {
        foreach (var node in points)
        {
            var id = Id(node!["id"]!);
            if (!collection.Points.TryGetValue(id, out var point))
            {
                throw new FakeBadRequestException($"Not found: No point with id {id} found", 404);
            }

            SetVectors(collection, point, node["vector"]!.AsObject());
        }
    }

    private static void SetVectors(FakeCollection collection, FakePoint point, JsonObject vectors)
    {
        foreach (var (name, value) in vectors)
        {
            if (value is JsonArray dense)
            {
                if (!collection.Dense.TryGetValue(name, out var size))
                {
                    throw new FakeBadRequestException($"Wrong input: Not existing vector name error: {name}");
                }

                if (dense.Count != size)
                {
                    throw new FakeBadRequestException($"Wrong input: Vector dimension error: expected dim: {size}, got {dense.Count}");
                }

                point.Dense[name] = [.. dense.Select(v => v!.GetValue<float>())];
            }
            else if (value is JsonObject sparse)
            {
                if (!collection.Sparse.ContainsKey(name))
                {
                    throw new FakeBadRequestException($"Wrong input: Not existing vector name error: {name}");
                }

                var indices = sparse["indices"]!.AsArray().Select(i => i!.GetValue<uint>()).ToList();
                var values = sparse["values"]!.AsArray().Select(v => v!.GetValue<float>()).ToList();
                if (indices.Count != values.Count || indices.Distinct().Count() != indices.Count)
                {
                    throw new FakeBadRequestException("Validation error in JSON body: sparse vector indices must be unique and match values");
                }

                point.Sparse[name] = indices.Zip(values).ToDictionary(p => p.First, p => p.Second);
            }
        }
    }

    private static void Delete(FakeCollection collection, JsonObject request)
    {
        var doomed = request["points"] is JsonArray ids ? ids.Select(i => Id(i!)).ToList() : [.. Matching(collection, request["filter"]).Select(p => p.Id)];
        foreach (var id in doomed)
        {
            collection.Points.Remove(id);
        }
    }

    private static void DeleteVectors(FakeCollection collection, JsonObject request)
    {
        var names = request["vector"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        foreach (var point in Matching(collection, request["filter"]).ToList())
        {
            foreach (var name in names)
            {
                point.Dense.Remove(name);
                point.Sparse.Remove(name);
            }
        }
    }

    private static JsonObject Scroll(FakeCollection collection, JsonObject request)
    {
        var limit = request["limit"]?.GetValue<int>() ?? 10;
        var offset = request["offset"] is { } o ? Id(o) : null;
        var matching = Matching(collection, request["filter"]).Where(p => offset is null || string.CompareOrdinal(p.Id, offset) >= 0).Take(limit + 1).ToList();
        var page = matching.Take(limit).ToList();
        return new JsonObject
        {
            ["points"] = new JsonArray([.. page.Select(p => Record(p, request["with_payload"], includeScore: null))]),
            ["next_page_offset"] = matching.Count > limit ? matching[limit].Id : null,
        };
    }

    private static IEnumerable<FakePoint> Matching(FakeCollection collection, JsonNode? filter) =>
        collection.Points.Values.Where(p => filter is null || FakeFilter.Matches(p, filter.AsObject()));

    private static List<(FakePoint Point, double Score)> Query(FakeCollection collection, JsonObject request)
    {
        var limit = request["limit"]?.GetValue<int>() ?? 10;
        var candidates = Matching(collection, request["filter"]).ToList();
        if (request["prefetch"] is JsonArray prefetches)
        {
            if (request["query"]?["fusion"]?.GetValue<string>() != "rrf")
            {
                throw new FakeBadRequestException("This fake fuses prefetches with rrf only.");
            }

            var fused = new Dictionary<string, (FakePoint Point, double Score)>(StringComparer.Ordinal);
            foreach (var prefetch in prefetches)
            {
                var leg = Search(collection, prefetch!.AsObject(), Matching(collection, prefetch["filter"]).ToList());
                for (var rank = 1; rank <= leg.Count; rank++)
                {
                    var point = leg[rank - 1].Point;
                    var score = fused.TryGetValue(point.Id, out var existing) ? existing.Score : 0;
                    fused[point.Id] = (point, score + (1.0 / (rank + RrfK - 1)));
                }
            }

            var allowed = candidates.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
            return [.. fused.Values.Where(f => allowed.Contains(f.Point.Id)).OrderByDescending(f => f.Score).ThenBy(f => f.Point.Id, StringComparer.Ordinal).Take(limit)];
        }

        return [.. Search(collection, request, candidates).Take(limit)];
    }

    /// <summary>One leg: the query vector against the named vector in <c>using</c>, best first, limited.</summary>
    private static List<(FakePoint Point, double Score)> Search(FakeCollection collection, JsonObject leg, List<FakePoint> candidates)
    {
        var name = leg["using"]?.GetValue<string>() ?? "";
        var limit = leg["limit"]?.GetValue<int>() ?? 10;
        IEnumerable<(FakePoint Point, double Score)> scored;
        if (leg["query"] is JsonArray dense)
        {
            if (!collection.Dense.TryGetValue(name, out var size) || dense.Count != size)
            {
                throw new FakeBadRequestException($"Wrong input: Not existing vector name or wrong dimension: '{name}'");
            }

            var query = Normalize([.. dense.Select(v => v!.GetValue<float>())]);
            scored = candidates.Where(p => p.Dense.ContainsKey(name)).Select(p => (p, Dot(query, Normalize(p.Dense[name]))));
        }
        else if (leg["query"] is JsonObject sparse && sparse.ContainsKey("indices"))
        {
            if (!collection.Sparse.TryGetValue(name, out var modifier))
            {
                throw new FakeBadRequestException($"Wrong input: Not existing vector name error: '{name}'");
            }

            var withVector = collection.Points.Values.Where(p => p.Sparse.ContainsKey(name)).ToList();
            var indices = sparse["indices"]!.AsArray().Select(i => i!.GetValue<uint>()).ToList();
            var values = sparse["values"]!.AsArray().Select(v => v!.GetValue<float>()).ToList();
            var weights = indices.Zip(values).ToDictionary(
                q => q.First,
                q => modifier == "idf" ? q.Second * Idf(withVector.Count, withVector.Count(p => p.Sparse[name].ContainsKey(q.First))) : q.Second);
            scored = candidates
                .Where(p => p.Sparse.TryGetValue(name, out var v) && weights.Keys.Any(v.ContainsKey))
                .Select(p => (p, weights.Sum(w => w.Value * p.Sparse[name].GetValueOrDefault(w.Key))));
        }
        else
        {
            throw new FakeBadRequestException("This fake answers dense, sparse and rrf-fusion queries only.");
        }

        return [.. scored.OrderByDescending(s => s.Item2).ThenBy(s => s.Item1.Id, StringComparer.Ordinal).Take(limit)];
    }

    private static double Idf(int pointCount, int frequency) => Math.Log(((pointCount - frequency + 0.5) / (frequency + 0.5)) + 1);

    private static float[] Normalize(float[] vector)
    {
        var length = MathF.Sqrt(vector.Sum(v => v * v));
        return length == 0 ? vector : [.. vector.Select(v => v / length)];
    }

    private static double Dot(float[] a, float[] b) => a.Zip(b).Sum(p => (double)p.First * p.Second);

    private static JsonArray Points(List<(FakePoint Point, double Score)> hits, JsonObject request) =>
        new([.. hits.Select(h => Record(h.Point, request["with_payload"] ?? JsonValue.Create(false), h.Score))]);

    private static JsonObject Record(FakePoint point, JsonNode? withPayload, double? includeScore)
    {
        var record = new JsonObject { ["id"] = point.Id };
        if (includeScore is { } score)
        {
            record["version"] = 1;
            record["score"] = score;
        }

        // Scroll returns payloads unless told otherwise; the Query API only when asked.
        var payload = withPayload switch
        {
            null => includeScore is null ? point.Payload : null,
            JsonArray fields => Select(point.Payload, fields),
            JsonValue flag when flag.GetValue<bool>() => point.Payload,
            _ => null,
        };
        if (payload is not null)
        {
            record["payload"] = payload.DeepClone();
        }

        return record;
    }

    private static JsonObject Select(JsonObject payload, JsonArray fields)
    {
        var selected = new JsonObject();
        foreach (var field in fields.Select(f => f!.GetValue<string>()))
        {
            if (payload[field] is { } value)
            {
                selected[field] = value.DeepClone();
            }
        }

        return selected;
    }

    /// <summary>Point ids as Qdrant returns them: UUIDs hyphenated lower case.</summary>
    private static string Id(JsonNode node)
    {
        var text = node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
        return Guid.TryParse(text, CultureInfo.InvariantCulture, out var guid)
            ? guid.ToString("D", CultureInfo.InvariantCulture)
            : throw new FakeBadRequestException($"Format error in JSON body: value {text} is not a valid point ID");
    }
}
