using QaBot.Core;

namespace QaBot.DiscordBot;

/// <summary>A question the bot answered, kept (in <see cref="BotStateStore"/>) so a later vote can be recorded with it.</summary>
internal sealed record AnsweredQuestion(string AnswerId, string Question, Answer Answer);
