using QaBot.Core;
using QaBot.Discord.Models;

namespace QaBot.DiscordBot;

/// <summary>The 👍/👎 buttons under an answer. The custom id carries the vote and the answer id: <c>fb:up:&lt;answer-id&gt;</c>.</summary>
internal static class FeedbackButtons
{
    private const string Prefix = "fb:";
    private const string Up = "up";
    private const string Down = "down";
    private const int SuccessStyle = 3;
    private const int DangerStyle = 4;

    /// <summary>One action row with both buttons.</summary>
    public static IReadOnlyList<MessageComponent> For(string answerId) =>
    [
        MessageComponent.ActionRow(
            MessageComponent.Button(SuccessStyle, "👍", $"{Prefix}{Up}:{answerId}"),
            MessageComponent.Button(DangerStyle, "👎", $"{Prefix}{Down}:{answerId}")),
    ];

    /// <summary>Reads a clicked button's custom id; <see langword="false"/> when it is not one of ours.</summary>
    public static bool TryParse(string? customId, out FeedbackVote vote, out string answerId)
    {
        vote = default;
        answerId = string.Empty;
        var parts = customId?.Split(':', 3);
        if (parts is not [ "fb", var kind, { Length: > 0 } id ])
        {
            return false;
        }

        answerId = id;
        switch (kind)
        {
            case Up:
                vote = FeedbackVote.Up;
                return true;
            case Down:
                vote = FeedbackVote.Down;
                return true;
            default:
                return false;
        }
    }
}
