using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using QaBot.Discord.Serialization;

namespace QaBot.Discord.Gateway;

/// <summary>What a connection needs to know about the bot.</summary>
internal sealed record GatewayIdentity(string Token, GatewayIntents Intents);

/// <summary>
/// One Gateway connection from open to close: Hello, heartbeats, Identify or Resume, dispatches. Everything it starts
/// is bound to a per-connection token and ends with it. The client decides what happens after.
/// </summary>
internal sealed class GatewayConnection : IDisposable
{
    private static readonly ConnectionProperties Properties = new("linux", "QaBot.Discord", "QaBot.Discord");

    private readonly IWebSocketConnection _socket;
    private readonly GatewaySession _session;
    private readonly GatewayIdentity _identity;
    private readonly ChannelWriter<GatewayEvent> _events;
    private readonly GatewayDispatchTable _dispatchTable;
    private readonly Action<GatewayConnectionState> _setState;
    private readonly TimeProvider _timeProvider;
    private readonly Random _random;
    private readonly ILogger _logger;
    private readonly GatewaySender _sender;
    private readonly HeartbeatLoop _heartbeat;
    private readonly Func<PresenceData?> _presence;
    private PresenceData? _identifiedWith;
    private Task? _heartbeatTask;
    private volatile bool _zombie;
    private bool _healthy;

    public GatewayConnection(
        IWebSocketConnection socket,
        GatewaySession session,
        GatewayIdentity identity,
        ChannelWriter<GatewayEvent> events,
        GatewayDispatchTable dispatchTable,
        Action<GatewayConnectionState> setState,
        TimeProvider timeProvider,
        Random random,
        ILogger logger,
        Func<PresenceData?>? presence = null)
    {
        _presence = presence ?? (() => null);
        _socket = socket;
        _session = session;
        _identity = identity;
        _events = events;
        _dispatchTable = dispatchTable;
        _setState = setState;
        _timeProvider = timeProvider;
        _random = random;
        _logger = logger;
        _sender = new GatewaySender(socket, new GatewaySendLimiter(timeProvider));
        _heartbeat = new HeartbeatLoop(timeProvider, SendHeartbeatAsync);
    }

    /// <summary>Runs the connection until it ends; throws <see cref="OperationCanceledException"/> when the app stops.</summary>
    public async Task<GatewayConnectionOutcome> RunAsync(Uri uri, bool resume, CancellationToken stoppingToken)
    {
        using var connectionCts = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        try
        {
            try
            {
                await _socket.ConnectAsync(uri, connectionCts.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or HttpRequestException && !stoppingToken.IsCancellationRequested)
            {
                Log.ConnectFailed(_logger, ex);
                return new GatewayConnectionOutcome(GatewayReconnectAction.Resume, WasHealthy: false)
                {
                    Reason = "could not connect: " + ex.GetBaseException().Message,
                };
            }

            return await ReceiveUntilClosedAsync(resume, connectionCts).ConfigureAwait(false);
        }
        catch (WebSocketException ex) when (!stoppingToken.IsCancellationRequested)
        {
            Log.ConnectionDropped(_logger, ex);
            return new GatewayConnectionOutcome(GatewayReconnectAction.Resume, _healthy)
            {
                Reason = _zombie ? "no heartbeat ACK since the previous beat" : "the connection dropped: " + ex.GetBaseException().Message,
            };
        }
        catch (OperationCanceledException) when (_zombie && !stoppingToken.IsCancellationRequested)
        {
            return new GatewayConnectionOutcome(GatewayReconnectAction.Resume, _healthy) { Reason = "no heartbeat ACK since the previous beat" };
        }
        finally
        {
            if (stoppingToken.IsCancellationRequested)
            {
                // Closing with 1000 ends the session, so the bot goes offline at once instead of timing out.
                await _sender.CloseAsync(1000, "shutting down", CancellationToken.None).ConfigureAwait(false);
            }

            await connectionCts.CancelAsync().ConfigureAwait(false);
            await StopHeartbeatAsync().ConfigureAwait(false);
        }
    }

    private async Task<GatewayConnectionOutcome> ReceiveUntilClosedAsync(bool resume, CancellationTokenSource connectionCts)
    {
        var token = connectionCts.Token;
        while (true)
        {
            var message = await _socket.ReceiveAsync(token).ConfigureAwait(false);
            if (message.IsClose)
            {
                return OnClosed(message.CloseCode!.Value, message.CloseReason);
            }

            GatewayPayload? payload;
            try
            {
                payload = JsonSerializer.Deserialize(message.Payload.Span, DiscordJsonContext.Default.GatewayPayload);
            }
            catch (JsonException ex)
            {
                Log.MalformedFrame(_logger, ex);
                continue;
            }

            if (payload is null)
            {
                continue;
            }

            var outcome = await HandleAsync(payload, resume, connectionCts).ConfigureAwait(false);
            if (outcome is not null)
            {
                return outcome;
            }
        }
    }

    private async Task<GatewayConnectionOutcome?> HandleAsync(GatewayPayload payload, bool resume, CancellationTokenSource connectionCts)
    {
        var token = connectionCts.Token;
        switch ((GatewayOpCode)payload.Op)
        {
            case GatewayOpCode.Dispatch:
                await DispatchAsync(payload, token).ConfigureAwait(false);
                return null;
            case GatewayOpCode.Hello:
                await OnHelloAsync(payload, resume, connectionCts).ConfigureAwait(false);
                return null;
            case GatewayOpCode.HeartbeatAck:
                _heartbeat.OnAck();
                return null;
            case GatewayOpCode.Heartbeat:
                await SendHeartbeatAsync(token).ConfigureAwait(false);
                return null;
            case GatewayOpCode.Reconnect:
                Log.ReconnectRequested(_logger);
                await _sender.CloseAsync((int)GatewayCloseCode.UnknownError, "reconnect requested", token).ConfigureAwait(false);
                return new GatewayConnectionOutcome(GatewayReconnectAction.Resume, _healthy) { Reason = "Discord asked for a reconnect (op 7)", Requested = true };
            case GatewayOpCode.InvalidSession:
                return await OnInvalidSessionAsync(payload, token).ConfigureAwait(false);
            default:
                Log.UnknownOpCode(_logger, payload.Op);
                return null;
        }
    }

    private async Task OnHelloAsync(GatewayPayload payload, bool resume, CancellationTokenSource connectionCts)
    {
        var hello = payload.D?.Deserialize(DiscordJsonContext.Default.HelloData);
        if (hello is null || hello.HeartbeatInterval <= 0)
        {
            throw new WebSocketException("The Gateway sent a Hello without a heartbeat interval.");
        }

        Log.GatewayHello(_logger, hello.HeartbeatInterval);
        _heartbeatTask ??= WatchHeartbeatAsync(TimeSpan.FromMilliseconds(hello.HeartbeatInterval), connectionCts);

        if (resume)
        {
            _setState(GatewayConnectionState.Resuming);
            var command = new GatewayCommand<ResumeData>(
                (int)GatewayOpCode.Resume,
                new ResumeData { Token = _identity.Token, SessionId = _session.SessionId!, Seq = _session.Sequence });
            await _sender.SendAsync(command, DiscordJsonContext.Default.GatewayCommandResumeData, GatewaySendPriority.Normal, connectionCts.Token)
                .ConfigureAwait(false);
        }
        else
        {
            _setState(GatewayConnectionState.Identifying);
            var command = new GatewayCommand<IdentifyData>(
                (int)GatewayOpCode.Identify,
                new IdentifyData { Token = _identity.Token, Intents = (int)_identity.Intents, Properties = Properties, Presence = _identifiedWith = _presence() });
            await _sender.SendAsync(command, DiscordJsonContext.Default.GatewayCommandIdentifyData, GatewaySendPriority.Normal, connectionCts.Token)
                .ConfigureAwait(false);
        }
    }

    private async Task<GatewayConnectionOutcome> OnInvalidSessionAsync(GatewayPayload payload, CancellationToken token)
    {
        var resumable = payload.D is { ValueKind: JsonValueKind.True };
        Log.InvalidSession(_logger, resumable);
        await _sender.CloseAsync((int)GatewayCloseCode.UnknownError, "invalid session", token).ConfigureAwait(false);
        if (resumable)
        {
            return new GatewayConnectionOutcome(GatewayReconnectAction.Resume, _healthy) { Reason = "Discord invalidated the session (op 9, resumable)", Requested = true };
        }

        // The docs give no wait; older revisions suggested 1–5 s at random before identifying again.
        _session.Reset();
        var wait = TimeSpan.FromSeconds(1) + (TimeSpan.FromSeconds(4) * _random.NextDouble());
        return new GatewayConnectionOutcome(GatewayReconnectAction.Identify, _healthy, wait) { Reason = "Discord invalidated the session (op 9)" };
    }

    private async Task DispatchAsync(GatewayPayload payload, CancellationToken token)
    {
        if (payload.S is { } sequence && !_session.TryAdvance(sequence))
        {
            Log.DuplicateDispatch(_logger, sequence);
            return;
        }

        if (payload.T is not { } eventName)
        {
            return;
        }

        GatewayEvent? gatewayEvent;
        try
        {
            if (!_dispatchTable.TryCreate(eventName, payload.D, out gatewayEvent) || gatewayEvent is null)
            {
                return;
            }

            if (gatewayEvent is ReadyEvent ready)
            {
                if (!Uri.TryCreate(ready.Ready.ResumeGatewayUrl, UriKind.Absolute, out var resumeUrl))
                {
                    throw new JsonException("READY has no valid resume_gateway_url.");
                }

                _session.Start(ready.Ready.SessionId, resumeUrl);
                Log.GatewayReady(_logger, ready.Ready.User.Id, ready.Ready.Application.Id);
            }
        }
        catch (JsonException ex)
        {
            Log.MalformedDispatch(_logger, eventName, payload.S, ex);
            return;
        }

        if (gatewayEvent is ReadyEvent or ResumedEvent)
        {
            if (gatewayEvent is ResumedEvent)
            {
                Log.GatewayResumed(_logger);
            }

            _healthy = true;
            _setState(GatewayConnectionState.Connected);
            if (_presence() is { } presence && !ReferenceEquals(presence, _identifiedWith))
            {
                // Set while the session was not up (or while the connection was down, for a resume): send it now.
                await TrySendPresenceAsync(presence, token).ConfigureAwait(false);
            }
        }

        if (!_events.TryWrite(gatewayEvent))
        {
            // The app is behind: wait for room without mistaking the unread ACKs for a dead connection.
            _heartbeat.SetReceivePaused(true);
            Log.EventQueueFull(_logger);
            try
            {
                await _events.WriteAsync(gatewayEvent, token).ConfigureAwait(false);
            }
            finally
            {
                _heartbeat.SetReceivePaused(false);
            }
        }
    }

    private GatewayConnectionOutcome OnClosed(int closeCode, string? reason)
    {
        var action = GatewayCloseCodePolicy.Decide(closeCode);
        Log.GatewayClosed(_logger, closeCode, reason, action);
        if (action == GatewayReconnectAction.Identify)
        {
            _session.Reset();
        }

        var text = string.IsNullOrWhiteSpace(reason) ? string.Empty : $": {reason}";
        return new GatewayConnectionOutcome(action, _healthy, CloseCode: closeCode) { Reason = $"Discord closed the connection with {closeCode}{text}" };
    }

    /// <summary>
    /// Sends op 3 once the session is up (before that, Identify carries the presence). A connection that is going
    /// away drops it: the next Identify or Resume sends the current one.
    /// </summary>
    public async Task TrySendPresenceAsync(PresenceData presence, CancellationToken cancellationToken)
    {
        if (!_healthy)
        {
            return;
        }

        try
        {
            await _sender.SendAsync(
                new GatewayCommand<PresenceData>((int)GatewayOpCode.PresenceUpdate, presence),
                DiscordJsonContext.Default.GatewayCommandPresenceData,
                GatewaySendPriority.Normal,
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            Log.PresenceDropped(_logger);
        }
    }

    private Task SendHeartbeatAsync(CancellationToken token) =>
        _sender.SendAsync(
            new GatewayCommand<long?>((int)GatewayOpCode.Heartbeat, _session.Sequence),
            DiscordJsonContext.Default.GatewayCommandNullableInt64,
            GatewaySendPriority.Heartbeat,
            token);

    private async Task WatchHeartbeatAsync(TimeSpan interval, CancellationTokenSource connectionCts)
    {
        await _heartbeat.RunUntilZombieAsync(interval, _random.NextDouble(), connectionCts.Token).ConfigureAwait(false);
        Log.HeartbeatAckMissed(_logger);
        _zombie = true;

        // A close code other than 1000/1001 keeps the session resumable.
        await _sender.CloseAsync((int)GatewayCloseCode.UnknownError, "heartbeat ACK missed", connectionCts.Token).ConfigureAwait(false);
        await connectionCts.CancelAsync().ConfigureAwait(false);
    }

    public void Dispose() => _sender.Dispose();

    private async Task StopHeartbeatAsync()
    {
        if (_heartbeatTask is null)
        {
            return;
        }

        try
        {
            await _heartbeatTask.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The connection is over; its heartbeat loop ends with it.
        }
    }
}
