using System.Globalization;
using System.Text.Json;

namespace QaBot.Qdrant.Index;

/// <summary>Reads typed values from a point's payload, naming the field when one is missing or of the wrong type.</summary>
internal static class Payload
{
    public static string String(IReadOnlyDictionary<string, JsonElement>? payload, string key) =>
        OptionalString(payload, key) ?? throw Missing(key);

    public static string? OptionalString(IReadOnlyDictionary<string, JsonElement>? payload, string key) =>
        payload is not null && payload.TryGetValue(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static int Int(IReadOnlyDictionary<string, JsonElement>? payload, string key) =>
        OptionalInt(payload, key) ?? throw Missing(key);

    public static int? OptionalInt(IReadOnlyDictionary<string, JsonElement>? payload, string key) =>
        payload is not null && payload.TryGetValue(key, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

    /// <summary>The strings of an array field; empty when the field is missing (a point written before it existed).</summary>
    public static IReadOnlyList<string> OptionalStrings(IReadOnlyDictionary<string, JsonElement>? payload, string key) =>
        payload is not null && payload.TryGetValue(key, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToArray()
            : [];

    public static DateTimeOffset? OptionalDate(IReadOnlyDictionary<string, JsonElement>? payload, string key) =>
        OptionalString(payload, key) is { } text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) : null;

    public static JsonElement Element(IReadOnlyDictionary<string, JsonElement>? payload, string key) =>
        payload is not null && payload.TryGetValue(key, out var value) ? value : throw Missing(key);

    public static string Format(DateTimeOffset date) => date.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static InvalidDataException Missing(string key) =>
        new($"A point in the Qdrant collection lacks the payload field '{key}' or has it with another type; the collection was not written by this QaBot version. Delete it or set Qdrant:Collection to a new name, then run 'qabot ingest'.");
}
