using QaBot.Discord.Models;

namespace QaBot.Discord.Gateway;

/// <summary>An event the Gateway client hands to the app through <see cref="DiscordGatewayClient.Events"/>.</summary>
public abstract record GatewayEvent;

/// <summary>READY: a new session; carries the bot user and the application id.</summary>
public sealed record ReadyEvent(ReadyData Ready) : GatewayEvent;

/// <summary>RESUMED: the replay after a Resume is complete.</summary>
public sealed record ResumedEvent : GatewayEvent;

/// <summary>MESSAGE_CREATE.</summary>
public sealed record MessageCreatedEvent(DiscordMessage Message) : GatewayEvent;

/// <summary>INTERACTION_CREATE. Answer within 3 s over REST.</summary>
public sealed record InteractionCreatedEvent(DiscordInteraction Interaction) : GatewayEvent;

/// <summary>READY's payload (the fields a bot needs).</summary>
public sealed record ReadyData
{
    /// <summary>The API version.</summary>
    public int V { get; init; }

    /// <summary>The bot user; keep its id for mention checks.</summary>
    public required DiscordUser User { get; init; }

    /// <summary>The session to resume.</summary>
    public required string SessionId { get; init; }

    /// <summary>Where to resume.</summary>
    public required string ResumeGatewayUrl { get; init; }

    /// <summary>The application; its id is needed for commands and interaction webhooks.</summary>
    public required ReadyApplication Application { get; init; }
}

/// <summary>READY's partial application.</summary>
public sealed record ReadyApplication
{
    /// <summary>The application id.</summary>
    public required ulong Id { get; init; }

    /// <summary>Application flags.</summary>
    public long? Flags { get; init; }
}
