using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace QaBot.Qdrant.Tests.Fakes;

/// <summary>Qdrant's filter semantics for the fake: must (all), should (any), must_not (none); unknown keys are rejected as Qdrant does.</summary>
internal static class FakeFilter
{
    private static readonly HashSet<string> FilterKeys = ["must", "should", "must_not", "min_should"];

    public static bool Matches(FakePoint point, JsonObject filter)
    {
        if (filter.Select(p => p.Key).FirstOrDefault(k => !FilterKeys.Contains(k)) is { } unknown)
        {
            throw new FakeBadRequestException($"Format error in JSON body: unknown field `{unknown}` in Filter");
        }

        return Conditions(filter["must"]).All(c => Condition(point, c))
            && Conditions(filter["must_not"]).All(c => !Condition(point, c))
            && (filter["should"] is null || Conditions(filter["should"]).Any(c => Condition(point, c)));
    }

    private static IEnumerable<JsonObject> Conditions(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => array.Select(c => c!.AsObject()),
        JsonObject single => new[] { single },
        _ => throw new FakeBadRequestException("Format error in JSON body: a condition must be an object or a list"),
    };

    private static bool Condition(FakePoint point, JsonObject condition)
    {
        if (condition["has_id"] is JsonArray ids)
        {
            return ids.Any(i => string.Equals(i!.GetValue<string>(), point.Id, StringComparison.OrdinalIgnoreCase));
        }

        if (condition.ContainsKey("must") || condition.ContainsKey("should") || condition.ContainsKey("must_not"))
        {
            return Matches(point, condition);
        }

        var key = condition["key"]?.GetValue<string>() ?? throw new FakeBadRequestException("Format error in JSON body: condition without key");
        var value = point.Payload[key];
        if (condition["match"] is JsonObject match)
        {
            if (match["value"] is { } expected)
            {
                return value is not null && Values(value).Any(v => JsonNode.DeepEquals(v, expected));
            }

            if (match["any"] is JsonArray any)
            {
                return value is not null && Values(value).Any(v => any.Any(a => JsonNode.DeepEquals(v, a)));
            }

            throw new FakeBadRequestException("This fake matches value and any only.");
        }

        if (condition["range"] is JsonObject range)
        {
            if (value is null || value.GetValueKind() != JsonValueKind.Number)
            {
                return false;
            }

            var number = value.GetValue<double>();
            return Bound(range, "gt", b => number > b) && Bound(range, "gte", b => number >= b)
                && Bound(range, "lt", b => number < b) && Bound(range, "lte", b => number <= b);
        }

        throw new FakeBadRequestException($"This fake does not know the condition {condition.ToJsonString()}");
    }

    private static List<JsonNode?> Values(JsonNode value) => value is JsonArray array ? [.. array] : new List<JsonNode?> { value };

    private static bool Bound(JsonObject range, string name, Func<double, bool> holds) =>
        range[name] is not { } bound || holds(double.Parse(bound.ToJsonString(), CultureInfo.InvariantCulture));
}
