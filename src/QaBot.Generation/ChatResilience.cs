using System.Globalization;
using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace QaBot.Generation;

/// <summary>
/// Sets the standard resilience handler of the chat model's HttpClient from <see cref="ChatOptions"/>: each
/// attempt may wait <see cref="ChatOptions.RequestTimeout"/> for the response to start; 429, 5xx, a lost
/// connection and a timed-out attempt are retried up to <see cref="ChatOptions.MaxRetries"/> times, after the
/// server's Retry-After when it sends one, else after a doubling delay; a Retry-After longer than
/// <see cref="ChatOptions.MaxRetryDelay"/> gives up instead of keeping the user waiting. The pipeline runs on
/// the <see cref="TimeProvider"/> in DI, so tests drive its waits with a fake clock.
/// </summary>
internal static partial class ChatResilience
{
    public static void Apply(HttpStandardResilienceOptions resilience, ChatOptions options, GenerationMetrics metrics, TimeProvider timeProvider, ILogger logger)
    {
        resilience.AttemptTimeout.Timeout = options.RequestTimeout;
        // The whole answer is bounded by Chat:AnswerTimeout in the composer; this only has to let every attempt and wait run.
        resilience.TotalRequestTimeout.Timeout = (options.RequestTimeout + options.MaxRetryDelay) * (options.MaxRetries + 1);
        // The circuit breaker insists on sampling at least two attempt timeouts.
        resilience.CircuitBreaker.SamplingDuration = Max(TimeSpan.FromSeconds(30), 2 * options.RequestTimeout);

        var retry = resilience.Retry;
        // Polly counts at least one retry; with Chat:MaxRetries=0 nothing is handled, so nothing is retried.
        retry.MaxRetryAttempts = Math.Max(1, options.MaxRetries);
        retry.Delay = options.RetryBaseDelay;
        retry.MaxDelay = options.MaxRetryDelay;
        retry.BackoffType = DelayBackoffType.Exponential;
        retry.ShouldHandle = args => ValueTask.FromResult(
            options.MaxRetries > 0
            && HttpClientResiliencePredicates.IsTransient(args.Outcome)
            && !(RetryAfter(args.Outcome.Result, timeProvider) > options.MaxRetryDelay));
        retry.OnRetry = args =>
        {
            var failure = args.Outcome.Result is { } response
                ? ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)
                : args.Outcome.Exception?.GetType().Name ?? "unknown";
            metrics.RecordRetry(failure);
            GenerationTelemetry.RecordRetry(failure, args.RetryDelay, args.AttemptNumber + 1);
            LogRetrying(logger, args.Outcome.Result?.RequestMessage?.RequestUri?.AbsolutePath, failure, args.RetryDelay.TotalMilliseconds, args.AttemptNumber + 1, options.MaxRetries);
            return default;
        };
    }

    /// <summary>The server's Retry-After as a wait (the resilience handler honours it); null when it sent none.</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider timeProvider)
    {
        if (response is null || response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable))
        {
            return null;
        }

        var header = response.Headers.RetryAfter;
        return header?.Delta ?? (header?.Date is { } date ? date - timeProvider.GetUtcNow() : null);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Chat call to {Path} failed with {Failure}; retrying in {DelayMs:0} ms ({Retry} of {MaxRetries})")]
    private static partial void LogRetrying(ILogger logger, string? path, string failure, double delayMs, int retry, int maxRetries);
}
