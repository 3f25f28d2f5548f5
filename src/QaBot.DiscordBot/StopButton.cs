using QaBot.Discord.Models;

namespace QaBot.DiscordBot;

/// <summary>The Stop button under an answer being written: <c>stop:&lt;answer-id&gt;</c>.</summary>
internal static class StopButton
{
    private const string Prefix = "stop:";
    private const int SecondaryStyle = 2;

    public static IReadOnlyList<MessageComponent> For(string answerId) =>
        [MessageComponent.ActionRow(MessageComponent.Button(SecondaryStyle, "Stop", Prefix + answerId))];

    public static bool TryParse(string? customId, out string answerId)
    {
        answerId = string.Empty;
        if (customId is null || !customId.StartsWith(Prefix, StringComparison.Ordinal) || customId.Length == Prefix.Length)
        {
            return false;
        }

        answerId = customId[Prefix.Length..];
        return true;
    }
}
