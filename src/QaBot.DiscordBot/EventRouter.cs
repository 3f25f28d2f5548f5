using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaBot.Discord;
using QaBot.Discord.Gateway;
using QaBot.Discord.Models;
using QaBot.Discord.Rest;

namespace QaBot.DiscordBot;

/// <summary>
/// Handles Gateway events on the event loop: registers <c>/ask</c> (and "Mark source…" when moderators are configured)
/// at READY, turns mentions, DMs and <c>/ask</c> into queued questions (deferring <c>/ask</c> at once, within Discord's
/// 3 s), records 👍/👎 clicks, hands reviews to <see cref="SourceReviewer"/>, and decides on
/// "busy", "slow down", "too long" or "not here" itself. It calls Discord only for interaction callbacks (their own
/// route, exempt from the global limit) and hands every other reply to <see cref="RefusalReplies"/>.
/// </summary>
internal sealed class EventRouter(
    IDiscordRestClient rest,
    BotState state,
    QuestionQueue queue,
    QuestionRateLimits rateLimits,
    RefusalReplies refusals,
    VoteRecorder votes,
    SourceReviewer reviews,
    ActiveAnswers activeAnswers,
    IndexReadinessGate readiness,
    DiscordBotStatus status,
    IOptions<DiscordOptions> discordOptions,
    IOptions<DiscordBotOptions> botOptions,
    TimeProvider timeProvider,
    ILogger<EventRouter> logger)
{
    public const string AskCommandName = "ask";
    public const string QuestionOptionName = "question";

    /// <summary>
    /// The commands registered at start-up (one bulk overwrite replaces them all): <c>/ask question:</c> limited to
    /// <paramref name="maxQuestionLength"/> characters, and with <paramref name="withReview"/> the "Mark source…"
    /// message command.
    /// </summary>
    public static IReadOnlyList<ApplicationCommand> Commands(int maxQuestionLength, bool withReview)
    {
        var ask = new ApplicationCommand
        {
            Name = AskCommandName,
            Description = "Ask the team knowledge base a question",
            Options = [new ApplicationCommandOption { Type = 3, Name = QuestionOptionName, Description = "Your question", Required = true, MaxLength = maxQuestionLength }],
        };
        return withReview ? [ask, ReviewComponents.Command] : [ask];
    }

    public async Task HandleAsync(GatewayEvent gatewayEvent, CancellationToken cancellationToken)
    {
        try
        {
            var handling = gatewayEvent switch
            {
                ReadyEvent ready => OnReadyAsync(ready.Ready, cancellationToken),
                MessageCreatedEvent created => OnMessageAsync(created.Message),
                InteractionCreatedEvent interaction => OnInteractionAsync(interaction.Interaction, cancellationToken),
                _ => Task.CompletedTask,
            };
            await handling;
        }
        catch (DiscordRestException ex)
        {
            // One failed reply must not stop the event loop.
            Log.EventFailed(logger, ex.Message);
        }
    }

    private async Task OnReadyAsync(ReadyData ready, CancellationToken cancellationToken)
    {
        state.BotUserId = ready.User.Id;
        state.ApplicationId = ready.Application.Id;
        status.OnConnected();
        if (state.CommandsRegistered)
        {
            return;
        }

        try
        {
            var commands = Commands(botOptions.Value.MaxQuestionLength, reviews.Enabled);
            if (discordOptions.Value.GuildId is { } guildId)
            {
                await rest.BulkOverwriteGuildCommandsAsync(state.ApplicationId, guildId, commands, cancellationToken);
                Log.CommandsRegistered(logger, $"guild {guildId}");
            }
            else
            {
                await rest.BulkOverwriteGlobalCommandsAsync(state.ApplicationId, commands, cancellationToken);
                Log.CommandsRegistered(logger, "global");
            }

            state.CommandsRegistered = true;
        }
        catch (DiscordRestException ex)
        {
            Log.CommandsFailed(logger, ex.Message);
        }
    }

    /// <remarks>Sends nothing itself: replies go through <see cref="RefusalReplies"/>, so the loop never waits on a channel.</remarks>
    private Task OnMessageAsync(DiscordMessage message)
    {
        var inConversation = state.IsConversationThread(message.ChannelId);
        if (!MentionParser.TryGetQuestion(message, state.BotUserId, inConversation, out var text) || !IsAllowed(message.ChannelId, message.GuildId))
        {
            return Task.CompletedTask;
        }

        Log.QuestionReceived(logger, message.Author.Id, message.ChannelId);
        Log.QuestionText(logger, text);
        var refusal = Refusal(text, message.Author.Id, message.ChannelId);
        if (refusal is null && !queue.TryEnqueue(new MessageQuestion(message, text) { ReceivedAt = timeProvider.GetUtcNow() }))
        {
            refusal = BotReplies.Busy;
        }

        if (refusal is not null)
        {
            Log.QuestionRefused(logger, message.Author.Id, refusal);
            refusals.ReplyTo(message, refusal);
        }

        return Task.CompletedTask;
    }

    private async Task OnInteractionAsync(DiscordInteraction interaction, CancellationToken cancellationToken)
    {
        if (await reviews.TryHandleAsync(interaction, cancellationToken))
        {
            return;
        }

        if (interaction.Type == InteractionType.MessageComponent)
        {
            if (StopButton.TryParse(interaction.Data?.CustomId, out var answerId))
            {
                // Acknowledged silently; the answer's own final edit shows that it stopped.
                var stopped = activeAnswers.TryStop(answerId, interaction.Invoker?.Id ?? 0);
                var response = stopped == StopResult.NotTheAsker
                    ? InteractionResponse.Message(BotReplies.StopNotYours, MessageFlags.Ephemeral)
                    : InteractionResponse.DeferredUpdate();
                await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, response, cancellationToken);
                return;
            }

            await votes.TryRecordAsync(interaction, cancellationToken);
            return;
        }

        if (interaction.Type != InteractionType.ApplicationCommand || interaction.Data?.Name != AskCommandName)
        {
            return;
        }

        var userId = interaction.Invoker?.Id ?? 0;
        var text = interaction.Data.GetString(QuestionOptionName)?.Trim() ?? string.Empty;
        Log.QuestionReceived(logger, userId, interaction.ChannelId);
        var refusal = text.Length == 0 ? BotReplies.EmptyQuestion
            : interaction.ChannelId is { } channelId && !IsAllowed(channelId, interaction.GuildId) ? BotReplies.NotHere
            : Refusal(text, userId, interaction.ChannelId);
        if (refusal is not null)
        {
            Log.QuestionRefused(logger, userId, refusal);
            await rest.CreateInteractionResponseAsync(
                interaction.Id, interaction.Token, InteractionResponse.Message(refusal, MessageFlags.Ephemeral), cancellationToken);
            return;
        }

        // Defer before queueing: the 3 s deadline runs from now, while the answer may take much longer.
        await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, InteractionResponse.Deferred(), cancellationToken);
        if (!queue.TryEnqueue(new SlashQuestion(interaction, text) { ReceivedAt = timeProvider.GetUtcNow() }))
        {
            Log.QuestionRefused(logger, userId, BotReplies.Busy);
            refusals.EditDeferred(interaction, BotReplies.Busy);
        }
    }

    /// <summary>
    /// Why a question in an allowed place is not answered now: too long, the index not ready (and not soon enough to
    /// wait for), or over a rate limit. A question turned away while indexing does not count against the limits.
    /// </summary>
    private string? Refusal(string text, ulong userId, ulong? channelId)
    {
        var maxLength = botOptions.Value.MaxQuestionLength;
        return text.Length > maxLength ? BotReplies.TooLong(text.Length, maxLength)
            : readiness.ReplyNow(text) ?? rateLimits.Check(userId, channelId);
    }

    /// <summary>DMs are always allowed; in guilds both allow-lists apply (empty = all), and the bot's own threads count as allowed channels.</summary>
    private bool IsAllowed(ulong channelId, ulong? guildId)
    {
        if (guildId is not { } guild)
        {
            return true;
        }

        var options = discordOptions.Value;
        var guildAllowed = options.AllowedGuilds.Count == 0 || options.AllowedGuilds.Contains(guild);
        var channelAllowed = options.AllowedChannels.Count == 0 || options.AllowedChannels.Contains(channelId) || state.IsConversationThread(channelId);
        return guildAllowed && channelAllowed;
    }
}
