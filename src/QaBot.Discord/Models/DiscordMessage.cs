namespace QaBot.Discord.Models;

/// <summary>A message, as received in MESSAGE_CREATE or returned by REST.</summary>
public sealed record DiscordMessage
{
    /// <summary>The message's snowflake.</summary>
    public required ulong Id { get; init; }

    /// <summary>The channel (or thread) the message is in.</summary>
    public required ulong ChannelId { get; init; }

    /// <summary>The guild; absent in DMs.</summary>
    public ulong? GuildId { get; init; }

    /// <summary>The author.</summary>
    public required DiscordUser Author { get; init; }

    /// <summary>Set for webhook messages.</summary>
    public ulong? WebhookId { get; init; }

    /// <summary>The guild member, in guilds.</summary>
    public GuildMember? Member { get; init; }

    /// <summary>The text; empty without MESSAGE_CONTENT unless an exemption applies.</summary>
    public string Content { get; init; } = string.Empty;

    /// <summary>Users mentioned in the message.</summary>
    public IReadOnlyList<DiscordUser> Mentions { get; init; } = [];

    /// <summary>The message type: 0 default, 19 reply, 20 chat-input command, 21 thread starter.</summary>
    public int Type { get; init; }

    /// <summary>What this message replies to or forwards.</summary>
    public MessageReference? MessageReference { get; init; }

    /// <summary>The replied-to message, when Discord fetched it.</summary>
    public DiscordMessage? ReferencedMessage { get; init; }

    /// <summary>Message flags.</summary>
    public MessageFlags? Flags { get; init; }

    /// <summary>The message's action rows (buttons, selects).</summary>
    public IReadOnlyList<MessageComponent>? Components { get; init; }

    /// <summary>Whether <paramref name="userId"/> is among <see cref="Mentions"/>.</summary>
    public bool IsMentioning(ulong userId) => Mentions.Any(user => user.Id == userId);
}

/// <summary>A reply or forward reference.</summary>
public sealed record MessageReference
{
    /// <summary>0 reply (default), 1 forward.</summary>
    public int? Type { get; init; }

    /// <summary>The referenced message.</summary>
    public ulong? MessageId { get; init; }

    /// <summary>The referenced message's channel.</summary>
    public ulong? ChannelId { get; init; }

    /// <summary>The referenced message's guild.</summary>
    public ulong? GuildId { get; init; }

    /// <summary>Whether a reply to a deleted message fails (Discord's default is true).</summary>
    public bool? FailIfNotExists { get; init; }

    /// <summary>A reply to <paramref name="messageId"/> that still posts if the original was deleted.</summary>
    public static MessageReference ReplyTo(ulong messageId) => new() { MessageId = messageId, FailIfNotExists = false };
}

/// <summary>Message flags that a bot may set or read.</summary>
[Flags]
#pragma warning disable CA1711 // Discord calls the field "flags".
public enum MessageFlags
#pragma warning restore CA1711
{
    /// <summary>No flags.</summary>
    None = 0,

    /// <summary>Do not show link previews (4).</summary>
    SuppressEmbeds = 1 << 2,

    /// <summary>Only the invoking user sees the message (64; interactions only).</summary>
    Ephemeral = 1 << 6,

    /// <summary>Do not notify (4096).</summary>
    SuppressNotifications = 1 << 12,
}

/// <summary>Which mentions in a message may ping. Send <see cref="None"/> when echoing generated or user text.</summary>
public sealed record AllowedMentions
{
    /// <summary>Mention types parsed from content: "users", "roles", "everyone".</summary>
    public IReadOnlyList<string> Parse { get; init; } = [];

    /// <summary>Users that may be pinged explicitly.</summary>
    public IReadOnlyList<ulong>? Users { get; init; }

    /// <summary>Roles that may be pinged explicitly.</summary>
    public IReadOnlyList<ulong>? Roles { get; init; }

    /// <summary>Whether a reply pings its author.</summary>
    public bool? RepliedUser { get; init; }

    /// <summary><c>{"parse":[],"replied_user":false}</c>: nothing pings.</summary>
    public static AllowedMentions None { get; } = new() { RepliedUser = false };
}

/// <summary>An embed (the fields a text bot uses).</summary>
public sealed record Embed
{
    /// <summary>Title, at most 256 characters.</summary>
    public string? Title { get; init; }

    /// <summary>Description, at most 4096 characters.</summary>
    public string? Description { get; init; }

    /// <summary>A link for the title.</summary>
    public string? Url { get; init; }

    /// <summary>The colour as 0xRRGGBB.</summary>
    public int? Color { get; init; }
}

/// <summary>A legacy message component: an action row (type 1) or a button (type 2).</summary>
public sealed record MessageComponent
{
    /// <summary>1 action row, 2 button, 3 string select...</summary>
    public required int Type { get; init; }

    /// <summary>Button style: 1 primary ... 5 link.</summary>
    public int? Style { get; init; }

    /// <summary>Button label, at most 80 characters.</summary>
    public string? Label { get; init; }

    /// <summary>1–100 characters, unique in the message; comes back in the interaction.</summary>
    public string? CustomId { get; init; }

    /// <summary>The link of a link button.</summary>
    public string? Url { get; init; }

    /// <summary>Whether the button is disabled.</summary>
    public bool? Disabled { get; init; }

    /// <summary>Children of an action row.</summary>
    public IReadOnlyList<MessageComponent>? Components { get; init; }

    /// <summary>The choices of a string select (at most 25).</summary>
    public IReadOnlyList<SelectOption>? Options { get; init; }

    /// <summary>A select's or text input's hint while empty.</summary>
    public string? Placeholder { get; init; }

    /// <summary>Fewest choices a select accepts.</summary>
    public int? MinValues { get; init; }

    /// <summary>Most choices a select accepts.</summary>
    public int? MaxValues { get; init; }

    /// <summary>A text input's shortest value.</summary>
    public int? MinLength { get; init; }

    /// <summary>A text input's longest value (at most 4000).</summary>
    public int? MaxLength { get; init; }

    /// <summary>Whether a text input must be filled in.</summary>
    public bool? Required { get; init; }

    /// <summary>A text input's value: pre-filled when sent, what was typed in a modal submission.</summary>
    public string? Value { get; init; }

    /// <summary>An action row holding up to five buttons.</summary>
    public static MessageComponent ActionRow(params IReadOnlyList<MessageComponent> components) =>
        new() { Type = 1, Components = components };

    /// <summary>A non-link button.</summary>
    public static MessageComponent Button(int style, string label, string customId) =>
        new() { Type = 2, Style = style, Label = label, CustomId = customId };

    /// <summary>A string select (type 3); it fills an action row on its own.</summary>
    public static MessageComponent StringSelect(string customId, string placeholder, IReadOnlyList<SelectOption> options, int maxValues) =>
        new() { Type = 3, CustomId = customId, Placeholder = placeholder, Options = options, MinValues = 1, MaxValues = maxValues };

    /// <summary>A required text input (type 4) for a modal, one line (style 1) or several (style 2); the label has at most 45 characters.</summary>
    public static MessageComponent TextInput(string customId, string label, string placeholder, int maxLength, bool paragraph = false) =>
        new() { Type = 4, Style = paragraph ? 2 : 1, CustomId = customId, Label = label, Placeholder = placeholder, MinLength = 1, MaxLength = maxLength, Required = true };
}

/// <summary>A choice of a string select: label and value at most 100 characters, description at most 100.</summary>
public sealed record SelectOption
{
    /// <summary>What the user sees.</summary>
    public required string Label { get; init; }

    /// <summary>What comes back in the interaction's <c>values</c>.</summary>
    public required string Value { get; init; }

    /// <summary>A second line under the label.</summary>
    public string? Description { get; init; }
}
