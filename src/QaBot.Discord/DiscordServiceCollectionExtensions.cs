using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using QaBot.Discord.Gateway;
using QaBot.Discord.Rest;

namespace QaBot.Discord;

/// <summary>Registers the Discord Gateway and REST clients.</summary>
public static class DiscordServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the REST client uses.</summary>
    public const string HttpClientName = "QaBot.Discord";

    /// <summary>
    /// Adds <see cref="DiscordGatewayClient"/>, <see cref="IDiscordRestClient"/> and <see cref="DiscordOptions"/> bound
    /// from the <c>Discord</c> section and validated at start-up.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Optional changes applied after binding (tests point the URLs at a fake here).</param>
    public static IServiceCollection AddDiscordClient(this IServiceCollection services, Action<DiscordOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        var optionsBuilder = services.AddOptions<DiscordOptions>().BindConfiguration(DiscordOptions.SectionName).ValidateOnStart();
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // No HttpClient logging: interaction tokens travel in URL paths. Our own logs name route templates only.
        services.AddHttpClient(HttpClientName, (provider, http) =>
            {
                var options = provider.GetRequiredService<IOptions<DiscordOptions>>().Value;
                // Relative routes need a base ending in '/'. QaBot.Discord references none of QaBot's projects, so
                // this is its own copy of Core's UriExtensions.WithTrailingSlash.
                var baseUrl = options.ApiBaseUrl.ToString();
                http.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
                http.Timeout = options.RestTimeout;
                http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent(options.UserAgentUrl));
            })
            .RemoveAllLoggers();

        services.TryAddSingleton<DiscordRateLimiter>();
        services.TryAddSingleton<DiscordRestClient>();
        services.TryAddSingleton<IDiscordRestClient>(provider => provider.GetRequiredService<DiscordRestClient>());
        services.TryAddSingleton<IWebSocketConnectionFactory, ClientWebSocketConnectionFactory>();
        services.TryAddSingleton<IReconnectStrategy>(ExponentialBackoffReconnectStrategy.Default);
        services.TryAddSingleton<DiscordGatewayClient>();
        return services;
    }

    /// <summary><c>DiscordBot ($url, $version)</c>, as Discord requires; the library name when no URL is configured.</summary>
    internal static string UserAgent(Uri? url)
    {
        var version = typeof(DiscordServiceCollectionExtensions).Assembly.GetName().Version ?? new Version(1, 0);
        return $"DiscordBot ({url?.ToString() ?? "QaBot.Discord"}, {version.Major}.{version.Minor}) QaBot.Discord";
    }
}
