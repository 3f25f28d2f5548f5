using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using QaBot.Discord.Serialization;

namespace QaBot.Discord.Gateway;

/// <summary>Turns one dispatch's <c>d</c> into a typed <see cref="GatewayEvent"/>.</summary>
internal interface IGatewayDispatchHandler
{
    /// <summary>The dispatch name (<c>t</c>) this handler reads.</summary>
    string EventName { get; }

    /// <summary>Builds the event.</summary>
    /// <exception cref="JsonException">The payload does not match the event's shape.</exception>
    GatewayEvent Create(JsonElement? data);
}

/// <summary>A handler that deserializes <c>d</c> as <typeparamref name="T"/> and wraps it.</summary>
internal sealed class GatewayDispatchHandler<T>(string eventName, JsonTypeInfo<T> typeInfo, Func<T, GatewayEvent> wrap)
    : IGatewayDispatchHandler
{
    public string EventName => eventName;

    public GatewayEvent Create(JsonElement? data)
    {
        var value = data is { ValueKind: JsonValueKind.Object } element
            ? element.Deserialize(typeInfo)
            : default;
        return value is null
            ? throw new JsonException($"{eventName} has no object payload.")
            : wrap(value);
    }
}

/// <summary>A handler for a dispatch that carries nothing the app needs.</summary>
internal sealed class EmptyDispatchHandler(string eventName, GatewayEvent instance) : IGatewayDispatchHandler
{
    public string EventName => eventName;

    public GatewayEvent Create(JsonElement? data) => instance;
}

/// <summary>One handler per dispatch name; names not in the table are ignored.</summary>
internal sealed class GatewayDispatchTable
{
    private readonly Dictionary<string, IGatewayDispatchHandler> _handlers;

    public GatewayDispatchTable(IEnumerable<IGatewayDispatchHandler> handlers)
    {
        _handlers = handlers.ToDictionary(handler => handler.EventName, StringComparer.Ordinal);
    }

    /// <summary>The events the client surfaces.</summary>
    public static GatewayDispatchTable Default { get; } = new(
    [
        new GatewayDispatchHandler<ReadyData>("READY", DiscordJsonContext.Default.ReadyData, ready => new ReadyEvent(ready)),
        new EmptyDispatchHandler("RESUMED", new ResumedEvent()),
        new GatewayDispatchHandler<Models.DiscordMessage>(
            "MESSAGE_CREATE", DiscordJsonContext.Default.DiscordMessage, message => new MessageCreatedEvent(message)),
        new GatewayDispatchHandler<Models.DiscordInteraction>(
            "INTERACTION_CREATE", DiscordJsonContext.Default.DiscordInteraction, interaction => new InteractionCreatedEvent(interaction)),
    ]);

    /// <summary>Builds the event for <paramref name="eventName"/>, or returns <see langword="false"/> for an unhandled name.</summary>
    public bool TryCreate(string eventName, JsonElement? data, out GatewayEvent? gatewayEvent)
    {
        if (_handlers.TryGetValue(eventName, out var handler))
        {
            gatewayEvent = handler.Create(data);
            return true;
        }

        gatewayEvent = null;
        return false;
    }
}
