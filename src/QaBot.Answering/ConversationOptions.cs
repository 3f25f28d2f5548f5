using System.ComponentModel.DataAnnotations;

namespace QaBot.Answering;

/// <summary>How much conversation history is kept for follow-up questions. Section <c>Conversations</c>.</summary>
public sealed class ConversationOptions
{
    public const string SectionName = "Conversations";

    /// <summary>Turns (question and answer) kept per conversation; the oldest goes first.</summary>
    [Range(1, 100)]
    public int MaxTurns { get; set; } = 6;

    /// <summary>Turns older than this are forgotten, so a question next day is not read as a follow-up.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Conversations remembered at once; the least recently used is forgotten first.</summary>
    [Range(1, 1_000_000)]
    public int MaxConversations { get; set; } = 1_000;
}

/// <summary>The data annotations of <see cref="ConversationOptions"/>, checked by generated code.</summary>
[Microsoft.Extensions.Options.OptionsValidator]
public sealed partial class ConversationOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<ConversationOptions>
{
}
