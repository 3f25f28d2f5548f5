using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace QaBot.Testing.Discord;

/// <summary>A frame the client sent, in arrival order: a payload or a close.</summary>
public sealed record ClientFrame(int Connection, JsonNode? Payload, int? CloseCode)
{
    public int? Op => Payload?["op"]?.GetValue<int>();

    public JsonNode? D => Payload?["d"];
}

/// <summary>
/// A Gateway that follows the fact sheet: Hello, heartbeat ACKs, Identify → READY, Resume → replay + RESUMED,
/// op 9 for a session it does not know. It keeps every dispatch of the session so a Resume replays what the
/// client missed, including events dispatched while no client was connected. Faults are injected by the test.
/// </summary>
public sealed class FakeGateway : IDisposable
{
    public const string Token = "fake.Token-Never-Log-Me.abc123";
    public const ulong BotUserId = 100;
    public const ulong ApplicationId = 200;

    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(10);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<(long Sequence, string Json)> _dispatches = [];
    private readonly List<Task> _connectionTasks = [];
    private readonly Channel<ClientFrame> _frames = Channel.CreateUnbounded<ClientFrame>();
    private readonly List<Uri> _connectionUris = [];
    private readonly Channel<Uri> _connected = Channel.CreateUnbounded<Uri>();
    private IFakeGatewaySocket? _live;
    private long _sequence;
    private int _sessions;
    private string? _sessionId;

    public int HeartbeatIntervalMs { get; set; } = 41_250;

    public bool AckHeartbeats { get; set; } = true;

    public bool RefuseConnections { get; set; }

    /// <summary>Replay this many already-seen dispatches again on Resume (a misbehaving server).</summary>
    public int ResumeReplayOverlap { get; set; }

    /// <summary>Close with this code instead of answering Identify.</summary>
    public int? CloseOnIdentify { get; set; }

    public Uri ResumeUrl { get; set; } = new("wss://resume.fake.test/");

    public IReadOnlyList<Uri> ConnectionUris
    {
        get
        {
            lock (_connectionUris)
            {
                return [.. _connectionUris];
            }
        }
    }

    public void Dispose() => _gate.Dispose();

    public void Accept(IFakeGatewaySocket socket, Uri uri)
    {
        int index;
        lock (_connectionUris)
        {
            _connectionUris.Add(uri);
            index = _connectionUris.Count;
        }

        _connected.Writer.TryWrite(uri);
        lock (_connectionTasks)
        {
            _connectionTasks.Add(Task.Run(() => ServeAsync(socket, index)));
        }
    }

    /// <summary>Waits for the next connection and returns its URL.</summary>
    public async Task<Uri> NextConnectionAsync() => await _connected.Reader.ReadAsync().AsTask().WaitAsync(HangGuard);

    /// <summary>Waits for the next client frame matching <paramref name="predicate"/>, skipping others.</summary>
    public async Task<ClientFrame> NextFrameAsync(Func<ClientFrame, bool> predicate)
    {
        using var guard = new CancellationTokenSource(HangGuard);
        while (true)
        {
            var frame = await _frames.Reader.ReadAsync(guard.Token);
            if (predicate(frame))
            {
                return frame;
            }
        }
    }

    public Task<ClientFrame> NextOpAsync(int op) => NextFrameAsync(frame => frame.Op == op);

    public Task<ClientFrame> NextCloseAsync() => NextFrameAsync(frame => frame.CloseCode is not null);

    /// <summary>Dispatches an event: logged for replay, and sent if a session is live. Returns its sequence.</summary>
    public async Task<long> DispatchAsync(string eventName, string dataJson)
    {
        await _gate.WaitAsync();
        try
        {
            return await DispatchLockedAsync(eventName, dataJson);
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task<long> DispatchMessageAsync(ulong messageId, string content = "hello") =>
        DispatchAsync("MESSAGE_CREATE", MessageJson(messageId, content));

    /// <summary>
    /// Asks for a heartbeat (op 1) and waits for it. The client reads frames in order, so once the answer arrives it has
    /// processed everything sent before, such as a Heartbeat ACK.
    /// </summary>
    public async Task SyncAsync()
    {
        await SendRawAsync("""{"op":1,"d":null}""");
        await NextOpAsync(1);
    }

    /// <summary>Sends a raw text frame on the live connection.</summary>
    public Task SendRawAsync(string text) => WithLiveAsync(socket => socket.SendTextAsync(text));

    public Task CloseLiveAsync(int closeCode) => WithLiveAsync(async socket =>
    {
        await socket.CloseAsync(closeCode);
        _live = null;
    });

    public Task DropLiveAsync() => WithLiveAsync(socket =>
    {
        socket.Drop();
        _live = null;
        return Task.CompletedTask;
    });

    public static string MessageJson(ulong messageId, string content, ulong channelId = 300, ulong authorId = 400) =>
        $$"""
        {"id":"{{messageId}}","channel_id":"{{channelId}}","guild_id":"500","author":{"id":"{{authorId}}","username":"ada","global_name":"Ada"},
         "content":{{JsonSerializer.Serialize(content)}},"mentions":[{"id":"{{BotUserId}}","username":"qabot","bot":true}],"type":0,
         "mention_roles":[],"mention_everyone":false,"attachments":[],"embeds":[]}
        """;

    private async Task WithLiveAsync(Func<IFakeGatewaySocket, Task> action)
    {
        await _gate.WaitAsync();
        try
        {
            if (_live is null)
            {
                throw new InvalidOperationException("No live connection.");
            }

            await action(_live);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<long> DispatchLockedAsync(string eventName, string dataJson)
    {
        var sequence = ++_sequence;
        var json = $$"""{"op":0,"s":{{sequence}},"t":"{{eventName}}","d":{{dataJson}}}""";
        _dispatches.Add((sequence, json));
        if (_live is not null)
        {
            await _live.SendTextAsync(json);
        }

        return sequence;
    }

    private async Task ServeAsync(IFakeGatewaySocket socket, int connection)
    {
        await socket.SendTextAsync($$"""{"op":10,"d":{"heartbeat_interval":{{HeartbeatIntervalMs}}},"s":null,"t":null}""");
        while (true)
        {
            var message = await socket.ReceiveAsync(CancellationToken.None);
            if (message is null)
            {
                return;
            }

            if (message.IsClose)
            {
                _frames.Writer.TryWrite(new ClientFrame(connection, null, message.CloseCode));
                return;
            }

            var payload = JsonNode.Parse(Encoding.UTF8.GetString(message.Payload.Span));
            var frame = new ClientFrame(connection, payload, null);
            await _gate.WaitAsync();
            try
            {
                await AnswerAsync(socket, frame);
            }
            finally
            {
                _gate.Release();
            }

            _frames.Writer.TryWrite(frame);
        }
    }

    private async Task AnswerAsync(IFakeGatewaySocket socket, ClientFrame frame)
    {
        switch (frame.Op)
        {
            case 1 when AckHeartbeats:
                await socket.SendTextAsync("""{"op":11,"d":null}""");
                break;
            case 2:
                await IdentifyAsync(socket, frame);
                break;
            case 6:
                await ResumeAsync(socket, frame);
                break;
        }
    }

    private async Task IdentifyAsync(IFakeGatewaySocket socket, ClientFrame frame)
    {
        if (frame.D?["token"]?.GetValue<string>() != Token)
        {
            await socket.CloseAsync(4004);
            return;
        }

        if (CloseOnIdentify is { } code)
        {
            await socket.CloseAsync(code);
            return;
        }

        _sessions++;
        _sessionId = $"session-{_sessions}";
        _sequence = 0;
        _dispatches.Clear();
        _live = socket;
        await DispatchLockedAsync("READY", $$"""
            {"v":10,"user":{"id":"{{BotUserId}}","username":"qabot","bot":true},"guilds":[],"session_id":"{{_sessionId}}",
             "resume_gateway_url":"{{ResumeUrl}}","application":{"id":"{{ApplicationId}}","flags":0} }
            """);
    }

    private async Task ResumeAsync(IFakeGatewaySocket socket, ClientFrame frame)
    {
        var sessionId = frame.D?["session_id"]?.GetValue<string>();
        var seq = frame.D?["seq"]?.GetValue<long>() ?? 0;
        if (frame.D?["token"]?.GetValue<string>() != Token || sessionId != _sessionId || seq > _sequence)
        {
            await socket.SendTextAsync("""{"op":9,"d":false}""");
            return;
        }

        _live = socket;
        foreach (var (sequence, json) in _dispatches.Where(d => d.Sequence > seq - ResumeReplayOverlap))
        {
            await socket.SendTextAsync(json);
        }

        await DispatchLockedAsync("RESUMED", "{}");
    }
}
