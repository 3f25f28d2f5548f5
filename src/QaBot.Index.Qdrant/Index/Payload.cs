using System.Globalization;
using Qdrant.Client.Grpc;

namespace QaBot.Index.Qdrant.Index;

/// <summary>
/// Payload values in and out of Qdrant's <see cref="Value"/>: typed reads that name the field when it is
/// missing or of the wrong type, and the conversion of the values QaBot writes.
/// </summary>
internal static class Payload
{
    public static string String(IReadOnlyDictionary<string, Value>? payload, string key) =>
        OptionalString(payload, key) ?? throw Missing(key);

    public static string? OptionalString(IReadOnlyDictionary<string, Value>? payload, string key) =>
        payload is not null && payload.TryGetValue(key, out var value) && value.KindCase == Value.KindOneofCase.StringValue ? value.StringValue : null;

    public static int Int(IReadOnlyDictionary<string, Value>? payload, string key) =>
        OptionalInt(payload, key) ?? throw Missing(key);

    public static int? OptionalInt(IReadOnlyDictionary<string, Value>? payload, string key) =>
        payload is not null && payload.TryGetValue(key, out var value) ? AsInt(value) : null;

    /// <summary>The strings of an array field; empty when the field is missing (a point written before it existed).</summary>
    public static IReadOnlyList<string> OptionalStrings(IReadOnlyDictionary<string, Value>? payload, string key) =>
        payload is not null && payload.TryGetValue(key, out var value) && value.KindCase == Value.KindOneofCase.ListValue
            ? value.ListValue.Values.Where(v => v.KindCase == Value.KindOneofCase.StringValue).Select(v => v.StringValue).ToArray()
            : [];

    /// <summary>The integers of an array field, which must be there.</summary>
    public static IReadOnlyList<int> Ints(IReadOnlyDictionary<string, Value>? payload, string key) =>
        payload is not null && payload.TryGetValue(key, out var value) && value.KindCase == Value.KindOneofCase.ListValue
            ? [.. value.ListValue.Values.Select(v => AsInt(v) ?? throw Missing(key))]
            : throw Missing(key);

    /// <summary>The strings of an array field, which must be there.</summary>
    public static IReadOnlyList<string> Strings(IReadOnlyDictionary<string, Value>? payload, string key) =>
        payload is not null && payload.TryGetValue(key, out var value) && value.KindCase == Value.KindOneofCase.ListValue
            ? [.. value.ListValue.Values.Select(v => v.KindCase == Value.KindOneofCase.StringValue ? v.StringValue : throw Missing(key))]
            : throw Missing(key);

    /// <summary>An object field of integers (such as chunks per language), which must be there.</summary>
    public static Dictionary<string, int> IntMap(IReadOnlyDictionary<string, Value>? payload, string key) =>
        payload is not null && payload.TryGetValue(key, out var value) && value.KindCase == Value.KindOneofCase.StructValue
            ? value.StructValue.Fields.ToDictionary(p => p.Key, p => AsInt(p.Value) ?? throw Missing(key), StringComparer.Ordinal)
            : throw Missing(key);

    public static DateTimeOffset? OptionalDate(IReadOnlyDictionary<string, Value>? payload, string key) =>
        OptionalString(payload, key) is { } text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) : null;

    public static string Format(DateTimeOffset date) => date.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>A payload from the values QaBot writes; a null value is left out (a missing field reads as null).</summary>
    public static Dictionary<string, Value> From(IReadOnlyDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var payload = new Dictionary<string, Value>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            if (value is not null)
            {
                payload[key] = ToValue(value);
            }
        }

        return payload;
    }

    private static Value ToValue(object value) => value switch
    {
        string text => new Value { StringValue = text },
        int number => new Value { IntegerValue = number },
        long number => new Value { IntegerValue = number },
        bool flag => new Value { BoolValue = flag },
        double number => new Value { DoubleValue = number },
        IReadOnlyDictionary<string, int> map => Struct(map.Select(p => (p.Key, new Value { IntegerValue = p.Value }))),
        IEnumerable<string> texts => List(texts.Select(t => new Value { StringValue = t })),
        IEnumerable<int> numbers => List(numbers.Select(n => new Value { IntegerValue = n })),
        _ => throw new ArgumentException($"No Qdrant payload type for {value.GetType().Name}.", nameof(value)),
    };

    private static Value List(IEnumerable<Value> values)
    {
        var list = new ListValue();
        list.Values.AddRange(values);
        return new Value { ListValue = list };
    }

    private static Value Struct(IEnumerable<(string Key, Value Value)> fields)
    {
        var content = new Struct();
        foreach (var (key, value) in fields)
        {
            content.Fields[key] = value;
        }

        return new Value { StructValue = content };
    }

    // Qdrant keeps integers as integers, but JSON written by other tools may hold them as doubles.
    private static int? AsInt(Value value) => value.KindCase switch
    {
        Value.KindOneofCase.IntegerValue => checked((int)value.IntegerValue),
        Value.KindOneofCase.DoubleValue when value.DoubleValue == Math.Floor(value.DoubleValue) => checked((int)value.DoubleValue),
        _ => null,
    };

    private static InvalidDataException Missing(string key) =>
        new($"A point in the Qdrant collection lacks the payload field '{key}' or has it with another type; the collection was not written by this QaBot version. Delete it or set Qdrant:Collection to a new name, then run 'qabot ingest'.");
}
