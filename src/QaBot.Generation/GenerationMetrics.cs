using System.Diagnostics.Metrics;

namespace QaBot.Generation;

/// <summary>
/// Token counts, calls and retries of the chat model, per prompt ("answer", "condense", "translate"), on the
/// <c>QaBot.Generation</c> meter, for dotnet-counters or an OpenTelemetry exporter.
/// </summary>
public sealed class GenerationMetrics : IDisposable
{
    public const string MeterName = "QaBot.Generation";

    private readonly Counter<long> _promptTokens;
    private readonly Counter<long> _completionTokens;
    private readonly Counter<long> _calls;
    private readonly Counter<long> _retries;

    public GenerationMetrics()
    {
        Meter = new Meter(MeterName);
        _promptTokens = Meter.CreateCounter<long>("qabot.generation.prompt_tokens", "{token}", "Prompt tokens sent to the chat model.");
        _completionTokens = Meter.CreateCounter<long>("qabot.generation.completion_tokens", "{token}", "Completion tokens written by the chat model.");
        _calls = Meter.CreateCounter<long>("qabot.generation.calls", "{call}", "Chat model calls, by prompt and outcome.");
        _retries = Meter.CreateCounter<long>("qabot.generation.retries", "{retry}", "Chat model HTTP attempts retried, by what failed (status code or exception).");
    }

    /// <summary>This instance's meter (one per container, so a test listens to its own).</summary>
    public Meter Meter { get; }

    public void Record(string prompt, TokenUsage usage)
    {
        var tag = new KeyValuePair<string, object?>("prompt", prompt);
        _promptTokens.Add(usage.PromptTokens, tag);
        _completionTokens.Add(usage.CompletionTokens, tag);
        _calls.Add(1, tag, new KeyValuePair<string, object?>("outcome", "ok"));
    }

    public void RecordFailure(string prompt)
        => _calls.Add(1, new KeyValuePair<string, object?>("prompt", prompt), new KeyValuePair<string, object?>("outcome", "failed"));

    public void RecordRetry(string failure) => _retries.Add(1, new KeyValuePair<string, object?>("failure", failure));

    public void Dispose() => Meter.Dispose();
}

/// <summary>Tokens of one or more model calls.</summary>
public readonly record struct TokenUsage(int PromptTokens, int CompletionTokens)
{
    public static TokenUsage operator +(TokenUsage left, TokenUsage right) => new(left.PromptTokens + right.PromptTokens, left.CompletionTokens + right.CompletionTokens);

    public static TokenUsage Add(TokenUsage left, TokenUsage right) => left + right;

    /// <summary>Reads the usage the OpenAI connectors put in a message's metadata ("Usage"); zero when absent.</summary>
    public static TokenUsage From(IReadOnlyDictionary<string, object?>? metadata)
        => metadata is not null && metadata.TryGetValue("Usage", out var value) && value is OpenAI.Chat.ChatTokenUsage usage
            ? new TokenUsage(usage.InputTokenCount, usage.OutputTokenCount)
            : default;
}
