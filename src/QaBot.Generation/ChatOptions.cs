using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Runtime.Serialization;
using Microsoft.Extensions.Options;
using QaBot.Core.Configuration;

namespace QaBot.Generation;

/// <summary>Which chat model writes the answers, and how patiently it is called. Section <c>Chat</c>.</summary>
public sealed class ChatOptions
{
    public const string SectionName = "Chat";

    /// <summary><c>none</c> (extractive answers, no model), <c>openai</c> (OpenAI or any OpenAI-compatible server) or <c>azure-openai</c>.</summary>
    public ChatProvider Provider { get; set; } = ChatProvider.None;

    /// <summary>Base URL: an OpenAI-compatible server (<c>http://localhost:11434/v1</c>) or the Azure OpenAI resource.</summary>
    [HttpUrl]
    public Uri? Endpoint { get; set; }

    /// <summary>The model name (<c>gpt-4o-mini</c>, <c>llama3.1</c>); shown as who answered.</summary>
    public string? Model { get; set; }

    /// <summary>The key; from configuration or <c>QABOT__Chat__ApiKey</c>, never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Azure OpenAI deployment name.</summary>
    public string? Deployment { get; set; }

    /// <summary>Folder of the prompt templates; by default <c>prompts/</c> next to the program.</summary>
    public string? PromptsPath { get; set; }

    /// <summary>How long one HTTP attempt may wait for the response to start.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a whole answer may take, streaming included.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan AnswerTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Retries of a transient failure (429, 5xx, a lost connection, a timeout) before giving up.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>First wait between retries without Retry-After; doubles each time.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait for a retry; a longer Retry-After gives up instead of keeping the user waiting.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Sampling temperature of answers; low keeps them close to the passages.</summary>
    [Range(0.0, 2.0)]
    public double Temperature { get; set; }

    /// <summary>Longest answer, in completion tokens.</summary>
    [Range(16, 32_768)]
    public int MaxAnswerTokens { get; set; } = 800;

    /// <summary>Rewrite each question into the collection's other languages with the model and fuse the results.</summary>
    public bool TranslateQueries { get; set; } = true;

    /// <summary>A sentence whose numbers, dates or names are not in the passages it cites: <c>Mark</c> it as unverified, or <c>Remove</c> it.</summary>
    public Claims.UnverifiedClaimHandling UnverifiedClaims { get; set; } = Claims.UnverifiedClaimHandling.Mark;

    internal bool IsEnabled => Provider != ChatProvider.None;
}

/// <summary>The values of <c>Chat:Provider</c>, as configuration names them (<c>azure-openai</c>).</summary>
[TypeConverter(typeof(ConfigurationEnumConverter<ChatProvider>))]
public enum ChatProvider
{
    /// <summary>No model: extractive answers.</summary>
    None,

    /// <summary>OpenAI, or any OpenAI-compatible server at <see cref="ChatOptions.Endpoint"/>.</summary>
    [EnumMember(Value = "openai")]
    OpenAI,

    /// <summary>Azure OpenAI.</summary>
    [EnumMember(Value = "azure-openai")]
    AzureOpenAI,
}

/// <summary>The data annotations of <see cref="ChatOptions"/>, checked by generated code.</summary>
[OptionsValidator]
public sealed partial class ChatOptionsAnnotations : IValidateOptions<ChatOptions>
{
}
