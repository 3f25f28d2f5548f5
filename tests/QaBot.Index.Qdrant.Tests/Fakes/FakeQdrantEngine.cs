using System.Globalization;
using Grpc.Core;
using Qdrant.Client.Grpc;

namespace QaBot.Index.Qdrant.Tests.Fakes;

/// <summary>A stored point of the fake: dense and sparse vectors by name, and its payload.</summary>
internal sealed class FakePoint(string id)
{
    public string Id { get; } = id;

    public Dictionary<string, float[]> Dense { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Dictionary<uint, float>> Sparse { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Value> Payload { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>A collection of the fake: its vector configuration, payload indexes and points (ordered by id, as scroll pages them).</summary>
internal sealed class FakeCollection
{
    public Dictionary<string, VectorParams> Dense { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Modifier> Sparse { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, FieldType> PayloadIndexes { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, FakePoint> Points { get; } = new(StringComparer.Ordinal);

    public uint ShardNumber { get; set; } = 1;

    public uint ReplicationFactor { get; set; } = 1;

    public Dictionary<string, Value> Metadata { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// The in-memory behaviour of the fake Qdrant over the client's own gRPC messages: named dense vectors
/// (Cosine on normalized vectors, Dot as it is), sparse vectors with the IDF modifier
/// (idf = ln((N − df + 0.5)/(df + 0.5) + 1), N and df over the points having that vector), filters, scroll
/// paging by id, count, and the Query API with prefetch and RRF (score = Σ 1/(rank + k − 1), 1-based rank,
/// k = 2 unless given). What the fake does not model is refused with InvalidArgument, never ignored.
/// </summary>
internal sealed class FakeQdrantEngine
{
    private const int DefaultRrfK = 2;
    private readonly Lock _lock = new();
    private ulong _operationId;

    public Dictionary<string, FakeCollection> Collections { get; } = new(StringComparer.Ordinal);

    /// <summary>Point ids as Qdrant returns them: UUIDs hyphenated in lower case, or the number.</summary>
    public static string Key(PointId id) => id.PointIdOptionsCase switch
    {
        PointId.PointIdOptionsOneofCase.Uuid when Guid.TryParse(id.Uuid, CultureInfo.InvariantCulture, out var guid) => guid.ToString("D", CultureInfo.InvariantCulture),
        PointId.PointIdOptionsOneofCase.Num => id.Num.ToString(CultureInfo.InvariantCulture),
        _ => throw Invalid($"Unable to parse point id {id}"),
    };

    public static HealthCheckReply HealthCheck(HealthCheckRequest request) => new() { Title = "qdrant - vector search engine (fake)", Version = "1.20.0" };

    public CollectionExistsResponse CollectionExists(CollectionExistsRequest request)
    {
        lock (_lock)
        {
            return new CollectionExistsResponse { Result = new CollectionExists { Exists = Collections.ContainsKey(request.CollectionName) } };
        }
    }

    public CollectionOperationResponse Create(CreateCollection request)
    {
        lock (_lock)
        {
            if (Collections.ContainsKey(request.CollectionName))
            {
                throw new RpcException(new Status(StatusCode.AlreadyExists, $"Wrong input: Collection `{request.CollectionName}` already exists!"));
            }

            var collection = new FakeCollection
            {
                ShardNumber = request.HasShardNumber ? request.ShardNumber : 1,
                ReplicationFactor = request.HasReplicationFactor ? request.ReplicationFactor : 1,
            };
            if (request.VectorsConfig is { } vectors)
            {
                if (vectors.ConfigCase != VectorsConfig.ConfigOneofCase.ParamsMap)
                {
                    throw Invalid("This fake keeps named vectors only.");
                }

                foreach (var (name, parameters) in vectors.ParamsMap.Map)
                {
                    if (parameters.Distance is not (Distance.Cosine or Distance.Dot))
                    {
                        throw Invalid($"This fake scores Cosine and Dot only, not {parameters.Distance}.");
                    }

                    collection.Dense[name] = parameters.Clone();
                }
            }

            foreach (var (name, parameters) in request.SparseVectorsConfig?.Map ?? [])
            {
                collection.Sparse[name] = parameters.HasModifier ? parameters.Modifier : Modifier.None;
            }

            foreach (var (key, value) in request.Metadata)
            {
                collection.Metadata[key] = value.Clone();
            }

            Collections[request.CollectionName] = collection;
            return new CollectionOperationResponse { Result = true };
        }
    }

    public CollectionOperationResponse Delete(DeleteCollection request)
    {
        lock (_lock)
        {
            return new CollectionOperationResponse { Result = Collections.Remove(request.CollectionName) };
        }
    }

    public GetCollectionInfoResponse Get(GetCollectionInfoRequest request)
    {
        lock (_lock)
        {
            var collection = Find(request.CollectionName);
            var parameters = new CollectionParams
            {
                ShardNumber = collection.ShardNumber,
                ReplicationFactor = collection.ReplicationFactor,
                SparseVectorsConfig = new SparseVectorConfig(),
            };
            if (collection.Dense.Count > 0)
            {
                var map = new VectorParamsMap();
                foreach (var (name, vector) in collection.Dense)
                {
                    map.Map[name] = vector.Clone();
                }

                parameters.VectorsConfig = new VectorsConfig { ParamsMap = map };
            }

            foreach (var (name, modifier) in collection.Sparse)
            {
                parameters.SparseVectorsConfig.Map[name] = new SparseVectorParams { Modifier = modifier };
            }

            var info = new CollectionInfo
            {
                Status = CollectionStatus.Green,
                OptimizerStatus = new OptimizerStatus { Ok = true },
                SegmentsCount = 1,
                PointsCount = (ulong)collection.Points.Count,
                Config = new CollectionConfig
                {
                    Params = parameters,
                    HnswConfig = new HnswConfigDiff { M = 16, EfConstruct = 100 },
                    OptimizerConfig = new OptimizersConfigDiff(),
                    WalConfig = new WalConfigDiff(),
                },
            };
            foreach (var (key, value) in collection.Metadata)
            {
                info.Config.Metadata[key] = value.Clone();
            }

            foreach (var (field, type) in collection.PayloadIndexes)
            {
                info.PayloadSchema[field] = new PayloadSchemaInfo { DataType = (PayloadSchemaType)(int)type + 1, Points = (ulong)collection.Points.Values.Count(p => p.Payload.ContainsKey(field)) };
            }

            return new GetCollectionInfoResponse { Result = info };
        }
    }

    public PointsOperationResponse CreateFieldIndex(CreateFieldIndexCollection request) =>
        Update(request.CollectionName, c => c.PayloadIndexes[request.FieldName] = request.FieldType);

    public PointsOperationResponse Upsert(UpsertPoints request) => Update(request.CollectionName, collection =>
    {
        // Validate all before storing any: Qdrant applies a request whole or not at all.
        var points = request.Points.Select(p => Point(collection, p.Id, p.Vectors, p.Payload)).ToList();
        foreach (var point in points)
        {
            collection.Points[point.Id] = point;
        }
    });

    public PointsOperationResponse Delete(DeletePoints request) => Update(request.CollectionName, collection =>
    {
        foreach (var id in Selected(collection, request.Points).ToList())
        {
            collection.Points.Remove(id);
        }
    });

    public PointsOperationResponse UpdateVectors(UpdatePointVectors request) => Update(request.CollectionName, collection =>
    {
        foreach (var update in request.Points)
        {
            var id = Key(update.Id);
            if (!collection.Points.TryGetValue(id, out var existing))
            {
                throw new RpcException(new Status(StatusCode.NotFound, $"No point with id {id} found"));
            }

            var vectors = Point(collection, update.Id, update.Vectors, []);
            foreach (var (name, dense) in vectors.Dense)
            {
                existing.Dense[name] = dense;
            }

            foreach (var (name, sparse) in vectors.Sparse)
            {
                existing.Sparse[name] = sparse;
            }
        }
    });

    public PointsOperationResponse DeleteVectors(DeletePointVectors request) => Update(request.CollectionName, collection =>
    {
        foreach (var name in request.Vectors.Names.Where(n => !collection.Dense.ContainsKey(n) && !collection.Sparse.ContainsKey(n)))
        {
            throw Invalid($"Wrong input: Not existing vector name error: {name}");
        }

        foreach (var id in Selected(collection, request.PointsSelector))
        {
            foreach (var name in request.Vectors.Names)
            {
                collection.Points[id].Dense.Remove(name);
                collection.Points[id].Sparse.Remove(name);
            }
        }
    });

    public ScrollResponse Scroll(ScrollPoints request)
    {
        lock (_lock)
        {
            var collection = Find(request.CollectionName);
            var limit = request.HasLimit ? (int)request.Limit : 10;
            var from = request.Offset is { } offset ? Key(offset) : null;
            var matching = collection.Points.Values
                .Where(p => from is null || string.CompareOrdinal(p.Id, from) >= 0)
                .Where(p => FakeFilter.Matches(p, request.Filter))
                .Take(limit + 1)
                .ToList();
            var response = new ScrollResponse();
            response.Result.AddRange(matching.Take(limit).Select(p => Retrieved(p, request.WithPayload, defaultPayload: true)));
            if (matching.Count > limit)
            {
                response.NextPageOffset = Id(matching[limit].Id);
            }

            return response;
        }
    }

    public CountResponse Count(CountPoints request)
    {
        lock (_lock)
        {
            var collection = Find(request.CollectionName);
            return new CountResponse { Result = new CountResult { Count = (ulong)collection.Points.Values.Count(p => FakeFilter.Matches(p, request.Filter)) } };
        }
    }

    public QueryResponse Query(QueryPoints request)
    {
        lock (_lock)
        {
            var collection = Find(request.CollectionName);
            var limit = request.HasLimit ? (int)request.Limit : 10;
            var candidates = collection.Points.Values.Where(p => FakeFilter.Matches(p, request.Filter)).ToList();
            List<(FakePoint Point, double Score)> hits;
            if (request.Prefetch.Count > 0)
            {
                var k = request.Query?.VariantCase switch
                {
                    global::Qdrant.Client.Grpc.Query.VariantOneofCase.Fusion when request.Query.Fusion == Fusion.Rrf => DefaultRrfK,
                    global::Qdrant.Client.Grpc.Query.VariantOneofCase.Rrf when request.Query.Rrf.Weights.Count == 0 => request.Query.Rrf.HasK ? (int)request.Query.Rrf.K : DefaultRrfK,
                    _ => throw Invalid("This fake fuses prefetches with RRF (unweighted) only."),
                };
                var allowed = candidates.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
                var fused = new Dictionary<string, (FakePoint Point, double Score)>(StringComparer.Ordinal);
                foreach (var prefetch in request.Prefetch)
                {
                    if (prefetch.Prefetch.Count > 0)
                    {
                        throw Invalid("This fake does not nest prefetches.");
                    }

                    var leg = Search(collection, prefetch.Query, prefetch.Using, prefetch.HasLimit ? (int)prefetch.Limit : 10, collection.Points.Values.Where(p => FakeFilter.Matches(p, prefetch.Filter)));
                    for (var rank = 1; rank <= leg.Count; rank++)
                    {
                        var point = leg[rank - 1].Point;
                        fused[point.Id] = (point, fused.GetValueOrDefault(point.Id).Score + (1.0 / (rank + k - 1)));
                    }
                }

                hits = [.. fused.Values.Where(f => allowed.Contains(f.Point.Id)).OrderByDescending(f => f.Score).ThenBy(f => f.Point.Id, StringComparer.Ordinal).Take(limit)];
            }
            else
            {
                hits = Search(collection, request.Query, request.HasUsing ? request.Using : "", limit, candidates);
            }

            var response = new QueryResponse();
            response.Result.AddRange(hits.Select(h => Scored(h.Point, h.Score, request.WithPayload)));
            return response;
        }
    }

    /// <summary>One leg: the nearest points to the query on the named vector, best first.</summary>
    private static List<(FakePoint Point, double Score)> Search(FakeCollection collection, Query? query, string name, int limit, IEnumerable<FakePoint> candidates)
    {
        if (query?.VariantCase != global::Qdrant.Client.Grpc.Query.VariantOneofCase.Nearest)
        {
            throw Invalid("This fake answers nearest-vector queries (and RRF over them) only.");
        }

        IEnumerable<(FakePoint, double)> scored;
        var input = query.Nearest;
        if (input.VariantCase == VectorInput.VariantOneofCase.Dense)
        {
            if (!collection.Dense.TryGetValue(name, out var parameters))
            {
                throw Invalid($"Wrong input: Not existing vector name error: {name}");
            }

            var vector = input.Dense.Data.ToArray();
            if ((ulong)vector.Length != parameters.Size)
            {
                throw Invalid($"Wrong input: Vector dimension error: expected dim: {parameters.Size}, got {vector.Length}");
            }

            var cosine = parameters.Distance == Distance.Cosine;
            var q = cosine ? Normalize(vector) : vector;
            scored = candidates.Where(p => p.Dense.ContainsKey(name)).Select(p => (p, Dot(q, cosine ? Normalize(p.Dense[name]) : p.Dense[name])));
        }
        else if (input.VariantCase == VectorInput.VariantOneofCase.Sparse)
        {
            if (!collection.Sparse.TryGetValue(name, out var modifier))
            {
                throw Invalid($"Wrong input: Not existing vector name error: {name}");
            }

            var withVector = collection.Points.Values.Where(p => p.Sparse.ContainsKey(name)).ToList();
            var weights = Sparse(input.Sparse.Indices, input.Sparse.Values).ToDictionary(
                q => q.Key,
                q => modifier == Modifier.Idf ? q.Value * Idf(withVector.Count, withVector.Count(p => p.Sparse[name].ContainsKey(q.Key))) : q.Value);
            scored = candidates
                .Where(p => p.Sparse.TryGetValue(name, out var v) && weights.Keys.Any(v.ContainsKey))
                .Select(p => (p, weights.Sum(w => w.Value * p.Sparse[name].GetValueOrDefault(w.Key))));
        }
        else
        {
            throw Invalid($"This fake answers dense and sparse queries only, not {input.VariantCase}.");
        }

        return [.. scored.OrderByDescending(s => s.Item2).ThenBy(s => s.Item1.Id, StringComparer.Ordinal).Take(limit)];
    }

    private FakeCollection Find(string name) =>
        Collections.TryGetValue(name, out var collection) ? collection : throw new RpcException(new Status(StatusCode.NotFound, $"Not found: Collection `{name}` doesn't exist!"));

    private PointsOperationResponse Update(string collectionName, Action<FakeCollection> apply)
    {
        lock (_lock)
        {
            apply(Find(collectionName));
            return new PointsOperationResponse { Result = new UpdateResult { OperationId = ++_operationId, Status = UpdateStatus.Completed } };
        }
    }

    private static IEnumerable<string> Selected(FakeCollection collection, PointsSelector selector) => selector.PointsSelectorOneOfCase switch
    {
        PointsSelector.PointsSelectorOneOfOneofCase.Points => selector.Points.Ids.Select(Key).Where(collection.Points.ContainsKey),
        PointsSelector.PointsSelectorOneOfOneofCase.Filter => collection.Points.Values.Where(p => FakeFilter.Matches(p, selector.Filter)).Select(p => p.Id),
        _ => throw Invalid("Points selector is empty"),
    };

    /// <summary>A point as it would be stored, its vectors checked against the collection like Qdrant does.</summary>
    private static FakePoint Point(FakeCollection collection, PointId id, Vectors? vectors, IEnumerable<KeyValuePair<string, Value>> payload)
    {
        var point = new FakePoint(Key(id)) { Payload = payload.ToDictionary(p => p.Key, p => p.Value.Clone(), StringComparer.Ordinal) };
        if (vectors is null)
        {
            return point;
        }

        if (vectors.VectorsOptionsCase != Vectors.VectorsOptionsOneofCase.Vectors_)
        {
            throw Invalid("Wrong input: this collection has named vectors only; an unnamed vector was sent.");
        }

        foreach (var (name, vector) in vectors.Vectors_.Vectors)
        {
#pragma warning disable CS0612 // Clients before 1.14 send vectors in the deprecated data/indices fields; the server still takes them.
            if (vector.VectorCase == Vector.VectorOneofCase.Sparse || (vector.VectorCase == Vector.VectorOneofCase.None && vector.Indices is not null))
            {
                if (!collection.Sparse.ContainsKey(name))
                {
                    throw Invalid($"Wrong input: Not existing vector name error: {name}");
                }

                point.Sparse[name] = vector.VectorCase == Vector.VectorOneofCase.Sparse
                    ? Sparse(vector.Sparse.Indices, vector.Sparse.Values)
                    : Sparse(vector.Indices.Data, vector.Data);
            }
            else
            {
                if (!collection.Dense.TryGetValue(name, out var parameters))
                {
                    throw Invalid($"Wrong input: Not existing vector name error: {name}");
                }

                var data = vector.VectorCase == Vector.VectorOneofCase.Dense ? vector.Dense.Data.ToArray() : vector.Data.ToArray();
                if ((ulong)data.Length != parameters.Size)
                {
                    throw Invalid($"Wrong input: Vector dimension error: expected dim: {parameters.Size}, got {data.Length}");
                }

                point.Dense[name] = data;
            }
#pragma warning restore CS0612
        }

        return point;
    }

    private static Dictionary<uint, float> Sparse(IReadOnlyCollection<uint> indices, IReadOnlyCollection<float> values)
    {
        if (indices.Count != values.Count || indices.Distinct().Count() != indices.Count)
        {
            throw Invalid("Validation error: sparse vector indices must be unique and as many as the values");
        }

        return indices.Zip(values).ToDictionary(p => p.First, p => p.Second);
    }

    private static RetrievedPoint Retrieved(FakePoint point, WithPayloadSelector? selector, bool defaultPayload)
    {
        var retrieved = new RetrievedPoint { Id = Id(point.Id) };
        foreach (var (key, value) in SelectPayload(point, selector, defaultPayload))
        {
            retrieved.Payload[key] = value.Clone();
        }

        return retrieved;
    }

    private static ScoredPoint Scored(FakePoint point, double score, WithPayloadSelector? selector)
    {
        var scored = new ScoredPoint { Id = Id(point.Id), Score = (float)score, Version = 1 };
        foreach (var (key, value) in SelectPayload(point, selector, defaultPayload: false))
        {
            scored.Payload[key] = value.Clone();
        }

        return scored;
    }

    private static IEnumerable<KeyValuePair<string, Value>> SelectPayload(FakePoint point, WithPayloadSelector? selector, bool defaultPayload) => selector?.SelectorOptionsCase switch
    {
        WithPayloadSelector.SelectorOptionsOneofCase.Enable => selector.Enable ? point.Payload : [],
        WithPayloadSelector.SelectorOptionsOneofCase.Include => point.Payload.Where(p => selector.Include.Fields.Contains(p.Key)),
        WithPayloadSelector.SelectorOptionsOneofCase.Exclude => point.Payload.Where(p => !selector.Exclude.Fields.Contains(p.Key)),
        _ => defaultPayload ? point.Payload : [],
    };

    private static PointId Id(string key) => Guid.TryParse(key, CultureInfo.InvariantCulture, out _) ? new PointId { Uuid = key } : new PointId { Num = ulong.Parse(key, CultureInfo.InvariantCulture) };

    private static double Idf(int pointCount, int frequency) => Math.Log(((pointCount - frequency + 0.5) / (frequency + 0.5)) + 1);

    private static float[] Normalize(float[] vector)
    {
        var length = MathF.Sqrt(vector.Sum(v => v * v));
        return length == 0 ? vector : [.. vector.Select(v => v / length)];
    }

    private static double Dot(float[] a, float[] b) => a.Zip(b).Sum(p => (double)p.First * p.Second);

    private static RpcException Invalid(string message) => new(new Status(StatusCode.InvalidArgument, message));
}
