using System.Text.RegularExpressions;

namespace QaBot.Cli.Hosting;

/// <summary>
/// How to set a configuration key with this program: appsettings.json, the <c>QABOT__</c> environment variable,
/// or <c>--config</c>. The libraries only name the key ("Chat:Model: required …"); this host adds the ways to set it.
/// </summary>
public static partial class ConfigurationKeyHint
{
    /// <summary>The prefix of QaBot's environment variables (see <see cref="QaBotHost"/>).</summary>
    public const string EnvironmentPrefix = "QABOT__";

    /// <summary><c>Discord:ModeratorRoleIds:0</c> → <c>QABOT__Discord__ModeratorRoleIds__0</c>.</summary>
    public static string EnvironmentName(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return EnvironmentPrefix + key.Replace(":", "__", StringComparison.Ordinal);
    }

    /// <summary>"Set it in appsettings.json, as QABOT__Chat__Model, or with --config Chat:Model=VALUE."</summary>
    public static string For(string key) => $"Set it in appsettings.json, as {EnvironmentName(key)}, or with --config {key}=VALUE.";

    /// <summary>
    /// The key a failure is about: the first <c>Section:Key</c> it names (every validator in QaBot names its key
    /// first, "Chat:Model: required …", "The field Retrieval:RrfK must …"); <see langword="null"/> when it names none.
    /// </summary>
    public static string? KeyIn(string failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var match = Key().Match(failure);
        return match.Success ? match.Value : null;
    }

    /// <summary>The failure with the ways to set its key added, when it names one.</summary>
    public static string Explain(string failure) => KeyIn(failure) is { } key ? $"{failure.TrimEnd()} {For(key)}" : failure;

    // Section and key names are PascalCase; list entries are numbers (ModeratorRoleIds:0). "http://…" is not a key.
    [GeneratedRegex(@"(?<![\w:])[A-Z][A-Za-z0-9]*(?::(?:[A-Z][A-Za-z0-9]*|[0-9]+))+(?!\w|:[A-Za-z0-9])")]
    private static partial Regex Key();
}
