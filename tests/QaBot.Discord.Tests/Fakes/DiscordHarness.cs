using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using QaBot.Discord.Gateway;
using QaBot.Discord.Rest;
using QaBot.Testing;
using QaBot.Testing.Discord;

namespace QaBot.Discord.Tests.Fakes;

/// <summary>The library as an app gets it from <c>AddDiscordClient</c>, pointed at a <see cref="FakeDiscordServer"/> on loopback.</summary>
internal sealed class DiscordHarness : IAsyncDisposable
{
    public DiscordHarness(bool realTime = false)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Discord:Token"] = FakeGateway.Token,
                ["Discord:ApiBaseUrl"] = Server.ApiBaseUrl.ToString(),
            })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        if (!realTime)
        {
            services.AddSingleton<TimeProvider>(Time);
        }

        services.AddDiscordClient();
        services.Replace(ServiceDescriptor.Singleton<IReconnectStrategy>(FixedReconnectStrategy.Immediate));
        Provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public FakeDiscordServer Server { get; } = new();

    public ObservedTimeProvider Time { get; } = new();

    public LogCapture Logs { get; } = new();

    public ServiceProvider Provider { get; }

    public IDiscordRestClient Rest => Provider.GetRequiredService<IDiscordRestClient>();

    public DiscordGatewayClient Gateway => Provider.GetRequiredService<DiscordGatewayClient>();

    public async ValueTask DisposeAsync()
    {
        await Provider.DisposeAsync();
        await Server.DisposeAsync();
    }
}
