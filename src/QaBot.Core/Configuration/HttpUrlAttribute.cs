using System.ComponentModel.DataAnnotations;

namespace QaBot.Core.Configuration;

/// <summary>An optional <see cref="Uri"/> that, when set, is an absolute http or https address.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class HttpUrlAttribute : ValidationAttribute
{
    public HttpUrlAttribute()
        : base("{0} must be an absolute http(s) address, such as http://localhost:11434/v1.")
    {
    }

    public override bool IsValid(object? value) => value is null || value is Uri { IsAbsoluteUri: true, Scheme: "http" or "https" };
}
