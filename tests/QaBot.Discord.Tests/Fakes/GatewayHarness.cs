using Microsoft.Extensions.Options;
using QaBot.Discord.Gateway;
using QaBot.Testing;
using QaBot.Testing.Discord;

namespace QaBot.Discord.Tests.Fakes;

/// <summary>A <see cref="DiscordGatewayClient"/> wired to an in-memory <see cref="FakeGateway"/> and an <see cref="ObservedTimeProvider"/>.</summary>
internal sealed class GatewayHarness : IAsyncDisposable
{
    public static readonly Uri GatewayUrl = new("wss://gateway.fake.test/");
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(10);
    private readonly CancellationTokenSource _stopping = new();

    public GatewayHarness(double jitter = 0.2, IReconnectStrategy? reconnect = null, Action<DiscordOptions>? configure = null)
    {
        var options = new DiscordOptions { Token = FakeGateway.Token };
        configure?.Invoke(options);
        Client = new DiscordGatewayClient(
            new GatewayUrlOnlyRestClient(GatewayUrl),
            new InMemoryWebSocketFactory(Gateway),
            reconnect ?? FixedReconnectStrategy.Immediate,
            Options.Create(options),
            Time,
            Logs.CreateLogger<DiscordGatewayClient>(),
            new FixedRandom(jitter));
    }

    public FakeGateway Gateway { get; } = new();

    public ObservedTimeProvider Time { get; } = new();

    public LogCapture Logs { get; } = new();

    public DiscordGatewayClient Client { get; }

    public Task Run { get; private set; } = Task.CompletedTask;

    public TimeSpan HeartbeatInterval => TimeSpan.FromMilliseconds(Gateway.HeartbeatIntervalMs);

    public void Start() => Run = Client.RunAsync(_stopping.Token);

    /// <summary>Starts the client and waits for READY.</summary>
    public async Task<ReadyEvent> StartReadyAsync()
    {
        Start();
        return await NextEventAsync<ReadyEvent>();
    }

    public async Task<T> NextEventAsync<T>()
        where T : GatewayEvent
    {
        var gatewayEvent = await Client.Events.ReadAsync().AsTask().WaitAsync(HangGuard);
        return Assert.IsType<T>(gatewayEvent);
    }

    /// <summary>Reads events until <typeparamref name="T"/> arrives, returning the message ids seen on the way.</summary>
    public async Task<List<ulong>> ReadMessagesUntilAsync<T>()
        where T : GatewayEvent
    {
        var ids = new List<ulong>();
        while (true)
        {
            var gatewayEvent = await Client.Events.ReadAsync().AsTask().WaitAsync(HangGuard);
            if (gatewayEvent is MessageCreatedEvent created)
            {
                ids.Add(created.Message.Id);
            }
            else if (gatewayEvent is T)
            {
                return ids;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await Run.WaitAsync(HangGuard);
        }
        catch (DiscordGatewayException)
        {
            // Tests of fatal codes assert on it themselves.
        }

        _stopping.Dispose();
    }
}
