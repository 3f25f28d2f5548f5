using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using QaBot.Core;
using QaBot.Core.Configuration;
using QaBot.Discord;
using QaBot.Evaluation.Feedback;

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
        // A host that builds the index registers its own tracker first; without one the index is taken as ready.
        services.TryAddSingleton<IIndexState>(new IndexStateTracker(IndexState.Ready));
        services.TryAddSingleton<IndexReadinessGate>();
        services.TryAddSingleton<PresenceUpdater>();
        services.TryAddSingleton<DiscordBotStatus>();
        services.TryAddSingleton<BotState>();
        services.TryAddSingleton<QuestionQueue>();
        services.TryAddSingleton<QuestionRateLimits>();
        services.TryAddSingleton<RefusalReplies>();
        services.TryAddSingleton(provider =>
            new BotStateStore(provider.GetRequiredService<IOptions<DataOptions>>().Value.Path));
        services.TryAddSingleton<ActiveAnswers>();
        services.AddOptions<DataOptions>().BindConfiguration(DataOptions.SectionName);
        services.TryAddSingleton(provider =>
        {
            // A relative feedback file lives in the data folder, next to the index.
            var file = provider.GetRequiredService<IOptions<DiscordBotOptions>>().Value.FeedbackFile;
            var data = provider.GetRequiredService<IOptions<DataOptions>>().Value.Path;
            return new FeedbackLog(Path.Combine(data, file));
        });
        services.TryAddSingleton<VoteRecorder>();
        services.TryAddSingleton<EventRouter>();
        services.TryAddSingleton<QuestionAnswerer>();
        services.AddHostedService<DiscordBotService>();
        return services;
    }
}
