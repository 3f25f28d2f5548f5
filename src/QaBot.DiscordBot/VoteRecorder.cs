using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using QaBot.Core;
using QaBot.Discord.Models;
using QaBot.Discord.Rest;

namespace QaBot.DiscordBot;

/// <summary>
/// Records a 👍/👎 click with the question, answer and sources in the feedback sink, then acknowledges it with an
/// ephemeral note (within Discord's 3 s; the file sink appends one line locally).
/// </summary>
internal sealed class VoteRecorder(
    IDiscordRestClient rest,
    BotStateStore store,
    IFeedbackSink feedback,
    TimeProvider timeProvider,
    ILogger<VoteRecorder> logger)
{
    /// <summary>Handles a component interaction; <see langword="false"/> when the button is not a feedback button.</summary>
    public async Task<bool> TryRecordAsync(DiscordInteraction interaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (!FeedbackButtons.TryParse(interaction.Data?.CustomId, out var vote, out var answerId))
        {
            return false;
        }

        var reply = BotReplies.FeedbackExpired;
        if (store.FindAnswer(answerId) is { } answered)
        {
            reply = await AppendAsync(answered, vote, interaction.Invoker?.Id ?? 0, cancellationToken);
        }

        await rest.CreateInteractionResponseAsync(
            interaction.Id, interaction.Token, InteractionResponse.Message(reply, MessageFlags.Ephemeral), cancellationToken);
        return true;
    }

    /// <summary>
    /// A pseudonym stable for one user on one answer, so a later vote replaces an earlier one, but which differs across
    /// answers, so the file does not show which answers one person rated. No user id is stored.
    /// </summary>
    public static string Pseudonym(string answerId, ulong userId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{answerId}:{userId}")));
        return Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }

    private async Task<string> AppendAsync(AnsweredQuestion answered, FeedbackVote vote, ulong userId, CancellationToken cancellationToken)
    {
        var answer = answered.Answer;
        var entry = new AnswerVote(
            answered.AnswerId,
            vote,
            Pseudonym(answered.AnswerId, userId),
            answered.Question,
            answer.Text,
            answer.Refused,
            answer.Citations,
            timeProvider.GetUtcNow());
        try
        {
            store.RecordVote(entry.AnswerId, entry.Voter, vote, timeProvider.GetUtcNow());
            await feedback.RecordVoteAsync(entry, cancellationToken);
            Log.VoteRecorded(logger, vote, answered.AnswerId);
            return BotReplies.FeedbackThanks;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.VoteFailed(logger, ex.Message, ex);
            return BotReplies.FeedbackFailed;
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            Log.VoteFailed(logger, store.Path, ex);
            return BotReplies.FeedbackFailed;
        }
    }
}
