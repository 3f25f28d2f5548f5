namespace QaBot.Discord.Models;

/// <summary>A Discord user (the fields a bot needs).</summary>
public sealed record DiscordUser
{
    /// <summary>The user's snowflake.</summary>
    public required ulong Id { get; init; }

    /// <summary>The unique username.</summary>
    public string Username { get; init; } = string.Empty;

    /// <summary>The display name, if set.</summary>
    public string? GlobalName { get; init; }

    /// <summary>Whether the user is a bot; messages from bots are to be ignored.</summary>
    public bool? Bot { get; init; }
}

/// <summary>A partial guild member, as attached to messages and interactions.</summary>
public sealed record GuildMember
{
    /// <summary>The user; present on interactions.</summary>
    public DiscordUser? User { get; init; }

    /// <summary>The guild nickname.</summary>
    public string? Nick { get; init; }

    /// <summary>The member's role ids (always sent with interactions).</summary>
    public IReadOnlyList<ulong> Roles { get; init; } = [];
}
