using Microsoft.Extensions.Options;

namespace QaBot.DiscordBot;

/// <summary>How the bot front end behaves, bound from the <c>DiscordBot</c> section.</summary>
public sealed class DiscordBotOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "DiscordBot";

    /// <summary>Questions that may wait for a worker before the bot answers "busy" (<c>DiscordBot:QueueCapacity</c>).</summary>
    public int QueueCapacity { get; set; } = 16;

    /// <summary>Questions answered at once (<c>DiscordBot:Workers</c>).</summary>
    public int Workers { get; set; } = 2;

    /// <summary>Questions one user may ask per <see cref="UserRateLimitWindow"/> (<c>DiscordBot:UserRateLimit</c>).</summary>
    public int UserRateLimit { get; set; } = 5;

    /// <summary>The window of the per-user limit (<c>DiscordBot:UserRateLimitWindow</c>).</summary>
    public TimeSpan UserRateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Minutes of inactivity before a conversation thread archives: 60, 1440, 4320 or 10080 (<c>DiscordBot:ThreadAutoArchiveMinutes</c>).</summary>
    public int ThreadAutoArchiveMinutes { get; set; } = 1440;
}

/// <summary>Checks <see cref="DiscordBotOptions"/>; failures name the key.</summary>
public sealed class DiscordBotOptionsValidator : IValidateOptions<DiscordBotOptions>
{
    private static readonly int[] ArchiveDurations = [60, 1440, 4320, 10080];

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, DiscordBotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.QueueCapacity < 1)
        {
            failures.Add($"{DiscordBotOptions.SectionName}:QueueCapacity must be at least 1.");
        }

        if (options.Workers < 1)
        {
            failures.Add($"{DiscordBotOptions.SectionName}:Workers must be at least 1.");
        }

        if (options.UserRateLimit < 1 || options.UserRateLimitWindow <= TimeSpan.Zero)
        {
            failures.Add($"{DiscordBotOptions.SectionName}:UserRateLimit must be at least 1 and UserRateLimitWindow positive.");
        }

        if (!ArchiveDurations.Contains(options.ThreadAutoArchiveMinutes))
        {
            failures.Add($"{DiscordBotOptions.SectionName}:ThreadAutoArchiveMinutes must be 60, 1440, 4320 or 10080.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
