using System.Net;
using Microsoft.Extensions.Logging;

namespace QaBot.Generation;

/// <summary>
/// Our one retry policy for chat calls (the SDK's own is switched off, so there is exactly one, tested): each
/// attempt may wait <see cref="ChatOptions.RequestTimeout"/> for the response to start; 429, 5xx, a lost
/// connection and a timed-out attempt are retried up to <see cref="ChatOptions.MaxRetries"/> times, after the
/// server's Retry-After when it sends one, otherwise after a doubling delay. Waits run on the injected
/// <see cref="TimeProvider"/>, so tests drive them with a fake clock.
/// </summary>
public sealed partial class ChatRetryHandler(ChatOptions options, TimeProvider timeProvider, ILogger logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var contentHeaders = request.Content?.Headers.ToList();
        for (var attempt = 0; ; attempt++)
        {
            if (body is not null)
            {
                // A request's content can be sent once; every attempt gets a fresh copy.
                request.Content = new ByteArrayContent(body);
                foreach (var header in contentHeaders!)
                {
                    request.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            HttpResponseMessage? response = null;
            Exception? failure = null;
            using (var attemptTimeout = new CancellationTokenSource(options.RequestTimeout, timeProvider))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attemptTimeout.Token))
            {
                try
                {
                    response = await base.SendAsync(request, linked.Token);
                }
                catch (OperationCanceledException) when (attemptTimeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    failure = new TimeoutException($"The chat model did not start answering within {options.RequestTimeout.TotalSeconds:0} s (Chat:RequestTimeout).");
                }
                catch (HttpRequestException exception)
                {
                    failure = exception;
                }
            }

            if (response is not null && !IsTransient(response.StatusCode))
            {
                return response;
            }

            var delay = response is null ? Backoff(attempt) : RetryAfter(response) ?? Backoff(attempt);
            if (attempt >= options.MaxRetries || delay > options.MaxRetryDelay)
            {
                if (response is not null)
                {
                    // The caller sees the provider's last status and turns it into a message.
                    return response;
                }

                throw failure!;
            }

            LogRetrying(request.RequestUri?.AbsolutePath, response is null ? failure!.GetType().Name : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), delay.TotalMilliseconds, attempt + 1, options.MaxRetries);
            response?.Dispose();
            await Task.Delay(delay, timeProvider, cancellationToken);
        }
    }

    private static bool IsTransient(HttpStatusCode status) => status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    private TimeSpan Backoff(int attempt) => options.RetryBaseDelay * Math.Pow(2, attempt);

    /// <summary>Retry-After as seconds or as a date; null when the server sent none.</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Chat call to {Path} failed with {Failure}; retrying in {DelayMs:0} ms ({Retry} of {MaxRetries})")]
    private partial void LogRetrying(string? path, string failure, double delayMs, int retry, int maxRetries);
}
