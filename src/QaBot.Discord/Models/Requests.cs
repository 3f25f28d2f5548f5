namespace QaBot.Discord.Models;

/// <summary>The body of Create Message, and of interaction follow-ups.</summary>
public sealed record CreateMessageRequest
{
    /// <summary>Text, at most 2000 characters.</summary>
    public string? Content { get; init; }

    /// <summary>At most 10 embeds.</summary>
    public IReadOnlyList<Embed>? Embeds { get; init; }

    /// <summary>Which mentions may ping; defaults to none so echoed text never pings.</summary>
    public AllowedMentions? AllowedMentions { get; init; } = AllowedMentions.None;

    /// <summary>The message replied to.</summary>
    public MessageReference? MessageReference { get; init; }

    /// <summary>Action rows of buttons.</summary>
    public IReadOnlyList<MessageComponent>? Components { get; init; }

    /// <summary>SuppressEmbeds, SuppressNotifications, or Ephemeral (follow-ups only).</summary>
    public MessageFlags? Flags { get; init; }

    /// <summary>At most 25 characters; with <see cref="EnforceNonce"/> a retry returns the existing message.</summary>
    public string? Nonce { get; init; }

    /// <summary>Makes <see cref="Nonce"/> an idempotency key.</summary>
    public bool? EnforceNonce { get; init; }
}

/// <summary>The body of Edit Message and Edit Original Interaction Response.</summary>
public sealed record EditMessageRequest
{
    /// <summary>New text, at most 2000 characters.</summary>
    public string? Content { get; init; }

    /// <summary>New embeds.</summary>
    public IReadOnlyList<Embed>? Embeds { get; init; }

    /// <summary>Which mentions may ping; defaults to none.</summary>
    public AllowedMentions? AllowedMentions { get; init; } = AllowedMentions.None;

    /// <summary>New components.</summary>
    public IReadOnlyList<MessageComponent>? Components { get; init; }

    /// <summary>New flags.</summary>
    public MessageFlags? Flags { get; init; }
}

/// <summary>The body of Start Thread from Message.</summary>
public sealed record StartThreadRequest
{
    /// <summary>1–100 characters.</summary>
    public required string Name { get; init; }

    /// <summary>Minutes of inactivity before archiving: 60, 1440, 4320 or 10080.</summary>
    public int? AutoArchiveDuration { get; init; }

    /// <summary>Slow-mode seconds.</summary>
    public int? RateLimitPerUser { get; init; }
}

/// <summary>A channel or thread (the fields a bot needs).</summary>
public sealed record DiscordChannel
{
    /// <summary>The channel's snowflake (for a thread started from a message, the message id).</summary>
    public required ulong Id { get; init; }

    /// <summary>The channel type: 0 text, 1 DM, 11 public thread, 12 private thread.</summary>
    public int Type { get; init; }

    /// <summary>The guild.</summary>
    public ulong? GuildId { get; init; }

    /// <summary>The parent channel of a thread.</summary>
    public ulong? ParentId { get; init; }

    /// <summary>The name.</summary>
    public string? Name { get; init; }
}

/// <summary>The answer of <c>GET /gateway/bot</c>.</summary>
public sealed record GatewayBotInfo
{
    /// <summary>The Gateway URL to cache and connect to.</summary>
    public required string Url { get; init; }

    /// <summary>The recommended shard count.</summary>
    public int Shards { get; init; } = 1;

    /// <summary>The Identify quota.</summary>
    public SessionStartLimit? SessionStartLimit { get; init; }
}

/// <summary>How many Identify calls remain and when the quota resets.</summary>
public sealed record SessionStartLimit
{
    /// <summary>Identify calls allowed per period.</summary>
    public int Total { get; init; }

    /// <summary>Identify calls left.</summary>
    public int Remaining { get; init; }

    /// <summary>Milliseconds until the quota resets.</summary>
    public long ResetAfter { get; init; }

    /// <summary>Identify calls allowed per 5 s.</summary>
    public int MaxConcurrency { get; init; } = 1;
}
