using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using System.Runtime.Serialization;

namespace QaBot.Core.Configuration;

/// <summary>
/// The names configuration uses for an enum's members: the <see cref="EnumMemberAttribute"/> value
/// (<c>azure-openai</c>), else the member's name in lower case (<c>none</c>), read in any case.
/// </summary>
public static class ConfigurationNames
{
    /// <summary>The configuration names, in declaration order: <c>none, openai, azure-openai</c>.</summary>
    public static string Allowed<TEnum>()
        where TEnum : struct, Enum => string.Join(", ", Members<TEnum>.All.Select(member => member.Name));

    /// <summary>The configuration name of <paramref name="value"/> (<c>azure-openai</c>).</summary>
    public static string NameOf<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        foreach (var member in Members<TEnum>.All)
        {
            if (EqualityComparer<TEnum>.Default.Equals(member.Value, value))
            {
                return member.Name;
            }
        }

        return value.ToString();
    }

    /// <summary>
    /// Reads a configuration name (the member's own name is accepted too); a blank value is unset, the enum's zero
    /// (<c>none</c>, <c>embedded</c>); <see langword="false"/> for an unknown one.
    /// </summary>
    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        var trimmed = text?.Trim() ?? string.Empty;
        value = default;
        if (trimmed.Length == 0)
        {
            // An empty environment variable (compose passes unset ones so) means the default, as for any other key.
            return true;
        }

        foreach (var member in Members<TEnum>.All)
        {
            if (string.Equals(member.Name, trimmed, StringComparison.OrdinalIgnoreCase) || string.Equals(member.Value.ToString(), trimmed, StringComparison.OrdinalIgnoreCase))
            {
                value = member.Value;
                return true;
            }
        }

        return false;
    }

    private static class Members<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly (string Name, TEnum Value)[] All = typeof(TEnum)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => (field.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? field.Name.ToLowerInvariant(), (TEnum)field.GetValue(null)!))
            .ToArray();
    }
}

/// <summary>
/// Converts a configuration value to <typeparamref name="TEnum"/> by its <see cref="ConfigurationNames"/> names. An
/// unknown value fails with the allowed values, and the configuration binder adds the key and the value. Put it on
/// an enum with <c>[TypeConverter(typeof(ConfigurationEnumConverter&lt;T&gt;))]</c>.
/// </summary>
public sealed class ConfigurationEnumConverter<TEnum> : EnumConverter
    where TEnum : struct, Enum
{
    public ConfigurationEnumConverter()
        : base(typeof(TEnum))
    {
    }

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value)
    {
        if (value is not string text)
        {
            return base.ConvertFrom(context, culture, value);
        }

        return ConfigurationNames.TryParse<TEnum>(text, out var parsed) ? parsed : throw new FormatException($"'{text}' is not one of {ConfigurationNames.Allowed<TEnum>()}.");
    }

    public override object? ConvertTo(ITypeDescriptorContext? context, CultureInfo? culture, object? value, Type destinationType)
        => destinationType == typeof(string) && value is TEnum member ? ConfigurationNames.NameOf(member) : base.ConvertTo(context, culture, value, destinationType);
}
