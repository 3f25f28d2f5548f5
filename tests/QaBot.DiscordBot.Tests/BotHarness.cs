using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using QaBot.Answering;
using QaBot.Core;
using QaBot.Discord.Gateway;
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
    public BotHarness(
        Dictionary<string, string?>? settings = null,
        IndexStateTracker? indexState = null,
        DirectoryInfo? dataDirectory = null,
        ConversationStore? conversations = null)
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
            services.AddSingleton<IIndexState>(indexState);
        }

        if (conversations is not null)
        {
            services.AddSingleton(conversations);
        }

        services.AddDiscordBot();
        services.Replace(ServiceDescriptor.Singleton<IReconnectStrategy>(FixedReconnectStrategy.Immediate));
        Provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        _bot = Provider.GetServices<IHostedService>().Single();
    }

    public FakeDiscordServer Server { get; } = new();

    /// <summary>The data folder; the feedback file goes here.</summary>
    public DirectoryInfo DataDirectory { get; }

    public string FeedbackPath => Path.Combine(DataDirectory.FullName, "feedback.jsonl");

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
    public Task DispatchButtonAsync(ulong interactionId, string customId, ulong userId = 400, ulong channelId = 700) =>
        Gateway.DispatchAsync("INTERACTION_CREATE", $$"""
            {"id":"{{interactionId}}","application_id":"{{FakeGateway.ApplicationId}}","type":3,"token":"itoken-{{interactionId}}","version":1,
             "channel_id":"{{channelId}}","guild_id":"500","member":{"user":{"id":"{{userId}}","username":"ada"} },
             "data":{"custom_id":"{{customId}}","component_type":2} }
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
