using QaBot.Discord.Models;
using QaBot.Discord.Rest;

namespace QaBot.Discord.Tests.Fakes;

/// <summary>An <see cref="IDiscordRestClient"/> for in-memory Gateway tests: only <c>GET /gateway/bot</c> is answered.</summary>
internal sealed class GatewayUrlOnlyRestClient(Uri gatewayUrl) : IDiscordRestClient
{
    public int GatewayBotCalls { get; private set; }

    public Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken)
    {
        GatewayBotCalls++;
        return Task.FromResult(new GatewayBotInfo
        {
            Url = gatewayUrl.ToString(),
            SessionStartLimit = new SessionStartLimit { Total = 1000, Remaining = 999, ResetAfter = 14_400_000, MaxConcurrency = 1 },
        });
    }

    public Task<DiscordMessage> CreateMessageAsync(ulong channelId, CreateMessageRequest message, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<DiscordMessage> EditMessageAsync(ulong channelId, ulong messageId, EditMessageRequest message, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<DiscordChannel> StartThreadFromMessageAsync(ulong channelId, ulong messageId, StartThreadRequest thread, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task TriggerTypingAsync(ulong channelId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<ApplicationCommand>> BulkOverwriteGlobalCommandsAsync(
        ulong applicationId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<ApplicationCommand>> BulkOverwriteGuildCommandsAsync(
        ulong applicationId, ulong guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task CreateInteractionResponseAsync(ulong interactionId, string interactionToken, InteractionResponse response, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<DiscordMessage> EditOriginalInteractionResponseAsync(
        ulong applicationId, string interactionToken, EditMessageRequest message, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<DiscordMessage> CreateFollowupMessageAsync(
        ulong applicationId, string interactionToken, CreateMessageRequest message, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<DiscordMessage> EditFollowupMessageAsync(
        ulong applicationId, string interactionToken, ulong messageId, EditMessageRequest message, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}
