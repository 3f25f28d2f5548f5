using QaBot.Core;

namespace QaBot.DiscordBot;

/// <summary>A question the bot answered, kept (in <see cref="BotStateStore"/>) so a later vote or review can be recorded with it.</summary>
internal sealed record AnsweredQuestion(string AnswerId, string Question, Answer Answer)
{
    /// <summary>Files of the passages retrieved for the answer, in rank order, each once: what a moderator chooses from.</summary>
    public IReadOnlyList<string> RetrievedSources { get; init; } = [];

    /// <summary>The cited files first, then the other retrieved ones: the sources a review can pick.</summary>
    public IReadOnlyList<string> CandidateSources =>
        [.. Answer.CitedSources.Concat(RetrievedSources).Distinct(StringComparer.Ordinal)];
}
