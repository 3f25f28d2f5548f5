using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace QaBot.DiscordBot;

/// <summary>How the bot front end behaves, bound from the <c>DiscordBot</c> section.</summary>
public sealed class DiscordBotOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "DiscordBot";

    /// <summary>A file, not a folder: not blank, no NUL, not ending in a path separator.</summary>
    private const string FilePathPattern = @"^(?=.*\S)[^\0]*[^/\\\0]$";

    /// <summary>Questions that may wait for a worker before the bot answers "busy" (<c>DiscordBot:QueueCapacity</c>).</summary>
    [Range(1, int.MaxValue)]
    public int QueueCapacity { get; set; } = 16;

    /// <summary>Questions answered at once (<c>DiscordBot:Workers</c>).</summary>
    [Range(1, int.MaxValue)]
    public int Workers { get; set; } = 2;

    /// <summary>Questions one user may ask per <see cref="UserRateLimitWindow"/> (<c>DiscordBot:UserRateLimit</c>).</summary>
    [Range(1, int.MaxValue)]
    public int UserRateLimit { get; set; } = 5;

    /// <summary>The window of the per-user limit (<c>DiscordBot:UserRateLimitWindow</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "10675199.02:48:05")]
    public TimeSpan UserRateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Questions one channel may receive per <see cref="ChannelRateLimitWindow"/>, all users together (<c>DiscordBot:ChannelRateLimit</c>).</summary>
    [Range(1, int.MaxValue)]
    public int ChannelRateLimit { get; set; } = 20;

    /// <summary>The window of the per-channel limit (<c>DiscordBot:ChannelRateLimitWindow</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "10675199.02:48:05")]
    public TimeSpan ChannelRateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest question answered, in characters (<c>DiscordBot:MaxQuestionLength</c>); also the <c>/ask</c> option's limit, so at most 6,000.</summary>
    [Range(1, DiscordBotOptionsValidator.MaxSlashOptionLength)]
    public int MaxQuestionLength { get; set; } = 1000;

    /// <summary>
    /// The JSON-lines file 👍/👎 votes are appended to (<c>DiscordBot:FeedbackFile</c>); a relative path is taken
    /// inside the data folder (<c>Data:Path</c>). <c>qabot eval --from-feedback</c> turns it into candidate questions.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression(FilePathPattern, ErrorMessage = "{0} must be a file path, e.g. feedback.jsonl (inside Data:Path) or an absolute path.")]
    public string FeedbackFile { get; set; } = "feedback.jsonl";

    /// <summary>
    /// The question set moderators' reviews go to (<c>DiscordBot:ReviewedFile</c>, "Mark source…"): one question a
    /// line in the eval format with <c>status: reviewed</c>, which <c>qabot eval --set</c> runs as it is. A relative
    /// path is taken inside the data folder (<c>Data:Path</c>).
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression(FilePathPattern, ErrorMessage = "{0} must be a file path, e.g. reviewed.jsonl (inside Data:Path) or an absolute path.")]
    public string ReviewedFile { get; set; } = "reviewed.jsonl";

    /// <summary>
    /// The SQLite file of the bot's memory: threads, turns, answers, votes (<c>DiscordBot:StateFile</c>); a relative
    /// path is taken inside the data folder. Point it at a writable volume when the data folder is mounted read-only.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression(FilePathPattern, ErrorMessage = "{0} must be a file path, e.g. discord.db (inside Data:Path) or an absolute path.")]
    public string StateFile { get; set; } = "discord.db";

    /// <summary>Minutes of inactivity before a conversation thread archives: 60, 1440, 4320 or 10080 (<c>DiscordBot:ThreadAutoArchiveMinutes</c>).</summary>
    [AllowedValues(60, 1440, 4320, 10080, ErrorMessage = "{0} must be 60, 1440, 4320 or 10080.")]
    public int ThreadAutoArchiveMinutes { get; set; } = 1440;

    /// <summary>
    /// How long a question asked while the index is being built may wait in the queue for it (<c>DiscordBot:ReadyWait</c>).
    /// It waits only when the ingest's pace says it will be done by then; otherwise it gets a "still indexing" reply at
    /// once. Zero never waits.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ReadyWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often a bot that does not ingest itself reads the ingest record in the index, to follow an ingest running in
    /// another process (the compose job) in its readiness replies and status (<c>DiscordBot:IngestPollInterval</c>).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan IngestPollInterval { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>The data annotations of <see cref="DiscordBotOptions"/>, checked by generated code.</summary>
[OptionsValidator]
public sealed partial class DiscordBotOptionsAnnotations : IValidateOptions<DiscordBotOptions>
{
}

/// <summary>Checks the rules of <see cref="DiscordBotOptions"/> that span two keys; the annotations check each key alone.</summary>
public sealed class DiscordBotOptionsValidator : IValidateOptions<DiscordBotOptions>
{
    /// <summary>Discord's limit on a string option's <c>max_length</c>.</summary>
    public const int MaxSlashOptionLength = 6000;

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, DiscordBotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return !string.IsNullOrWhiteSpace(options.FeedbackFile) && string.Equals(options.FeedbackFile, options.ReviewedFile, StringComparison.Ordinal)
            ? ValidateOptionsResult.Fail($"{DiscordBotOptions.SectionName}:ReviewedFile must differ from {DiscordBotOptions.SectionName}:FeedbackFile: votes and reviewed questions have different formats.")
            : ValidateOptionsResult.Success;
    }
}
