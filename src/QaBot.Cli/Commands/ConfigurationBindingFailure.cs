using System.Text.RegularExpressions;
using QaBot.Cli.Hosting;

namespace QaBot.Cli.Commands;

/// <summary>
/// Turns the configuration binder's failure to convert a value into one line that names the key, the value, what
/// is allowed (the converter's message) and how to set the key.
/// </summary>
public static partial class ConfigurationBindingFailure
{
    /// <summary>"Chat:Provider: 'foo' is not one of none, openai, azure-openai. Set it in appsettings.json, as QABOT__Chat__Provider, …"</summary>
    public static string Describe(InvalidOperationException exception, FormatException conversion)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(conversion);
        // The binder's message is "Failed to convert configuration value 'foo' at 'Chat:Provider' to type '…'."
        var match = KeyInBinderMessage().Match(exception.Message);
        if (!match.Success)
        {
            return exception.Message + " " + conversion.Message;
        }

        var key = match.Groups["key"].Value;
        var reason = conversion.Message.Contains($"'{match.Groups["value"].Value}'", StringComparison.Ordinal)
            ? conversion.Message
            : $"'{match.Groups["value"].Value}' is not allowed: {conversion.Message}";
        return $"{key}: {reason} {ConfigurationKeyHint.For(key)}";
    }

    [GeneratedRegex(@"value '(?<value>.*)' at '(?<key>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex KeyInBinderMessage();
}
