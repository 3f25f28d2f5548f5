using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace QaBot.Qdrant.Rest;

/// <summary>
/// Sends one Qdrant call: the API key header, a per-call timeout, retries with exponential backoff for
/// transient failures (no connection, 408, 429, 5xx; Retry-After honoured), and errors turned into
/// exceptions whose message says what to fix. Delays and timeouts run on the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed partial class QdrantTransport(HttpClient http, QdrantOptions options, TimeProvider timeProvider, ILogger logger)
{
    private const int MaxErrorTextLength = 300;
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    /// <summary>Sends the call and returns the body of the successful answer; the path is taken relative to the base URL.</summary>
    public async Task<string> SendAsync(QdrantEndpoint endpoint, string pathAndQuery, byte[]? body, CancellationToken cancellationToken)
    {
        string failure;
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan? retryAfter = null;
            using var timeout = new CancellationTokenSource(options.RequestTimeout, timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            HttpStatusCode? status = null;
            try
            {
                using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), pathAndQuery.TrimStart('/'));
                if (body is not null)
                {
                    request.Content = new ByteArrayContent(body);
                    request.Content.Headers.ContentType = Json;
                }

                if (!string.IsNullOrEmpty(options.ApiKey))
                {
                    request.Headers.TryAddWithoutValidation("api-key", options.ApiKey);
                }

                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
                var text = await response.Content.ReadAsStringAsync(linked.Token);
                if (response.IsSuccessStatusCode)
                {
                    return text;
                }

                status = response.StatusCode;
                var reason = ErrorText(text);
                if (!IsTransient(response.StatusCode))
                {
                    throw Permanent(endpoint, response.StatusCode, reason);
                }

                failure = $"{(int)response.StatusCode} {response.StatusCode}: {reason}";
                retryAfter = response.Headers.RetryAfter?.Delta;
            }
            catch (HttpRequestException exception) when (!cancellationToken.IsCancellationRequested)
            {
                failure = exception.InnerException is SocketException socket ? $"{socket.SocketErrorCode}: {exception.Message}" : exception.Message;
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                failure = $"no answer within {options.RequestTimeout.TotalSeconds:0.#} s (Qdrant:RequestTimeout)";
            }

            if (attempt >= options.MaxAttempts)
            {
                throw new QdrantUnavailableException(
                    $"Qdrant at {options.Url} could not {endpoint.Description} after {attempt} attempt(s): {failure}. " +
                    "Check that the server runs (docker compose up -d qdrant) and that Qdrant:Url points at it.",
                    status,
                    null);
            }

            var delay = retryAfter ?? Backoff(attempt);
            LogRetrying(endpoint.Description, attempt, options.MaxAttempts, failure, delay.TotalMilliseconds);
            await Task.Delay(delay, timeProvider, cancellationToken);
        }
    }

    /// <summary>Sends a JSON body and returns the envelope's <c>result</c>.</summary>
    public async Task<T> SendJsonAsync<T>(QdrantEndpoint endpoint, string pathAndQuery, byte[]? body, CancellationToken cancellationToken)
    {
        var text = await SendAsync(endpoint, pathAndQuery, body, cancellationToken);
        QdrantEnvelope<T>? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<QdrantEnvelope<T>>(text, QdrantJson.Options);
        }
        catch (JsonException exception)
        {
            throw new QdrantException($"Qdrant at {options.Url} answered '{endpoint.Description}' with a body that is not the expected JSON: {exception.Message}", null, exception);
        }

        if (envelope is null || envelope.Status.ValueKind != JsonValueKind.String || envelope.Result is null)
        {
            throw new QdrantException($"Qdrant at {options.Url} answered '{endpoint.Description}' without a result: {Truncate(text)}");
        }

        return envelope.Result;
    }

    /// <summary>Backoff before retry n (1-based): base × 2^(n−1), capped.</summary>
    internal TimeSpan Backoff(int attempt)
    {
        var factor = Math.Pow(2, Math.Min(attempt - 1, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(options.RetryBaseDelay.Ticks * factor, options.RetryMaxDelay.Ticks));
        return delay;
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500 && status != HttpStatusCode.NotImplemented;

    private QdrantException Permanent(QdrantEndpoint endpoint, HttpStatusCode status, string reason) => status switch
    {
        HttpStatusCode.Unauthorized => new QdrantAuthorizationException(
            $"Qdrant at {options.Url} refused the API key (401 Unauthorized: {reason}). The key in Qdrant:ApiKey is missing or wrong: " +
            "set it (for example as QABOT__Qdrant__ApiKey) to the server's service API key.", status),
        HttpStatusCode.Forbidden => new QdrantAuthorizationException(
            $"Qdrant at {options.Url} did not let the API key {endpoint.Description} (403 Forbidden: {reason}). The key in Qdrant:ApiKey " +
            "is wrong or lacks the rights for this (a read-only key cannot write).", status),
        _ => new QdrantException($"Qdrant at {options.Url} could not {endpoint.Description} ({(int)status} {status}): {reason}", status),
    };

    /// <summary>The error envelope's <c>status.error</c>, or the plain-text body (the auth layer sends text).</summary>
    private static string ErrorText(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("status", out var status)
                && status.ValueKind == JsonValueKind.Object
                && status.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.String)
            {
                return error.GetString()!;
            }
        }
        catch (JsonException)
        {
            // Not JSON: the auth layer and proxies answer in plain text.
        }

        return body.Length == 0 ? "(empty body)" : Truncate(body.Trim());
    }

    private static string Truncate(string text) => text.Length <= MaxErrorTextLength ? text : text[..MaxErrorTextLength] + "…";

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Qdrant: could not {Operation} (attempt {Attempt} of {MaxAttempts}: {Failure}); retrying in {DelayMs} ms")]
    private partial void LogRetrying(string operation, int attempt, int maxAttempts, string failure, double delayMs);
}
