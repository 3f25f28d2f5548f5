using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaBot.Core;
using QaBot.Discord;
using QaBot.Discord.Models;
using QaBot.Discord.Rest;

namespace QaBot.DiscordBot;

/// <summary>
/// "Mark source…": a moderator (a member with one of <c>Discord:ModeratorRoleIds</c>) marks which collection files
/// answer the question behind one of the bot's answers, or that none does. The command opens an ephemeral choice
/// (<see cref="ReviewComponents"/>); the choice, or paths typed into its form, go through <see cref="IFeedbackSink"/>
/// as a reviewed question. Every step checks the role again, so a forwarded custom id gives nobody the right.
/// State between the steps is the stored answer alone (<see cref="BotStateStore"/>), so a restart in between is harmless.
/// </summary>
internal sealed class SourceReviewer(
    IDiscordRestClient rest,
    BotState state,
    BotStateStore store,
    IFeedbackSink feedback,
    IOptions<DiscordOptions> discordOptions,
    TimeProvider timeProvider,
    ILogger<SourceReviewer> logger,
    IChunkIndex? index = null)
{
    private const int MaxQuestionShown = 300;

    /// <summary>Whether reviews are switched on (some moderator role is configured): only then is the command registered.</summary>
    public bool Enabled => discordOptions.Value.ModeratorRoles.Count > 0;

    /// <summary>Handles the command and its components; <see langword="false"/> when the interaction is not a review's.</summary>
    public async Task<bool> TryHandleAsync(DiscordInteraction interaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var isCommand = interaction.Type == InteractionType.ApplicationCommand
            && interaction.Data is { Name: ReviewComponents.CommandName, Type: ReviewComponents.MessageCommandType };
        var step = default(ReviewStep);
        var answerId = string.Empty;
        var isStep = interaction.Type is InteractionType.MessageComponent or InteractionType.ModalSubmit
            && ReviewComponents.TryParse(interaction.Data?.CustomId, out step, out answerId);
        if (!isCommand && !isStep)
        {
            return false;
        }

        if (!IsModerator(interaction))
        {
            Log.ReviewRefused(logger, interaction.Invoker?.Id ?? 0);
            await ReplyAsync(interaction, BotReplies.ReviewNotModerator, cancellationToken);
            return true;
        }

        var handling = isCommand ? OpenAsync(interaction, cancellationToken) : step switch
        {
            ReviewStep.Pick => PickAsync(interaction, answerId, cancellationToken),
            ReviewStep.OpenForm => rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, ReviewComponents.Form(answerId), cancellationToken),
            _ => SubmitFormAsync(interaction, answerId, cancellationToken),
        };
        await handling;
        return true;
    }

    private bool IsModerator(DiscordInteraction interaction)
    {
        var moderators = discordOptions.Value.ModeratorRoles;
        return interaction.GuildId is not null && interaction.Member is { } member && member.Roles.Any(moderators.Contains);
    }

    /// <summary>The command on a message: find the answer it shows and offer its files.</summary>
    private async Task OpenAsync(DiscordInteraction interaction, CancellationToken cancellationToken)
    {
        var answered = FindAnswer(interaction.Data!);
        if (answered is null)
        {
            await ReplyAsync(interaction, BotReplies.ReviewNotAnAnswer, cancellationToken);
            return;
        }

        var (up, down) = store.CountVotesByKind(answered.AnswerId);
        var question = answered.Question.Length <= MaxQuestionShown ? answered.Question : string.Concat(answered.Question.AsSpan(0, MaxQuestionShown), "…");
        var content = string.Create(CultureInfo.InvariantCulture, $"Which files answer this question? (👍 {up} · 👎 {down})\n> {question.ReplaceLineEndings(" ")}");
        await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, new InteractionResponse
        {
            Type = InteractionCallbackType.ChannelMessageWithSource,
            Data = new InteractionCallbackData { Content = content, Flags = MessageFlags.Ephemeral, Components = ReviewComponents.Choices(answered) },
        }, cancellationToken);
    }

    /// <summary>The answer behind the target message: by the messages stored for each answer, else by its 👍/👎 buttons.</summary>
    private AnsweredQuestion? FindAnswer(InteractionData data)
    {
        if (data.TargetId is not { } messageId)
        {
            return null;
        }

        var answerId = store.FindAnswerIdByMessage(messageId);
        if (answerId is null
            && data.Resolved?.Messages?.GetValueOrDefault(messageId.ToString(CultureInfo.InvariantCulture)) is { } message
            && message.Author.Id == state.BotUserId)
        {
            answerId = message.Components?.SelectMany(row => row.Components ?? [])
                .Select(button => FeedbackButtons.TryParse(button.CustomId, out _, out var id) ? id : null)
                .FirstOrDefault(id => id is not null);
        }

        return answerId is null ? null : store.FindAnswer(answerId);
    }

    private async Task PickAsync(DiscordInteraction interaction, string answerId, CancellationToken cancellationToken)
    {
        var answered = store.FindAnswer(answerId);
        var sources = answered is null ? null : ReviewComponents.Sources(answered, interaction.Data?.Values ?? []);
        if (answered is null || sources is null)
        {
            await ReplyAsync(interaction, answered is null ? BotReplies.ReviewNotAnAnswer : BotReplies.ReviewMixedChoice, cancellationToken);
            return;
        }

        var reply = await RecordAsync(answered, sources, cancellationToken);
        // Replaces the choice with the outcome, so it cannot be submitted twice by accident.
        await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, InteractionResponse.UpdateMessage(reply, []), cancellationToken);
    }

    /// <summary>Typed paths: deferred first, as checking them against the index may take longer than Discord's 3 s.</summary>
    private async Task SubmitFormAsync(DiscordInteraction interaction, string answerId, CancellationToken cancellationToken)
    {
        await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, InteractionResponse.Deferred(ephemeral: true), cancellationToken);
        var answered = store.FindAnswer(answerId);
        var paths = ReviewComponents.ParsePaths(interaction.Data?.GetTextInput(ReviewComponents.PathInputId), out var invalid);
        string reply;
        if (answered is null)
        {
            reply = BotReplies.ReviewNotAnAnswer;
        }
        else if (invalid is not null || paths.Count == 0)
        {
            reply = BotReplies.ReviewBadPath(invalid ?? string.Empty);
        }
        else if (await UnknownPathsAsync(paths, cancellationToken) is { Count: > 0 } unknown)
        {
            reply = BotReplies.ReviewUnknownPaths(unknown);
        }
        else
        {
            reply = await RecordAsync(answered, paths, cancellationToken);
        }

        await rest.EditOriginalInteractionResponseAsync(interaction.ApplicationId, interaction.Token, new EditMessageRequest { Content = reply }, cancellationToken);
    }

    /// <summary>Typed paths the index does not hold (a typo would make a question no run can pass); none without an index to ask.</summary>
    private async Task<IReadOnlyList<string>> UnknownPathsAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        if (index is null)
        {
            return [];
        }

        var manifest = await index.ReadManifestAsync(cancellationToken);
        return [.. paths.Where(path => !manifest.ContainsKey(path))];
    }

    private async Task<string> RecordAsync(AnsweredQuestion answered, IReadOnlyList<string> sources, CancellationToken cancellationToken)
    {
        var (up, down) = store.CountVotesByKind(answered.AnswerId);
        var review = new ReviewedAnswer(answered.AnswerId, answered.Question, answered.Answer.Text, sources, up, down, timeProvider.GetUtcNow());
        try
        {
            await feedback.RecordReviewAsync(review, cancellationToken);
            Log.AnswerReviewed(logger, answered.AnswerId, review.Kind, sources.Count);
            return BotReplies.Reviewed(review.Kind, sources);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.ReviewFailed(logger, ex.Message, ex);
            return BotReplies.ReviewFailed;
        }
    }

    private Task ReplyAsync(DiscordInteraction interaction, string content, CancellationToken cancellationToken) =>
        rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, InteractionResponse.Message(content, MessageFlags.Ephemeral), cancellationToken);
}
