using Microsoft.Extensions.Options;

namespace QaBot.Generation;

/// <summary>
/// Checks what each provider needs, which spans keys (the annotations on <see cref="ChatOptions"/> check each key
/// alone, see <see cref="ChatOptionsAnnotations"/>). Every failure starts with the key to set.
/// </summary>
public sealed class ChatOptionsValidator : IValidateOptions<ChatOptions>
{
    public ValidateOptionsResult Validate(string? name, ChatOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        switch (options.Provider)
        {
            case ChatProvider.OpenAI:
                Require(failures, "openai", "Chat:Model", options.Model, "the model name (gpt-4o-mini; llama3.1 on Ollama)");
                if (options.Endpoint is null)
                {
                    // Only OpenAI's own service needs a key; local servers (Ollama, vLLM, LM Studio) take none.
                    Require(failures, "openai", "Chat:ApiKey", options.ApiKey, "the OpenAI API key (or set Chat:Endpoint to an OpenAI-compatible server)");
                }

                break;
            case ChatProvider.AzureOpenAI:
                Require(failures, "azure-openai", "Chat:Endpoint", options.Endpoint?.ToString(), "the Azure OpenAI resource URL (https://NAME.openai.azure.com/)");
                Require(failures, "azure-openai", "Chat:Deployment", options.Deployment, "the Azure OpenAI deployment name");
                Require(failures, "azure-openai", "Chat:ApiKey", options.ApiKey, "the Azure OpenAI key");
                break;
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Require(List<string> failures, string provider, string key, string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{key}: required with Chat:Provider={provider}: {what}.");
        }
    }
}
