using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using QaBot.Discord;

namespace QaBot.DiscordBot;

/// <summary>Registers the Discord bot front end.</summary>
public static class DiscordBotServiceCollectionExtensions
{
    /// <summary>
    /// Adds the hosted Discord bot and the Discord client it runs on (<see cref="DiscordServiceCollectionExtensions.AddDiscordClient"/>).
    /// Needs an <see cref="QaBot.Core.IAnswerService"/> registered by the caller.
    /// </summary>
    public static IServiceCollection AddDiscordBot(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddDiscordClient();
        services.AddOptions<DiscordBotOptions>().BindConfiguration(DiscordBotOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordBotOptions>, DiscordBotOptionsValidator>());
        services.TryAddSingleton<BotState>();
        services.TryAddSingleton<QuestionQueue>();
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<DiscordBotOptions>>().Value;
            return new UserRateLimiter(options.UserRateLimit, options.UserRateLimitWindow, provider.GetRequiredService<TimeProvider>());
        });
        services.TryAddSingleton<EventRouter>();
        services.TryAddSingleton<QuestionAnswerer>();
        services.AddHostedService<DiscordBotService>();
        return services;
    }
}
