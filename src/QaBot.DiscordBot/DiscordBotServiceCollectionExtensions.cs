using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using QaBot.Core;
using QaBot.Core.Configuration;
using QaBot.Discord;

namespace QaBot.DiscordBot;

/// <summary>Registers the Discord bot front end.</summary>
public static class DiscordBotServiceCollectionExtensions
{
    /// <summary>
    /// Adds the hosted Discord bot and the Discord client it runs on (<see cref="DiscordServiceCollectionExtensions.AddDiscordClient"/>).
    /// Needs an <see cref="IAnswerService"/> and an <see cref="IFeedbackSink"/> (where votes and reviews go) registered
    /// by the caller; uses an <see cref="IChunkIndex"/> when there is one, to check paths a moderator types.
    /// </summary>
    public static IServiceCollection AddDiscordBot(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddDiscordClient();
        services.AddValidatedOptions<DiscordBotOptions, DiscordBotOptionsAnnotations>(DiscordBotOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordBotOptions>, DiscordBotOptionsValidator>());
        // A host that builds the index registers its own tracker first; without one the index is taken as ready.
        services.TryAddSingleton(new IndexStateTracker(IndexState.Ready));
        services.TryAddSingleton<IIndexState>(provider => provider.GetRequiredService<IndexStateTracker>());
        // With an IIngestProgressStore registered, an ingest in another process is followed through the index.
        services.TryAddSingleton(IngestOwner.ForThisProcess());
        services.TryAddSingleton<IngestProgressFollower>();
        services.TryAddSingleton<IndexReadinessGate>();
        services.TryAddSingleton<PresenceUpdater>();
        services.TryAddSingleton<DiscordBotStatus>();
        services.TryAddSingleton<BotState>();
        services.TryAddSingleton<QuestionQueue>();
        services.TryAddSingleton<QuestionRateLimits>();
        services.TryAddSingleton<RefusalReplies>();
        services.TryAddSingleton(provider => new BotStateStore(InDataFolder(provider, options => options.StateFile)));
        services.TryAddSingleton<ActiveAnswers>();
        services.AddDataOptions();
        services.TryAddSingleton<VoteRecorder>();
        services.TryAddSingleton<SourceReviewer>();
        services.TryAddSingleton<EventRouter>();
        services.TryAddSingleton<QuestionAnswerer>();
        services.AddHostedService<DiscordBotService>();
        return services;
    }

    /// <summary>
    /// A file of the bot's options (<c>DiscordBot:FeedbackFile</c>, <c>ReviewedFile</c>, <c>StateFile</c>) as a full
    /// path: a relative one lives in the data folder, next to the index.
    /// </summary>
    public static string InDataFolder(IServiceProvider provider, Func<DiscordBotOptions, string> file)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(file);
        var data = provider.GetRequiredService<IOptions<DataOptions>>().Value.Path;
        return Path.GetFullPath(Path.Combine(data, file(provider.GetRequiredService<IOptions<DiscordBotOptions>>().Value)));
    }
}
