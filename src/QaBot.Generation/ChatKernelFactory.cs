using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Microsoft.SemanticKernel;
using OpenAI;

namespace QaBot.Generation;

/// <summary>
/// Builds the Semantic Kernel for the configured provider: the OpenAI connector (OpenAI itself, or any
/// OpenAI-compatible server through <see cref="ChatOptions.Endpoint"/>) or the Azure OpenAI connector. The
/// SDK client gets the <see cref="HttpClientName"/> client from <see cref="IHttpClientFactory"/>, whose standard
/// resilience handler (<see cref="ChatResilience"/>) retries and times attempts, with the SDK's own retries off.
/// </summary>
public sealed class ChatKernelFactory(IHttpClientFactory httpClients)
{
    /// <summary>The named HttpClient of the chat model.</summary>
    public const string HttpClientName = "QaBot.Chat";

    /// <summary>Local servers take any key; the SDK insists on one, so this stands in when none is configured.</summary>
    private const string KeyForServersWithoutKeys = "no-key";

    public Kernel Create(ChatOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var httpClient = httpClients.CreateClient(HttpClientName);
        // The kernel gets no logger factory: SK would log the prompt's arguments and every cancelled answer as an
        // error. QaBot logs each call itself (tokens, failures), and the user's text only at Debug.
        var builder = Kernel.CreateBuilder();
        switch (options.Provider)
        {
            case ChatProvider.OpenAI:
                var openAiOptions = Configure(new OpenAIClientOptions(), httpClient);
                if (options.Endpoint is not null)
                {
                    openAiOptions.Endpoint = options.Endpoint;
                }

                var openAi = new OpenAIClient(new ApiKeyCredential(string.IsNullOrWhiteSpace(options.ApiKey) ? KeyForServersWithoutKeys : options.ApiKey), openAiOptions);
                builder.AddOpenAIChatCompletion(options.Model!, openAi);
                break;
            case ChatProvider.AzureOpenAI:
                var azure = new AzureOpenAIClient(options.Endpoint!, new ApiKeyCredential(options.ApiKey!), Configure(new AzureOpenAIClientOptions(), httpClient));
                builder.AddAzureOpenAIChatCompletion(options.Deployment!, azure, modelId: options.Model);
                break;
            default:
                throw new InvalidOperationException("Chat:Provider is none: there is no chat model to build.");
        }

        return builder.Build();
    }

    private static T Configure<T>(T clientOptions, HttpClient httpClient)
        where T : ClientPipelineOptions
    {
        clientOptions.Transport = new HttpClientPipelineTransport(httpClient);
        clientOptions.RetryPolicy = new ClientRetryPolicy(maxRetries: 0);
        clientOptions.NetworkTimeout = Timeout.InfiniteTimeSpan;
        return clientOptions;
    }
}
