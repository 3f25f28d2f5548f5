using System.Text.Json;
using System.Text.Json.Serialization;

namespace QaBot.Discord.Models;

/// <summary>Interaction types.</summary>
public enum InteractionType
{
    /// <summary>1: PING (HTTP mode only).</summary>
    Ping = 1,

    /// <summary>2: a slash or context-menu command.</summary>
    ApplicationCommand = 2,

    /// <summary>3: a button click or select.</summary>
    MessageComponent = 3,

    /// <summary>4: an autocomplete request.</summary>
    ApplicationCommandAutocomplete = 4,

    /// <summary>5: a modal submission.</summary>
    ModalSubmit = 5,
}

/// <summary>An interaction, as received in INTERACTION_CREATE.</summary>
public sealed record DiscordInteraction
{
    /// <summary>The interaction's snowflake.</summary>
    public required ulong Id { get; init; }

    /// <summary>The application it is for.</summary>
    public required ulong ApplicationId { get; init; }

    /// <summary>What kind of interaction.</summary>
    public required InteractionType Type { get; init; }

    /// <summary>Command or component data.</summary>
    public InteractionData? Data { get; init; }

    /// <summary>The guild, when invoked in one.</summary>
    public ulong? GuildId { get; init; }

    /// <summary>The channel it was invoked in.</summary>
    public ulong? ChannelId { get; init; }

    /// <summary>The invoking member, in guilds.</summary>
    public GuildMember? Member { get; init; }

    /// <summary>The invoking user, in DMs.</summary>
    public DiscordUser? User { get; init; }

    /// <summary>The continuation token: valid 3 s for the initial response, 15 min for edits and follow-ups.</summary>
    public required string Token { get; init; }

    /// <summary>Always 1.</summary>
    public int Version { get; init; } = 1;

    /// <summary>For components: the message the component was on.</summary>
    public DiscordMessage? Message { get; init; }

    /// <summary>The invoking user, from <see cref="Member"/> in guilds or <see cref="User"/> in DMs.</summary>
    [JsonIgnore]
    public DiscordUser? Invoker => Member?.User ?? User;

    /// <inheritdoc/>
    public override string ToString() => $"Interaction {Id} ({Type}), token <redacted>";
}

/// <summary>Command data (<c>name</c>, <c>options</c>) or component data (<c>custom_id</c>).</summary>
public sealed record InteractionData
{
    /// <summary>The command id.</summary>
    public ulong? Id { get; init; }

    /// <summary>The command name.</summary>
    public string? Name { get; init; }

    /// <summary>The command type.</summary>
    public int? Type { get; init; }

    /// <summary>The options the user filled in.</summary>
    public IReadOnlyList<InteractionDataOption>? Options { get; init; }

    /// <summary>The clicked component's custom id.</summary>
    public string? CustomId { get; init; }

    /// <summary>The clicked component's type.</summary>
    public int? ComponentType { get; init; }

    /// <summary>Selected values.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>The target of a context-menu command.</summary>
    public ulong? TargetId { get; init; }

    /// <summary>Objects the command refers to; for a message command, the target message.</summary>
    public ResolvedData? Resolved { get; init; }

    /// <summary>A submitted modal's action rows with the values of its text inputs.</summary>
    public IReadOnlyList<MessageComponent>? Components { get; init; }

    /// <summary>The value a submitted modal's text input <paramref name="customId"/> holds, if it has one.</summary>
    public string? GetTextInput(string customId) =>
        Components?.SelectMany(row => row.Components ?? []).FirstOrDefault(input => input.CustomId == customId)?.Value;

    /// <summary>The string value of the top-level option <paramref name="name"/>, if given.</summary>
    public string? GetString(string name) =>
        Options?.FirstOrDefault(option => option.Name == name) is { Value: { ValueKind: JsonValueKind.String } value }
            ? value.GetString()
            : null;
}

/// <summary>The objects a command's data refers to, by id.</summary>
public sealed record ResolvedData
{
    /// <summary>Messages by snowflake (as a string, the JSON object's keys).</summary>
    public IReadOnlyDictionary<string, DiscordMessage>? Messages { get; init; }
}

/// <summary>One option value of a command invocation.</summary>
public sealed record InteractionDataOption
{
    /// <summary>The option name.</summary>
    public required string Name { get; init; }

    /// <summary>The option type (3 string, 4 integer...).</summary>
    public int Type { get; init; }

    /// <summary>The raw value.</summary>
    public JsonElement? Value { get; init; }

    /// <summary>Sub-command options.</summary>
    public IReadOnlyList<InteractionDataOption>? Options { get; init; }

    /// <summary>Whether this option has autocomplete focus.</summary>
    public bool? Focused { get; init; }
}

/// <summary>Interaction callback types.</summary>
public enum InteractionCallbackType
{
    /// <summary>1: answer a PING.</summary>
    Pong = 1,

    /// <summary>4: answer with a message now.</summary>
    ChannelMessageWithSource = 4,

    /// <summary>5: show "thinking…" and edit the original response later.</summary>
    DeferredChannelMessageWithSource = 5,

    /// <summary>6: components only; acknowledge silently.</summary>
    DeferredUpdateMessage = 6,

    /// <summary>7: components only; edit the message the component was on.</summary>
    UpdateMessage = 7,

    /// <summary>9: open a form (not after a modal submission).</summary>
    Modal = 9,
}

/// <summary>The body of Create Interaction Response.</summary>
public sealed record InteractionResponse
{
    /// <summary>The callback type.</summary>
    public required InteractionCallbackType Type { get; init; }

    /// <summary>The message, or only <c>flags</c> for a deferred response.</summary>
    public InteractionCallbackData? Data { get; init; }

    /// <summary>A type 5 "thinking…" response, optionally ephemeral.</summary>
    public static InteractionResponse Deferred(bool ephemeral = false) => new()
    {
        Type = InteractionCallbackType.DeferredChannelMessageWithSource,
        Data = ephemeral ? new InteractionCallbackData { Flags = MessageFlags.Ephemeral, AllowedMentions = null } : null,
    };

    /// <summary>A type 6 response to a button: acknowledged, nothing shown; the message is edited later.</summary>
    public static InteractionResponse DeferredUpdate() => new() { Type = InteractionCallbackType.DeferredUpdateMessage };

    /// <summary>A type 7 response to a component: replaces the message it was on (its text and components).</summary>
    public static InteractionResponse UpdateMessage(string content, IReadOnlyList<MessageComponent> components) => new()
    {
        Type = InteractionCallbackType.UpdateMessage,
        Data = new InteractionCallbackData { Content = content, Components = components },
    };

    /// <summary>A type 9 response: a form with a title (at most 45 characters) and up to five rows of text inputs.</summary>
    public static InteractionResponse Modal(string customId, string title, IReadOnlyList<MessageComponent> rows) => new()
    {
        Type = InteractionCallbackType.Modal,
        Data = new InteractionCallbackData { CustomId = customId, Title = title, Components = rows, AllowedMentions = null },
    };

    /// <summary>A type 4 message response with no mentions allowed.</summary>
    public static InteractionResponse Message(string content, MessageFlags? flags = null) => new()
    {
        Type = InteractionCallbackType.ChannelMessageWithSource,
        Data = new InteractionCallbackData { Content = content, Flags = flags },
    };
}

/// <summary>The message part of an interaction response.</summary>
public sealed record InteractionCallbackData
{
    /// <summary>Text, at most 2000 characters.</summary>
    public string? Content { get; init; }

    /// <summary>At most 10 embeds.</summary>
    public IReadOnlyList<Embed>? Embeds { get; init; }

    /// <summary>Which mentions may ping; defaults to none.</summary>
    public AllowedMentions? AllowedMentions { get; init; } = AllowedMentions.None;

    /// <summary>Flags; 64 makes it ephemeral.</summary>
    public MessageFlags? Flags { get; init; }

    /// <summary>Components.</summary>
    public IReadOnlyList<MessageComponent>? Components { get; init; }

    /// <summary>A modal's custom id.</summary>
    public string? CustomId { get; init; }

    /// <summary>A modal's title.</summary>
    public string? Title { get; init; }
}
