using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaBot.Core;
using QaBot.Core.Configuration;

namespace QaBot.Generation;

public static partial class GenerationServiceCollectionExtensions
{
    /// <summary>
    /// Registers the chat model configured under <c>Chat</c>. With <c>Chat:Provider=none</c> (the default) the
    /// extractive composer keeps answering and questions are searched as asked; otherwise the model answers,
    /// condenses follow-ups and translates questions, offered to the answer service as <see cref="IModelAnswering"/>
    /// (in any order with <c>AddQaBotAnswering</c>).
    /// </summary>
    public static IServiceCollection AddQaBotGeneration(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddValidatedOptions<ChatOptions, ChatOptionsAnnotations>(ChatOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChatOptions>, ChatOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<GenerationMetrics>();
        services.AddSingleton<ChatKernelFactory>();
        AddChatHttpClient(services);
        services.AddSingleton(sp => CreateModel(sp.GetRequiredService<ChatKernelFactory>(), sp.GetRequiredService<IOptions<ChatOptions>>().Value));
        services.AddSingleton(sp => PromptLibrary.Load(PromptsFolder(sp.GetRequiredService<IOptions<ChatOptions>>().Value)));
        services.AddSingleton<Claims.ClaimChecker>();
        services.AddSingleton<ModelAnswerComposer>();
        services.AddSingleton<ModelQuestionRewriter>();
        services.AddSingleton<IModelAnswering, ChatModelAnswering>();
        services.AddHostedService<ChatModelStartup>();
        return services;
    }

    /// <summary>
    /// The chat model's HttpClient: no timeout of its own (the resilience handler times each attempt,
    /// <see cref="ModelAnswerComposer"/> the whole answer) and the standard resilience handler set from <c>Chat</c>.
    /// </summary>
    private static void AddChatHttpClient(IServiceCollection services)
    {
        var resilience = services.AddHttpClient(ChatKernelFactory.HttpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddStandardResilienceHandler();
        services.AddOptions<HttpStandardResilienceOptions>(resilience.PipelineName)
            .Configure<IOptions<ChatOptions>, GenerationMetrics, TimeProvider, ILoggerFactory>((options, chat, metrics, time, logs) =>
            {
                ChatOptions settings;
                try
                {
                    settings = chat.Value;
                }
                catch (OptionsValidationException)
                {
                    // Both sections are validated at start; the Chat section's own failure is the one message the user sees.
                    return;
                }

                ChatResilience.Apply(options, settings, metrics, time, logs.CreateLogger(typeof(ChatResilience).FullName!));
            });
    }

    /// <summary>The prompts folder: <c>Chat:PromptsPath</c> (from the working directory), else <c>prompts/</c> next to the program.</summary>
    public static string PromptsFolder(ChatOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.PromptsPath)
            ? Path.Combine(AppContext.BaseDirectory, "prompts")
            : Path.GetFullPath(options.PromptsPath);
    }

    /// <summary>The chat model's composer and rewriter, built only when the answer service asks for them.</summary>
    private sealed class ChatModelAnswering(IServiceProvider services, IOptions<ChatOptions> options) : IModelAnswering
    {
        public bool IsEnabled => options.Value.IsEnabled;

        public IAnswerComposer Composer => services.GetRequiredService<ModelAnswerComposer>();

        public IQuestionRewriter Rewriter => services.GetRequiredService<ModelQuestionRewriter>();
    }

    private static ChatModel CreateModel(ChatKernelFactory factory, ChatOptions options)
    {
        var model = options.Provider == ChatProvider.AzureOpenAI ? options.Deployment : options.Model;
        return new ChatModel(factory.Create(options), $"{ConfigurationNames.NameOf(options.Provider)}:{model}");
    }

    /// <summary>Loads the prompts and builds the kernel when the host starts, so a bad prompt file stops start-up, not the first question.</summary>
    private sealed partial class ChatModelStartup(IServiceProvider services, IOptions<ChatOptions> options, ILogger<ChatModelStartup> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (options.Value.IsEnabled)
            {
                services.GetRequiredService<PromptLibrary>();
                var model = services.GetRequiredService<ChatModel>();
                var folder = PromptsFolder(options.Value);
                LogReady(model.Name, folder);
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(EventId = 4009, Level = LogLevel.Debug, Message = "Chat model {Model} ready; prompts from {PromptsFolder}")]
        private partial void LogReady(string model, string promptsFolder);
    }
}
