using System.Text.RegularExpressions;
using QaBot.Discord.Models;

namespace QaBot.DiscordBot;

/// <summary>Decides whether a message is a question for the bot, and extracts its text.</summary>
internal static partial class MentionParser
{
    /// <summary>
    /// A question when the author is a person (not a bot, webhook or the bot itself) and the message is a DM, mentions
    /// the bot, or is posted in one of the bot's conversation threads (<paramref name="inConversationThread"/>; without
    /// the privileged MESSAGE_CONTENT intent such messages arrive empty and are ignored, so there a mention is needed).
    /// The bot's mentions (<c>&lt;@id&gt;</c>, legacy <c>&lt;@!id&gt;</c>) are removed from the text.
    /// </summary>
    public static bool TryGetQuestion(DiscordMessage message, ulong botUserId, bool inConversationThread, out string question)
    {
        question = string.Empty;
        if (message.Author.Bot == true || message.Author.Id == botUserId || message.WebhookId is not null)
        {
            return false;
        }

        var isDirect = message.GuildId is null;
        if (!isDirect && !inConversationThread && !message.IsMentioning(botUserId))
        {
            return false;
        }

        question = BotMention(botUserId).Replace(message.Content, " ").Trim();
        question = Whitespace().Replace(question, " ");
        return question.Length > 0;
    }

    private static Regex BotMention(ulong botUserId) =>
        new($"<@!?{botUserId}>", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    [GeneratedRegex(@"[ \t]{2,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Whitespace();
}
