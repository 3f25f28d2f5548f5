using QaBot.Discord.Models;

namespace QaBot.DiscordBot;

/// <summary>A question waiting in the work queue.</summary>
internal abstract record BotQuestion(string Text, ulong UserId)
{
    /// <summary>When the bot received it; a question held for the index waits at most DiscordBot:ReadyWait from here.</summary>
    public DateTimeOffset ReceivedAt { get; init; }
}

/// <summary>A question asked by mentioning the bot, or in a DM.</summary>
internal sealed record MessageQuestion(DiscordMessage Message, string Text) : BotQuestion(Text, Message.Author.Id);

/// <summary>A question asked with <c>/ask</c>; already deferred.</summary>
internal sealed record SlashQuestion(DiscordInteraction Interaction, string Text) : BotQuestion(Text, Interaction.Invoker?.Id ?? 0);
