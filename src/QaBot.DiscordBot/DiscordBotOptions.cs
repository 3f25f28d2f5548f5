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

    /// <summary>Questions one channel may receive per <see cref="ChannelRateLimitWindow"/>, all users together (<c>DiscordBot:ChannelRateLimit</c>).</summary>
    public int ChannelRateLimit { get; set; } = 20;

    /// <summary>The window of the per-channel limit (<c>DiscordBot:ChannelRateLimitWindow</c>).</summary>
    public TimeSpan ChannelRateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest question answered, in characters (<c>DiscordBot:MaxQuestionLength</c>); also the <c>/ask</c> option's limit, so at most 6,000.</summary>
    public int MaxQuestionLength { get; set; } = 1000;

    /// <summary>
    /// The JSON-lines file 👍/👎 votes are appended to (<c>DiscordBot:FeedbackFile</c>); a relative path is taken
    /// inside the data folder (<c>Data:Path</c>). <c>qabot eval --from-feedback</c> turns it into candidate questions.
    /// </summary>
    public string FeedbackFile { get; set; } = "feedback.jsonl";

    /// <summary>
    /// The question set moderators' reviews go to (<c>DiscordBot:ReviewedFile</c>, "Mark source…"): one question a
    /// line in the eval format with <c>status: reviewed</c>, which <c>qabot eval --set</c> runs as it is. A relative
    /// path is taken inside the data folder (<c>Data:Path</c>).
    /// </summary>
    public string ReviewedFile { get; set; } = "reviewed.jsonl";

    /// <summary>
    /// The SQLite file of the bot's memory: threads, turns, answers, votes (<c>DiscordBot:StateFile</c>); a relative
    /// path is taken inside the data folder. Point it at a writable volume when the data folder is mounted read-only.
    /// </summary>
    public string StateFile { get; set; } = "discord.db";

    /// <summary>Minutes of inactivity before a conversation thread archives: 60, 1440, 4320 or 10080 (<c>DiscordBot:ThreadAutoArchiveMinutes</c>).</summary>
    public int ThreadAutoArchiveMinutes { get; set; } = 1440;

    /// <summary>
    /// How long a question asked while the index is being built may wait in the queue for it (<c>DiscordBot:ReadyWait</c>).
    /// It waits only when the ingest's pace says it will be done by then; otherwise it gets a "still indexing" reply at
    /// once. Zero never waits.
    /// </summary>
    public TimeSpan ReadyWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often a bot that does not ingest itself reads the ingest record in the index, to follow an ingest running in
    /// another process (the compose job) in its readiness replies and status (<c>DiscordBot:IngestPollInterval</c>).
    /// </summary>
    public TimeSpan IngestPollInterval { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>Checks <see cref="DiscordBotOptions"/>; failures name the key.</summary>
public sealed class DiscordBotOptionsValidator : IValidateOptions<DiscordBotOptions>
{
    /// <summary>Discord's limit on a string option's <c>max_length</c>.</summary>
    public const int MaxSlashOptionLength = 6000;

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

        if (options.ChannelRateLimit < 1 || options.ChannelRateLimitWindow <= TimeSpan.Zero)
        {
            failures.Add($"{DiscordBotOptions.SectionName}:ChannelRateLimit must be at least 1 and ChannelRateLimitWindow positive.");
        }

        if (options.MaxQuestionLength is < 1 or > MaxSlashOptionLength)
        {
            failures.Add($"{DiscordBotOptions.SectionName}:MaxQuestionLength must be between 1 and {MaxSlashOptionLength} (Discord's limit for a command option).");
        }

        foreach (var (key, value, example) in new[]
        {
            ("FeedbackFile", options.FeedbackFile, "feedback.jsonl"),
            ("ReviewedFile", options.ReviewedFile, "reviewed.jsonl"),
            ("StateFile", options.StateFile, "discord.db"),
        })
        {
            if (string.IsNullOrWhiteSpace(value) || value.IndexOfAny(Path.GetInvalidPathChars()) >= 0 || value.EndsWith('/') || value.EndsWith(Path.DirectorySeparatorChar))
            {
                failures.Add($"{DiscordBotOptions.SectionName}:{key} must be a file path, e.g. {example} (inside Data:Path) or an absolute path.");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.FeedbackFile) && string.Equals(options.FeedbackFile, options.ReviewedFile, StringComparison.Ordinal))
        {
            failures.Add($"{DiscordBotOptions.SectionName}:ReviewedFile must differ from FeedbackFile: votes and reviewed questions have different formats.");
        }

        if (!ArchiveDurations.Contains(options.ThreadAutoArchiveMinutes))
        {
            failures.Add($"{DiscordBotOptions.SectionName}:ThreadAutoArchiveMinutes must be 60, 1440, 4320 or 10080.");
        }

        if (options.ReadyWait < TimeSpan.Zero || options.ReadyWait > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{DiscordBotOptions.SectionName}:ReadyWait must be between 00:00:00 and 00:10:00.");
        }

        if (options.IngestPollInterval <= TimeSpan.Zero || options.IngestPollInterval > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{DiscordBotOptions.SectionName}:IngestPollInterval must be more than 00:00:00 and at most 00:01:00, e.g. 00:00:02.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
