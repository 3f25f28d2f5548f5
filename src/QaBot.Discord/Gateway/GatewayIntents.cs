namespace QaBot.Discord.Gateway;

/// <summary>Gateway intents (a bitfield sent with Identify).</summary>
[Flags]
public enum GatewayIntents
{
    /// <summary>No intents.</summary>
    None = 0,

    /// <summary>GUILDS (1 &lt;&lt; 0).</summary>
    Guilds = 1 << 0,

    /// <summary>GUILD_MEMBERS, privileged (1 &lt;&lt; 1).</summary>
    GuildMembers = 1 << 1,

    /// <summary>GUILD_PRESENCES, privileged (1 &lt;&lt; 8).</summary>
    GuildPresences = 1 << 8,

    /// <summary>GUILD_MESSAGES (1 &lt;&lt; 9).</summary>
    GuildMessages = 1 << 9,

    /// <summary>GUILD_MESSAGE_REACTIONS (1 &lt;&lt; 10).</summary>
    GuildMessageReactions = 1 << 10,

    /// <summary>DIRECT_MESSAGES (1 &lt;&lt; 12).</summary>
    DirectMessages = 1 << 12,

    /// <summary>MESSAGE_CONTENT, privileged (1 &lt;&lt; 15). Not needed for mentions, DMs or slash commands.</summary>
    MessageContent = 1 << 15,

    /// <summary>GUILDS + GUILD_MESSAGES + DIRECT_MESSAGES = 4609.</summary>
    Default = Guilds | GuildMessages | DirectMessages,

    /// <summary>Every intent this library knows.</summary>
    All = Guilds | GuildMembers | GuildPresences | GuildMessages | GuildMessageReactions | DirectMessages | MessageContent,
}
