namespace QaBot.Discord.Models;

/// <summary>An application command, as registered with bulk overwrite and as returned.</summary>
public sealed record ApplicationCommand
{
    /// <summary>Set by Discord in responses.</summary>
    public ulong? Id { get; init; }

    /// <summary>Set by Discord in responses.</summary>
    public ulong? ApplicationId { get; init; }

    /// <summary>1–32 lowercase characters.</summary>
    public required string Name { get; init; }

    /// <summary>1–100 characters for CHAT_INPUT; empty for USER and MESSAGE commands.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>1 CHAT_INPUT (default), 2 USER, 3 MESSAGE.</summary>
    public int? Type { get; init; }

    /// <summary>At most 25 options, required ones first.</summary>
    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }

    /// <summary>A permission bit set as a string; "0" means admins only.</summary>
    public string? DefaultMemberPermissions { get; init; }

    /// <summary>Where the command can be used: 0 guild, 1 bot DM, 2 private channel.</summary>
    public IReadOnlyList<int>? Contexts { get; init; }

    /// <summary>0 guild install, 1 user install.</summary>
    public IReadOnlyList<int>? IntegrationTypes { get; init; }
}

/// <summary>An option of an application command.</summary>
public sealed record ApplicationCommandOption
{
    /// <summary>3 STRING, 4 INTEGER, 5 BOOLEAN...</summary>
    public required int Type { get; init; }

    /// <summary>1–32 lowercase characters.</summary>
    public required string Name { get; init; }

    /// <summary>1–100 characters.</summary>
    public required string Description { get; init; }

    /// <summary>Whether the option must be filled in.</summary>
    public bool? Required { get; init; }

    /// <summary>Minimum string length (0–6000).</summary>
    public int? MinLength { get; init; }

    /// <summary>Maximum string length (1–6000).</summary>
    public int? MaxLength { get; init; }

    /// <summary>Sub-options.</summary>
    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }
}
