using System.Text.Json;
using System.Text.Json.Serialization;

namespace QaBot.Discord.Gateway;

/// <summary>Gateway opcodes this client uses.</summary>
internal enum GatewayOpCode
{
    Dispatch = 0,
    Heartbeat = 1,
    Identify = 2,
    PresenceUpdate = 3,
    Resume = 6,
    Reconnect = 7,
    InvalidSession = 9,
    Hello = 10,
    HeartbeatAck = 11,
}

/// <summary>A received frame: <c>{"op", "d", "s", "t"}</c>.</summary>
internal sealed record GatewayPayload
{
    public required int Op { get; init; }

    public JsonElement? D { get; init; }

    public long? S { get; init; }

    public string? T { get; init; }
}

/// <summary>A frame to send. <c>d</c> is always written, as a heartbeat before any dispatch must send <c>"d": null</c>.</summary>
internal sealed record GatewayCommand<T>(int Op, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] T D);

internal sealed record HelloData
{
    public required int HeartbeatInterval { get; init; }
}

internal sealed record IdentifyData
{
    public required string Token { get; init; }

    public required int Intents { get; init; }

    public required ConnectionProperties Properties { get; init; }

    /// <summary>The presence to start with, so a reconnected bot shows its status at once.</summary>
    public PresenceData? Presence { get; init; }

    public override string ToString() => $"Identify (intents {Intents}, token <redacted>)";
}

internal sealed record ConnectionProperties(string Os, string Browser, string Device);

internal sealed record ResumeData
{
    public required string Token { get; init; }

    public required string SessionId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public long? Seq { get; init; }

    public override string ToString() => $"Resume (session {SessionId}, seq {Seq}, token <redacted>)";
}

/// <summary>Op 3 Presence Update (also Identify's <c>presence</c>): a custom status line.</summary>
internal sealed record PresenceData
{
    /// <summary>Custom status activities are type 4; their text is <c>state</c>.</summary>
    public const int CustomActivityType = 4;

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public long? Since { get; init; }

    public required IReadOnlyList<PresenceActivity> Activities { get; init; }

    public string Status { get; init; } = "online";

    public bool Afk { get; init; }

    public static PresenceData CustomStatus(string text) =>
        new() { Activities = [new PresenceActivity("Custom Status", CustomActivityType, text)] };
}

internal sealed record PresenceActivity(string Name, int Type, string State);
