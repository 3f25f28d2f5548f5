using QaBot.Discord.Models;

namespace QaBot.Discord.Rest;

/// <summary>The Discord REST calls a bot makes. Rate limits and 429s are handled inside; failures throw <see cref="DiscordRestException"/>.</summary>
public interface IDiscordRestClient
{
    /// <summary><c>GET /gateway/bot</c>: the Gateway URL and the Identify quota.</summary>
    Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken);

    /// <summary><c>POST /channels/{channel_id}/messages</c>.</summary>
    Task<DiscordMessage> CreateMessageAsync(ulong channelId, CreateMessageRequest message, CancellationToken cancellationToken);

    /// <summary><c>PATCH /channels/{channel_id}/messages/{message_id}</c>.</summary>
    Task<DiscordMessage> EditMessageAsync(ulong channelId, ulong messageId, EditMessageRequest message, CancellationToken cancellationToken);

    /// <summary><c>POST /channels/{channel_id}/messages/{message_id}/threads</c>; the thread id equals the message id.</summary>
    Task<DiscordChannel> StartThreadFromMessageAsync(ulong channelId, ulong messageId, StartThreadRequest thread, CancellationToken cancellationToken);

    /// <summary><c>POST /channels/{channel_id}/typing</c>; lasts 10 s.</summary>
    Task TriggerTypingAsync(ulong channelId, CancellationToken cancellationToken);

    /// <summary><c>PUT /applications/{application_id}/commands</c>: replaces all global commands.</summary>
    Task<IReadOnlyList<ApplicationCommand>> BulkOverwriteGlobalCommandsAsync(
        ulong applicationId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken);

    /// <summary><c>PUT /applications/{application_id}/guilds/{guild_id}/commands</c>: replaces a guild's commands instantly.</summary>
    Task<IReadOnlyList<ApplicationCommand>> BulkOverwriteGuildCommandsAsync(
        ulong applicationId, ulong guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken);

    /// <summary><c>POST /interactions/{id}/{token}/callback</c>: the initial response, due within 3 s.</summary>
    Task CreateInteractionResponseAsync(ulong interactionId, string interactionToken, InteractionResponse response, CancellationToken cancellationToken);

    /// <summary><c>PATCH /webhooks/{application_id}/{token}/messages/@original</c>: edits the (deferred) original response.</summary>
    Task<DiscordMessage> EditOriginalInteractionResponseAsync(
        ulong applicationId, string interactionToken, EditMessageRequest message, CancellationToken cancellationToken);

    /// <summary><c>POST /webhooks/{application_id}/{token}</c>: a follow-up message.</summary>
    Task<DiscordMessage> CreateFollowupMessageAsync(
        ulong applicationId, string interactionToken, CreateMessageRequest message, CancellationToken cancellationToken);

    /// <summary><c>PATCH /webhooks/{application_id}/{token}/messages/{message_id}</c>: edits a follow-up message.</summary>
    Task<DiscordMessage> EditFollowupMessageAsync(
        ulong applicationId, string interactionToken, ulong messageId, EditMessageRequest message, CancellationToken cancellationToken);
}
