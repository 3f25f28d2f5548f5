using Grpc.Core;
using Qdrant.Client.Grpc;

namespace QaBot.Index.Qdrant.Tests.Fakes;

/// <summary>
/// Qdrant's filter semantics for the fake: must (all), should (any), must_not (none), min_should; field
/// conditions match keyword/integer/bool/any-of and numeric ranges (an array payload matches when one element
/// does), has_id, nested filters, is_empty and is_null. Anything else is refused, so a test cannot pass on a
/// condition the fake ignores.
/// </summary>
internal static class FakeFilter
{
    public static bool Matches(FakePoint point, Filter? filter)
    {
        if (filter is null)
        {
            return true;
        }

        return filter.Must.All(c => Holds(point, c))
            && !filter.MustNot.Any(c => Holds(point, c))
            && (filter.Should.Count == 0 || filter.Should.Any(c => Holds(point, c)))
            && (filter.MinShould is null || filter.MinShould.Conditions.Count(c => Holds(point, c)) >= (int)filter.MinShould.MinCount);
    }

    private static bool Holds(FakePoint point, Condition condition) => condition.ConditionOneOfCase switch
    {
        Condition.ConditionOneOfOneofCase.HasId => condition.HasId.HasId.Any(id => FakeQdrantEngine.Key(id) == point.Id),
        Condition.ConditionOneOfOneofCase.Filter => Matches(point, condition.Filter),
        Condition.ConditionOneOfOneofCase.Field => Field(point, condition.Field),
        Condition.ConditionOneOfOneofCase.IsEmpty => !point.Payload.TryGetValue(condition.IsEmpty.Key, out var v) || v.KindCase == Value.KindOneofCase.NullValue || (v.KindCase == Value.KindOneofCase.ListValue && v.ListValue.Values.Count == 0),
        Condition.ConditionOneOfOneofCase.IsNull => point.Payload.TryGetValue(condition.IsNull.Key, out var n) && n.KindCase == Value.KindOneofCase.NullValue,
        _ => throw Unsupported($"condition {condition.ConditionOneOfCase}"),
    };

    private static bool Field(FakePoint point, FieldCondition field)
    {
        var values = point.Payload.TryGetValue(field.Key, out var value) ? Elements(value).ToList() : [];
        if (field.Match is { } match)
        {
            return match.MatchValueCase switch
            {
                Match.MatchValueOneofCase.Keyword => values.Any(v => v.KindCase == Value.KindOneofCase.StringValue && v.StringValue == match.Keyword),
                Match.MatchValueOneofCase.Integer => values.Any(v => v.KindCase == Value.KindOneofCase.IntegerValue && v.IntegerValue == match.Integer),
                Match.MatchValueOneofCase.Boolean => values.Any(v => v.KindCase == Value.KindOneofCase.BoolValue && v.BoolValue == match.Boolean),
                Match.MatchValueOneofCase.Keywords => values.Any(v => v.KindCase == Value.KindOneofCase.StringValue && match.Keywords.Strings.Contains(v.StringValue)),
                Match.MatchValueOneofCase.Integers => values.Any(v => v.KindCase == Value.KindOneofCase.IntegerValue && match.Integers.Integers.Contains(v.IntegerValue)),
                _ => throw Unsupported($"match {match.MatchValueCase}"),
            };
        }

        if (field.Range is { } range)
        {
            return values.Any(v => Number(v) is { } x
                && (!range.HasGt || x > range.Gt) && (!range.HasGte || x >= range.Gte)
                && (!range.HasLt || x < range.Lt) && (!range.HasLte || x <= range.Lte));
        }

        throw Unsupported($"field condition on '{field.Key}' without match or range");
    }

    private static IEnumerable<Value> Elements(Value value) => value.KindCase == Value.KindOneofCase.ListValue ? value.ListValue.Values : [value];

    private static double? Number(Value value) => value.KindCase switch
    {
        Value.KindOneofCase.IntegerValue => value.IntegerValue,
        Value.KindOneofCase.DoubleValue => value.DoubleValue,
        _ => null,
    };

    private static RpcException Unsupported(string what) => new(new Status(StatusCode.InvalidArgument, $"The fake Qdrant does not support {what}."));
}
