using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaBot.Discord;
using QaBot.Discord.Gateway;
using QaBot.Discord.Models;
using QaBot.Discord.Rest;

namespace QaBot.DiscordBot;

/// <summary>
/// Handles Gateway events on the event loop: registers <c>/ask</c> at READY, turns mentions, DMs and <c>/ask</c> into
/// queued questions (deferring <c>/ask</c> at once, within Discord's 3 s), and answers "busy" or "slow down" itself.
/// </summary>
internal sealed class EventRouter(
    IDiscordRestClient rest,
    BotState state,
    QuestionQueue queue,
    UserRateLimiter userRateLimiter,
    IOptions<DiscordOptions> discordOptions,
    ILogger<EventRouter> logger)
{
    public const string AskCommandName = "ask";
    public const string QuestionOptionName = "question";

    public static IReadOnlyList<ApplicationCommand> Commands { get; } =
    [
        new ApplicationCommand
        {
            Name = AskCommandName,
            Description = "Ask the team knowledge base a question",
            Options = [new ApplicationCommandOption { Type = 3, Name = QuestionOptionName, Description = "Your question", Required = true, MaxLength = 1000 }],
        },
    ];

    public async Task HandleAsync(GatewayEvent gatewayEvent, CancellationToken cancellationToken)
    {
        try
        {
            var handling = gatewayEvent switch
            {
                ReadyEvent ready => OnReadyAsync(ready.Ready, cancellationToken),
                MessageCreatedEvent created => OnMessageAsync(created.Message, cancellationToken),
                InteractionCreatedEvent interaction => OnInteractionAsync(interaction.Interaction, cancellationToken),
                _ => Task.CompletedTask,
            };
            await handling;
        }
        catch (DiscordRestException ex)
        {
            // One failed reply must not stop the event loop.
            Log.EventFailed(logger, ex);
        }
    }

    private async Task OnReadyAsync(ReadyData ready, CancellationToken cancellationToken)
    {
        state.BotUserId = ready.User.Id;
        state.ApplicationId = ready.Application.Id;
        if (state.CommandsRegistered)
        {
            return;
        }

        try
        {
            if (discordOptions.Value.GuildId is { } guildId)
            {
                await rest.BulkOverwriteGuildCommandsAsync(state.ApplicationId, guildId, Commands, cancellationToken);
                Log.CommandsRegistered(logger, $"guild {guildId}");
            }
            else
            {
                await rest.BulkOverwriteGlobalCommandsAsync(state.ApplicationId, Commands, cancellationToken);
                Log.CommandsRegistered(logger, "global");
            }

            state.CommandsRegistered = true;
        }
        catch (DiscordRestException ex)
        {
            Log.CommandsFailed(logger, ex);
        }
    }

    private async Task OnMessageAsync(DiscordMessage message, CancellationToken cancellationToken)
    {
        if (!MentionParser.TryGetQuestion(message, state.BotUserId, out var text) || !IsAllowedChannel(message.ChannelId, message.GuildId))
        {
            return;
        }

        Log.QuestionReceived(logger, message.Author.Id, message.ChannelId);
        Log.QuestionText(logger, text);
        if (!userRateLimiter.TryAcquire(message.Author.Id))
        {
            Log.UserRateLimited(logger, message.Author.Id);
            await ReplyAsync(message, BotReplies.RateLimited, cancellationToken);
            return;
        }

        if (!queue.TryEnqueue(new MessageQuestion(message, text)))
        {
            Log.Busy(logger, message.Author.Id);
            await ReplyAsync(message, BotReplies.Busy, cancellationToken);
        }
    }

    private async Task OnInteractionAsync(DiscordInteraction interaction, CancellationToken cancellationToken)
    {
        if (interaction.Type != InteractionType.ApplicationCommand || interaction.Data?.Name != AskCommandName)
        {
            return;
        }

        var userId = interaction.Invoker?.Id ?? 0;
        var text = interaction.Data.GetString(QuestionOptionName)?.Trim() ?? string.Empty;
        Log.QuestionReceived(logger, userId, interaction.ChannelId);
        var refusal = text.Length == 0 ? BotReplies.EmptyQuestion
            : interaction.ChannelId is { } channelId && !IsAllowedChannel(channelId, interaction.GuildId) ? BotReplies.NotHere
            : !userRateLimiter.TryAcquire(userId) ? BotReplies.RateLimited
            : null;
        if (refusal is not null)
        {
            await rest.CreateInteractionResponseAsync(
                interaction.Id, interaction.Token, InteractionResponse.Message(refusal, MessageFlags.Ephemeral), cancellationToken);
            return;
        }

        // Defer before queueing: the 3 s deadline runs from now, while the answer may take much longer.
        await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, InteractionResponse.Deferred(), cancellationToken);
        if (!queue.TryEnqueue(new SlashQuestion(interaction, text)))
        {
            Log.Busy(logger, userId);
            await rest.EditOriginalInteractionResponseAsync(
                interaction.ApplicationId, interaction.Token, new EditMessageRequest { Content = BotReplies.Busy }, cancellationToken);
        }
    }

    private bool IsAllowedChannel(ulong channelId, ulong? guildId)
    {
        var allowed = discordOptions.Value.AllowedChannels;
        return guildId is null || allowed.Count == 0 || allowed.Contains(channelId) || state.IsConversationThread(channelId);
    }

    private Task<DiscordMessage> ReplyAsync(DiscordMessage message, string content, CancellationToken cancellationToken) =>
        rest.CreateMessageAsync(
            message.ChannelId,
            new CreateMessageRequest { Content = content, MessageReference = MessageReference.ReplyTo(message.Id) },
            cancellationToken);
}
