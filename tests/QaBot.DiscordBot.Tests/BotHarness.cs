using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using QaBot.Answering;
using QaBot.Core;
using QaBot.Discord.Gateway;
using QaBot.Evaluation.Feedback;
using QaBot.Testing;
using QaBot.Testing.Discord;

namespace QaBot.DiscordBot.Tests;

/// <summary>The hosted bot from <c>AddDiscordBot</c>, with a fake <see cref="IAnswerService"/>, against a fake Discord on loopback.</summary>
internal sealed class BotHarness : IAsyncDisposable
{
    private readonly IHostedService _bot;
    private readonly bool _ownsDataDirectory;

    /// <param name="indexState">The index state the bot sees; ready when not given.</param>
    /// <param name="dataDirectory">An existing data folder (a restarted bot); kept on dispose. A new temporary one otherwise.</param>
    /// <param name="conversations">The answer service's conversation memory, to see what a restarted bot restores.</param>
    /// <param name="configure">Further registrations (an index to check typed paths against).</param>
    public BotHarness(
        Dictionary<string, string?>? settings = null,
        IndexStateTracker? indexState = null,
        DirectoryInfo? dataDirectory = null,
        ConversationStore? conversations = null,
        Action<IServiceCollection>? configure = null)
    {
        _ownsDataDirectory = dataDirectory is null;
        DataDirectory = dataDirectory ?? Directory.CreateTempSubdirectory("qabot-bot-");
        var configuration = new Dictionary<string, string?>
        {
            ["Discord:Token"] = FakeGateway.Token,
            ["Discord:ApiBaseUrl"] = Server.ApiBaseUrl.ToString(),
            ["Data:Path"] = DataDirectory.FullName,
        };
        foreach (var (key, value) in settings ?? [])
        {
            configuration[key] = value;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build());
        services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<IAnswerService>(Answers);
        if (indexState is not null)
        {
            services.AddSingleton(indexState);
            services.AddSingleton<IIndexState>(indexState);
        }

        if (conversations is not null)
        {
            services.AddSingleton(conversations);
        }

        services.AddSingleton<IFeedbackSink>(new FeedbackFiles(FeedbackPath, ReviewedPath));
        configure?.Invoke(services);
        services.AddDiscordBot();
        services.Replace(ServiceDescriptor.Singleton<IReconnectStrategy>(FixedReconnectStrategy.Immediate));
        Provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        _bot = Provider.GetServices<IHostedService>().Single();
    }

    public FakeDiscordServer Server { get; } = new();

    /// <summary>The data folder; the feedback file goes here.</summary>
    public DirectoryInfo DataDirectory { get; }

    public string FeedbackPath => Path.Combine(DataDirectory.FullName, "feedback.jsonl");

    /// <summary>Where moderators' reviews go (what the Cli wires for DiscordBot:ReviewedFile).</summary>
    public string ReviewedPath => Path.Combine(DataDirectory.FullName, "reviewed.jsonl");

    public FakeGateway Gateway => Server.Gateway;

    public ObservedTimeProvider Time { get; } = new();

    public FakeAnswerService Answers { get; } = new();

    public LogCapture Logs { get; } = new();

    public ServiceProvider Provider { get; }

    /// <summary>Starts the bot and waits until it has registered its commands after READY.</summary>
    public async Task StartAsync()
    {
        await _bot.StartAsync(CancellationToken.None);
        await NextRequestAsync("PUT", "/commands");
    }

    /// <summary>The next REST request whose method matches and whose path ends with <paramref name="pathSuffix"/>.</summary>
    public async Task<RecordedRequest> NextRequestAsync(string method, string pathSuffix)
    {
        while (true)
        {
            var request = await Server.NextRequestAsync();
            if (request.Method == method && request.Path.EndsWith(pathSuffix, StringComparison.Ordinal))
            {
                return request;
            }
        }
    }

    public Task DispatchMentionAsync(ulong messageId, string question, ulong channelId = 300, ulong authorId = 400) =>
        Gateway.DispatchAsync("MESSAGE_CREATE", FakeGateway.MessageJson(messageId, $"<@{FakeGateway.BotUserId}> {question}", channelId, authorId));

    public Task DispatchAskAsync(ulong interactionId, string question, ulong channelId = 300, ulong userId = 400) =>
        Gateway.DispatchAsync("INTERACTION_CREATE", $$"""
            {"id":"{{interactionId}}","application_id":"{{FakeGateway.ApplicationId}}","type":2,"token":"itoken-{{interactionId}}","version":1,
             "channel_id":"{{channelId}}","guild_id":"500","member":{"user":{"id":"{{userId}}","username":"ada"} },
             "data":{"id":"1","name":"ask","type":1,"options":[{"name":"question","type":3,"value":{{System.Text.Json.JsonSerializer.Serialize(question)}} } ]} }
            """);

    /// <summary>A click on a button under an answer: INTERACTION_CREATE type 3 with the button's custom id.</summary>
    public Task DispatchButtonAsync(ulong interactionId, string customId, ulong userId = 400, ulong channelId = 700, ulong[]? roles = null) =>
        DispatchInteractionAsync(interactionId, 3, $$"""{"custom_id":"{{customId}}","component_type":2}""", userId, channelId, roles);

    /// <summary>"Mark source…" on message <paramref name="targetId"/>, with the target in <c>resolved</c> when given.</summary>
    public Task DispatchMarkSourceAsync(ulong interactionId, ulong targetId, ulong[] roles, string? resolvedMessageJson = null, ulong userId = 410) =>
        DispatchInteractionAsync(interactionId, 2, $$"""
            {"id":"2","name":"Mark source…","type":3,"target_id":"{{targetId}}"{{(resolvedMessageJson is null ? "" : $$""","resolved":{"messages":{"{{targetId}}":{{resolvedMessageJson}} } }""")}} }
            """, userId, 700, roles);

    /// <summary>A string select submitted: INTERACTION_CREATE type 3, component type 3, with the chosen values.</summary>
    public Task DispatchSelectAsync(ulong interactionId, string customId, string[] values, ulong[] roles, ulong userId = 410) =>
        DispatchInteractionAsync(interactionId, 3, $$"""
            {"custom_id":"{{customId}}","component_type":3,"values":{{System.Text.Json.JsonSerializer.Serialize(values)}} }
            """, userId, 700, roles);

    /// <summary>A modal submitted: INTERACTION_CREATE type 5 with one text input's value.</summary>
    public Task DispatchModalSubmitAsync(ulong interactionId, string customId, string inputId, string value, ulong[] roles, ulong userId = 410) =>
        DispatchInteractionAsync(interactionId, 5, $$"""
            {"custom_id":"{{customId}}","components":[{"type":1,"components":[{"type":4,"custom_id":"{{inputId}}","value":{{System.Text.Json.JsonSerializer.Serialize(value)}} }]}]}
            """, userId, 700, roles);

    private Task DispatchInteractionAsync(ulong interactionId, int type, string dataJson, ulong userId, ulong channelId, ulong[]? roles) =>
        Gateway.DispatchAsync("INTERACTION_CREATE", $$"""
            {"id":"{{interactionId}}","application_id":"{{FakeGateway.ApplicationId}}","type":{{type}},"token":"itoken-{{interactionId}}","version":1,
             "channel_id":"{{channelId}}","guild_id":"500",
             "member":{"user":{"id":"{{userId}}","username":"ada"},"roles":{{System.Text.Json.JsonSerializer.Serialize((roles ?? []).Select(r => r.ToString(System.Globalization.CultureInfo.InvariantCulture)))}} },
             "data":{{dataJson}} }
            """);

    public async ValueTask DisposeAsync()
    {
        await _bot.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        await Provider.DisposeAsync();
        await Server.DisposeAsync();
        if (_ownsDataDirectory)
        {
            DataDirectory.Delete(recursive: true);
        }
    }
}
