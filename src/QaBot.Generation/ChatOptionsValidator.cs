using Microsoft.Extensions.Options;

namespace QaBot.Generation;

/// <summary>Checks the combinations the annotations cannot: what each provider needs, and that the endpoint is a URL.</summary>
public sealed class ChatOptionsValidator : IValidateOptions<ChatOptions>
{
    public ValidateOptionsResult Validate(string? name, ChatOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var provider = options.Provider?.Trim().ToLowerInvariant();
        switch (provider)
        {
            case ChatProviders.None:
                break;
            case ChatProviders.OpenAI:
                Require(failures, provider, "Chat:Model", options.Model, "the model name (gpt-4o-mini; llama3.1 on Ollama)");
                if (string.IsNullOrWhiteSpace(options.Endpoint))
                {
                    // Only OpenAI's own service needs a key; local servers (Ollama, vLLM, LM Studio) take none.
                    Require(failures, provider, "Chat:ApiKey", options.ApiKey, "the OpenAI API key (or set Chat:Endpoint to an OpenAI-compatible server)");
                }

                break;
            case ChatProviders.AzureOpenAI:
                Require(failures, provider, "Chat:Endpoint", options.Endpoint, "the Azure OpenAI resource URL (https://NAME.openai.azure.com/)");
                Require(failures, provider, "Chat:Deployment", options.Deployment, "the Azure OpenAI deployment name");
                Require(failures, provider, "Chat:ApiKey", options.ApiKey, "the Azure OpenAI key");
                break;
            default:
                failures.Add($"Chat:Provider: '{options.Provider}' is not a provider; use none, openai or azure-openai.");
                break;
        }

        if (!string.IsNullOrWhiteSpace(options.Endpoint)
            && (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)))
        {
            failures.Add($"Chat:Endpoint: '{options.Endpoint}' is not an http(s) URL; use a base URL such as http://localhost:11434/v1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Require(List<string> failures, string provider, string key, string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            var environment = "QABOT__" + key.Replace(":", "__", StringComparison.Ordinal);
            failures.Add($"{key}: required with Chat:Provider={provider}: {what}. Set it in appsettings.json, as {environment}, or with --config {key}=VALUE.");
        }
    }
}
