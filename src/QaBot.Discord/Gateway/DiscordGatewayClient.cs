using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaBot.Discord.Rest;

namespace QaBot.Discord.Gateway;

/// <summary>
/// A Gateway v10 client for one shard. <see cref="RunAsync"/> connects, keeps the connection alive (resuming or
/// re-identifying as Discord asks) and writes READY, RESUMED, MESSAGE_CREATE and INTERACTION_CREATE to
/// <see cref="Events"/> until the app stops it or a fatal close code ends it.
/// </summary>
public sealed class DiscordGatewayClient
{
    private readonly IDiscordRestClient _rest;
    private readonly IWebSocketConnectionFactory _sockets;
    private readonly IReconnectStrategy _reconnectStrategy;
    private readonly DiscordOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly Random _random;
    private readonly ILogger<DiscordGatewayClient> _logger;
    private readonly Channel<GatewayEvent> _events;
    private readonly GatewaySession _session = new();
    private int _state;
    private int _started;
    private int _identifyBudget = int.MaxValue;
    private DateTimeOffset _identifyBudgetResetsAt;
    private PresenceData? _presence;
    private GatewayConnection? _connection;

    /// <summary>Creates the client.</summary>
    public DiscordGatewayClient(
        IDiscordRestClient rest,
        IWebSocketConnectionFactory sockets,
        IReconnectStrategy reconnectStrategy,
        IOptions<DiscordOptions> options,
        TimeProvider timeProvider,
        ILogger<DiscordGatewayClient> logger)
        : this(rest, sockets, reconnectStrategy, options, timeProvider, logger, Random.Shared)
    {
    }

    /// <summary>Creates the client with a given jitter source (tests).</summary>
    internal DiscordGatewayClient(
        IDiscordRestClient rest,
        IWebSocketConnectionFactory sockets,
        IReconnectStrategy reconnectStrategy,
        IOptions<DiscordOptions> options,
        TimeProvider timeProvider,
        ILogger<DiscordGatewayClient> logger,
        Random random)
    {
        ArgumentNullException.ThrowIfNull(rest);
        ArgumentNullException.ThrowIfNull(sockets);
        ArgumentNullException.ThrowIfNull(reconnectStrategy);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _rest = rest;
        _sockets = sockets;
        _reconnectStrategy = reconnectStrategy;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        _random = random;
        _events = Channel.CreateBounded<GatewayEvent>(new BoundedChannelOptions(_options.EventQueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleWriter = true,
        });
    }

    /// <summary>
    /// Received events, in order, without duplicates across resumes. Bounded: when the app falls behind, the receive
    /// loop waits. Completes when <see cref="RunAsync"/> ends, with the fatal error if there was one.
    /// </summary>
    public ChannelReader<GatewayEvent> Events => _events.Reader;

    /// <summary>The current connection state.</summary>
    public GatewayConnectionState State => (GatewayConnectionState)Volatile.Read(ref _state);

    /// <summary>Raised on every state change (on the client's own thread; keep handlers short).</summary>
    public event EventHandler<GatewayConnectionState>? StateChanged;

    /// <summary>
    /// Shows <paramref name="text"/> as the bot's custom status: sent now when connected, and with every later
    /// Identify or Resume. Counts against the Gateway send limit, so callers should not change it more than a few
    /// times a minute.
    /// </summary>
    public async Task SetStatusTextAsync(string text, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var presence = PresenceData.CustomStatus(text.Length <= 128 ? text : text[..128]);
        Volatile.Write(ref _presence, presence);
        if (Volatile.Read(ref _connection) is { } connection)
        {
            await connection.TrySendPresenceAsync(presence, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs the client until <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <exception cref="DiscordGatewayException">A fatal close code or a rejected token stopped the client.</exception>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            throw new InvalidOperationException("RunAsync can be called once per client.");
        }

        Exception? failure = null;
        try
        {
            await RunConnectionsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            SetState(GatewayConnectionState.Disconnected);
        }
        catch (Exception ex)
        {
            failure = ex;
            throw;
        }
        finally
        {
            _events.Writer.TryComplete(failure);
        }
    }

    private async Task RunConnectionsAsync(CancellationToken cancellationToken)
    {
        var delays = _reconnectStrategy.GetDelays().GetEnumerator();
        try
        {
            var gatewayUrl = await ResolveGatewayUrlAsync(delays, cancellationToken).ConfigureAwait(false);
            var action = GatewayReconnectAction.Identify;
            while (true)
            {
                var resume = action == GatewayReconnectAction.Resume && _session.CanResume;
                if (!resume)
                {
                    _session.Reset();
                    await WaitForIdentifyQuotaAsync(cancellationToken).ConfigureAwait(false);
                }

                var outcome = await RunConnectionAsync(resume ? _session.ResumeUrl! : gatewayUrl, resume, cancellationToken)
                    .ConfigureAwait(false);
                if (outcome.Action == GatewayReconnectAction.Stop)
                {
                    var reason = GatewayCloseCodePolicy.DescribeFatal(outcome.CloseCode ?? 0);
                    Stop(reason);
                    throw new DiscordGatewayException(reason, outcome.CloseCode ?? 0);
                }

                if (outcome.WasHealthy)
                {
                    delays.Dispose();
                    delays = _reconnectStrategy.GetDelays().GetEnumerator();
                }

                action = outcome.Action;
                var delay = delays.MoveNext() ? delays.Current : TimeSpan.Zero;
                delay = delay > outcome.MinimumDelay ? delay : outcome.MinimumDelay;
                SetState(GatewayConnectionState.WaitingToReconnect);
                LogReconnect(outcome, delay, action);
                await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            delays.Dispose();
        }
    }

    private async Task<GatewayConnectionOutcome> RunConnectionAsync(Uri baseUrl, bool resume, CancellationToken cancellationToken)
    {
        var uri = GatewayUri.WithVersionQuery(baseUrl);
        SetState(GatewayConnectionState.Connecting);
        Log.GatewayConnecting(_logger, uri.Host, resume ? "resume" : "identify");
        if (!resume)
        {
            _identifyBudget--;
        }

        var socket = _sockets.Create();
        await using (socket.ConfigureAwait(false))
        {
            using var connection = new GatewayConnection(
                socket,
                _session,
                new GatewayIdentity(_options.Token, _options.Intents),
                _events.Writer,
                GatewayDispatchTable.Default,
                SetState,
                _timeProvider,
                _random,
                _logger,
                () => Volatile.Read(ref _presence));
            Volatile.Write(ref _connection, connection);
            try
            {
                return await connection.RunAsync(uri, resume, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Volatile.Write(ref _connection, null);
            }
        }
    }

    private async Task<Uri> ResolveGatewayUrlAsync(IEnumerator<TimeSpan> delays, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                var info = await _rest.GetGatewayBotAsync(cancellationToken).ConfigureAwait(false);
                if (info.SessionStartLimit is { } limit)
                {
                    _identifyBudget = limit.Remaining;
                    _identifyBudgetResetsAt = _timeProvider.GetUtcNow() + TimeSpan.FromMilliseconds(limit.ResetAfter);
                }

                if (_options.GatewayUrl is { } configured)
                {
                    return configured;
                }

                return Uri.TryCreate(info.Url, UriKind.Absolute, out var url)
                    ? url
                    : throw new DiscordRestException("GET /gateway/bot returned no valid url.", System.Net.HttpStatusCode.OK, null, "GET /gateway/bot");
            }
            catch (DiscordRestException ex) when (ex.StatusCode == System.Net.HttpStatusCode.Unauthorized)
            {
                const string reason = "Discord rejected the bot token (HTTP 401 on GET /gateway/bot). Check Discord:Token.";
                Stop(reason);
                throw new DiscordGatewayException(reason, ex);
            }
            catch (Exception ex) when (ex is DiscordRestException or HttpRequestException && !cancellationToken.IsCancellationRequested)
            {
                var delay = delays.MoveNext() ? delays.Current : TimeSpan.Zero;
                Log.GatewayUrlUnavailable(_logger, ex.GetBaseException().Message, delay, RetryAt(delay));
                Log.GatewayUrlUnavailableDetails(_logger, ex);
                SetState(GatewayConnectionState.WaitingToReconnect);
                await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task WaitForIdentifyQuotaAsync(CancellationToken cancellationToken)
    {
        if (_identifyBudget > 0)
        {
            return;
        }

        // Going over the quota terminates all sessions and resets the token.
        var wait = _identifyBudgetResetsAt - _timeProvider.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            Log.IdentifyQuotaExhausted(_logger, wait);
            await Task.Delay(wait, _timeProvider, cancellationToken).ConfigureAwait(false);
        }

        _identifyBudget = 1;
    }

    /// <summary>One line per reconnect: why, and when the next attempt is (details of the failure are at Debug).</summary>
    private void LogReconnect(GatewayConnectionOutcome outcome, TimeSpan delay, GatewayReconnectAction action)
    {
        var mode = action == GatewayReconnectAction.Resume ? "resume" : "identify";
        if (outcome.Requested)
        {
            Log.ReconnectRequestedScheduled(_logger, outcome.Reason, delay, RetryAt(delay), mode);
        }
        else
        {
            Log.ReconnectScheduled(_logger, outcome.Reason, delay, RetryAt(delay), mode);
        }
    }

    private string RetryAt(TimeSpan delay) =>
        (_timeProvider.GetUtcNow() + delay).ToString("HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private void Stop(string reason)
    {
        SetState(GatewayConnectionState.Stopped);
        Log.GatewayStopped(_logger, reason);
    }

    private void SetState(GatewayConnectionState state)
    {
        if (Interlocked.Exchange(ref _state, (int)state) != (int)state)
        {
            StateChanged?.Invoke(this, state);
        }
    }
}
