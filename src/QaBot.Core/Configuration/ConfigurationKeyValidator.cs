using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace QaBot.Core.Configuration;

/// <summary>
/// Validates an options class with its data annotations and reports each failure by its full configuration
/// key ("Retrieval:RrfK"), with the ways to set it, so the message says exactly what to fix.
/// </summary>
public sealed class ConfigurationKeyValidator<TOptions>(string sectionName) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            return ValidateOptionsResult.Success;
        }

        return ValidateOptionsResult.Fail(results.SelectMany(r => r.MemberNames.DefaultIfEmpty(string.Empty).Select(member =>
        {
            var key = member.Length == 0 ? sectionName : $"{sectionName}:{member}";
            var environment = "QABOT__" + key.Replace(":", "__", StringComparison.Ordinal);
            return $"{key}: {r.ErrorMessage} Set it in appsettings.json, as {environment}, or with --config {key}=VALUE.";
        })));
    }
}
