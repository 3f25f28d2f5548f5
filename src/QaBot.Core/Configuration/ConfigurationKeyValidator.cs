using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace QaBot.Core.Configuration;

/// <summary>
/// Runs the source-generated data-annotation validator of an options class and reports each failure by its full
/// configuration key ("The field Retrieval:RrfK must be between 1 and 1000."), so the message says exactly what
/// to fix. How to set a key (environment variable, command-line option) is the host's to add: Core only names it.
/// </summary>
public sealed class ConfigurationKeyValidator<TOptions>(string sectionName, IValidateOptions<TOptions> annotations) : IValidateOptions<TOptions>
    where TOptions : class
{
    public string SectionName { get; } = sectionName;

    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // The generated validator names a member "{name}.{Member}" in its messages; the section name makes that "Data.Path".
        var result = annotations.Validate(SectionName, options);
        return result.Failed ? ValidateOptionsResult.Fail(result.Failures.Select(failure => ConfigurationKeyNames.ToKeyForm(SectionName, failure))) : result;
    }
}

/// <summary>Rewrites the generated validator's member names into configuration keys.</summary>
internal static partial class ConfigurationKeyNames
{
    /// <summary>"Path: The Data.Path field is required." → "The Data:Path field is required."; "Provider: Use …" → "Index:Provider: Use …".</summary>
    public static string ToKeyForm(string sectionName, string failure)
    {
        // The generator's shape is "{members}: {message}"; members are property names, never holding ": ".
        var separator = failure.IndexOf(": ", StringComparison.Ordinal);
        var member = separator > 0 ? failure[..separator] : string.Empty;
        var message = separator > 0 ? failure[(separator + 2)..] : failure;
        var named = false;
        message = DottedMember().Replace(message, match =>
        {
            if (!string.Equals(match.Groups["section"].Value, sectionName, StringComparison.Ordinal))
            {
                return match.Value;
            }

            named = true;
            return sectionName + ":" + match.Groups["path"].Value.Replace('.', ':');
        });
        if (named)
        {
            return message;
        }

        var key = member.Length == 0 ? sectionName : $"{sectionName}:{member.Split(", ")[0]}";
        return $"{key}: {message}";
    }

    [GeneratedRegex(@"\b(?<section>[A-Za-z][A-Za-z0-9]*)\.(?<path>[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*)\b")]
    private static partial Regex DottedMember();
}
