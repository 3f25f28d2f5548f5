using System.Globalization;

namespace QaBot.Discord.Rest;

/// <summary>
/// One REST call's route: the template (for logs and bucket keys; never holds a token), the real path, and the
/// top-level resource that, with the bucket id, keys the rate limit.
/// </summary>
internal sealed record DiscordRoute(HttpMethod Method, string Template, string Path, string MajorParameter, bool IsInteraction)
{
    /// <summary>Method and template, e.g. <c>POST /channels/{channel_id}/messages</c>.</summary>
    public string Key => $"{Method.Method} {Template}";

    /// <summary>The template only: <see cref="Path"/> may hold an interaction token.</summary>
    public override string ToString() => Key;

    public static DiscordRoute GatewayBot() =>
        new(HttpMethod.Get, "/gateway/bot", "gateway/bot", string.Empty, false);

    public static DiscordRoute CreateMessage(ulong channelId) =>
        new(HttpMethod.Post, "/channels/{channel_id}/messages", $"channels/{Id(channelId)}/messages", Id(channelId), false);

    public static DiscordRoute EditMessage(ulong channelId, ulong messageId) =>
        new(HttpMethod.Patch, "/channels/{channel_id}/messages/{message_id}", $"channels/{Id(channelId)}/messages/{Id(messageId)}", Id(channelId), false);

    public static DiscordRoute StartThreadFromMessage(ulong channelId, ulong messageId) =>
        new(HttpMethod.Post, "/channels/{channel_id}/messages/{message_id}/threads", $"channels/{Id(channelId)}/messages/{Id(messageId)}/threads", Id(channelId), false);

    public static DiscordRoute TriggerTyping(ulong channelId) =>
        new(HttpMethod.Post, "/channels/{channel_id}/typing", $"channels/{Id(channelId)}/typing", Id(channelId), false);

    public static DiscordRoute BulkOverwriteGlobalCommands(ulong applicationId) =>
        new(HttpMethod.Put, "/applications/{application_id}/commands", $"applications/{Id(applicationId)}/commands", Id(applicationId), false);

    public static DiscordRoute BulkOverwriteGuildCommands(ulong applicationId, ulong guildId) =>
        new(HttpMethod.Put, "/applications/{application_id}/guilds/{guild_id}/commands", $"applications/{Id(applicationId)}/guilds/{Id(guildId)}/commands", Id(guildId), false);

    public static DiscordRoute CreateInteractionResponse(ulong interactionId, string interactionToken) =>
        new(HttpMethod.Post, "/interactions/{interaction_id}/{interaction_token}/callback", $"interactions/{Id(interactionId)}/{Escape(interactionToken)}/callback", Id(interactionId), true);

    public static DiscordRoute EditOriginalInteractionResponse(ulong applicationId, string interactionToken) =>
        new(HttpMethod.Patch, "/webhooks/{application_id}/{interaction_token}/messages/@original", $"webhooks/{Id(applicationId)}/{Escape(interactionToken)}/messages/@original", WebhookKey(applicationId, interactionToken), true);

    public static DiscordRoute CreateFollowupMessage(ulong applicationId, string interactionToken) =>
        new(HttpMethod.Post, "/webhooks/{application_id}/{interaction_token}", $"webhooks/{Id(applicationId)}/{Escape(interactionToken)}", WebhookKey(applicationId, interactionToken), true);

    public static DiscordRoute EditFollowupMessage(ulong applicationId, string interactionToken, ulong messageId) =>
        new(HttpMethod.Patch, "/webhooks/{application_id}/{interaction_token}/messages/{message_id}", $"webhooks/{Id(applicationId)}/{Escape(interactionToken)}/messages/{Id(messageId)}", WebhookKey(applicationId, interactionToken), true);

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string token) => Uri.EscapeDataString(token);

    // The webhook id plus token is the top-level resource; a hash keeps the token itself out of the key.
    private static string WebhookKey(ulong applicationId, string token) =>
        $"{Id(applicationId)}:{token.GetHashCode(StringComparison.Ordinal):x8}";
}
