using Qdrant.Client.Grpc;

namespace QaBot.Index.Qdrant.Index;

/// <summary>Builds the gRPC messages QaBot's points and filters are made of.</summary>
internal static class PointMessages
{
    public static PointId Id(Guid id) => new() { Uuid = id.ToString("D") };

    public static Guid Id(PointId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return id.PointIdOptionsCase == PointId.PointIdOptionsOneofCase.Uuid && Guid.TryParse(id.Uuid, out var guid)
            ? guid
            : throw new InvalidDataException($"The Qdrant collection holds point {id}, which QaBot did not write (its points have UUIDs). Delete the collection or set Qdrant:Collection to a new name, then run 'qabot ingest'.");
    }

    /// <summary>A point with a payload and, when given, named vectors.</summary>
    public static PointStruct Create(Guid id, IReadOnlyDictionary<string, object?> payload, IReadOnlyDictionary<string, Vector>? vectors = null)
    {
        var named = new NamedVectors();
        foreach (var (name, vector) in vectors ?? new Dictionary<string, Vector>())
        {
            named.Vectors[name] = vector;
        }

        var point = new PointStruct { Id = Id(id), Vectors = new Vectors { Vectors_ = named } };
        point.Payload.Add(Payload.From(payload));
        return point;
    }

    public static Vector Sparse(SparseTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var sparse = new SparseVector();
        sparse.Indices.AddRange(terms.Indices);
        sparse.Values.AddRange(terms.Values);
        return new Vector { Sparse = sparse };
    }

    public static Vector Dense(ReadOnlyMemory<float> values)
    {
        var dense = new DenseVector();
        dense.Data.AddRange(values.ToArray());
        return new Vector { Dense = dense };
    }

    public static VectorInput SparseQuery(SparseTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var sparse = new SparseVector();
        sparse.Indices.AddRange(terms.Indices);
        sparse.Values.AddRange(terms.Values);
        return new VectorInput { Sparse = sparse };
    }

    public static VectorInput DenseQuery(ReadOnlyMemory<float> values)
    {
        var dense = new DenseVector();
        dense.Data.AddRange(values.ToArray());
        return new VectorInput { Dense = dense };
    }

    public static Condition Equal(string key, string value) => new() { Field = new FieldCondition { Key = key, Match = new Match { Keyword = value } } };

    public static Condition Equal(string key, long value) => new() { Field = new FieldCondition { Key = key, Match = new Match { Integer = value } } };

    public static Condition HasId(IEnumerable<Guid> ids)
    {
        var condition = new HasIdCondition();
        condition.HasId.AddRange(ids.Select(Id));
        return new Condition { HasId = condition };
    }

    /// <summary>Every condition holds.</summary>
    public static Filter All(params Condition[] conditions)
    {
        var filter = new Filter();
        filter.Must.AddRange(conditions);
        return filter;
    }

    public static WithPayloadSelector Fields(IEnumerable<string> fields)
    {
        var include = new PayloadIncludeSelector();
        include.Fields.AddRange(fields);
        return new WithPayloadSelector { Include = include };
    }

    public static WithPayloadSelector AllFields { get; } = new() { Enable = true };

    public static WithPayloadSelector NoFields { get; } = new() { Enable = false };
}
