using System.Diagnostics;

namespace QaBot.Generation;

/// <summary>
/// The <c>QaBot.Generation</c> activity source: one span per chat model call ("chat answer", "chat condense",
/// "chat translate") with its token counts, and an event on it for every retry. Listened to by OpenTelemetry
/// when the host exports traces; free when nobody listens.
/// </summary>
public static class GenerationTelemetry
{
    public const string SourceName = "QaBot.Generation";

    public static ActivitySource Source { get; } = new(SourceName);

    /// <summary>A span for one call of a prompt, tagged with the model (OpenTelemetry's gen_ai conventions).</summary>
    public static Activity? StartCall(string prompt, string model)
    {
        var activity = Source.StartActivity("chat " + prompt, ActivityKind.Client);
        activity?.SetTag("gen_ai.operation.name", "chat");
        activity?.SetTag("gen_ai.request.model", model);
        activity?.SetTag("qabot.prompt", prompt);
        return activity;
    }

    public static void RecordUsage(Activity? activity, TokenUsage usage)
    {
        activity?.SetTag("gen_ai.usage.input_tokens", usage.PromptTokens);
        activity?.SetTag("gen_ai.usage.output_tokens", usage.CompletionTokens);
    }

    public static void RecordFailure(Activity? activity, string message) => activity?.SetStatus(ActivityStatusCode.Error, message);

    /// <summary>Notes a retry on the call in progress (the resilience handler runs inside its span).</summary>
    internal static void RecordRetry(string failure, TimeSpan delay, int retry)
    {
        var current = Activity.Current;
        if (current is null || current.Source != Source)
        {
            return;
        }

        current.AddEvent(new ActivityEvent("retry", tags: new ActivityTagsCollection
        {
            ["qabot.retry.failure"] = failure,
            ["qabot.retry.delay_ms"] = delay.TotalMilliseconds,
            ["qabot.retry.attempt"] = retry,
        }));
        current.SetTag("qabot.retries", retry);
    }
}
