using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace QaBot.Discord.Serialization;

/// <summary>Snowflakes are <see cref="ulong"/> in C# and strings in JSON; numbers are accepted on read too.</summary>
internal sealed class SnowflakeJsonConverter : JsonConverter<ulong>
{
    public override ulong Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.GetUInt64();
        }

        if (reader.TokenType == JsonTokenType.String
            && Utf8Parser.TryParse(reader.ValueSpan, out ulong value, out var consumed)
            && consumed == reader.ValueSpan.Length)
        {
            return value;
        }

        throw new JsonException("A snowflake must be a string of digits.");
    }

    public override void Write(Utf8JsonWriter writer, ulong value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
