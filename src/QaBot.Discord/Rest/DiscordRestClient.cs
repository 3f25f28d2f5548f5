using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaBot.Discord.Models;
using QaBot.Discord.Serialization;

namespace QaBot.Discord.Rest;

/// <summary>
/// <see cref="IDiscordRestClient"/> over a named <see cref="HttpClient"/> from <see cref="IHttpClientFactory"/>
/// (base address, User-Agent and timeout set at registration). Waits out buckets and the global limit, and retries
/// a 429 after its <c>retry_after</c>.
/// </summary>
internal sealed class DiscordRestClient(
    IHttpClientFactory httpClientFactory,
    DiscordRateLimiter rateLimiter,
    IOptions<DiscordOptions> options,
    TimeProvider timeProvider,
    ILogger<DiscordRestClient> logger) : IDiscordRestClient
{
    /// <summary>Tries per call, 429s and 502s included.</summary>
    public const int MaxAttempts = 5;

    /// <summary>The wait before retrying a 502, multiplied by the attempt number.</summary>
    public static readonly TimeSpan BadGatewayRetryDelay = TimeSpan.FromSeconds(1);

    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");

    private static DiscordJsonContext Json => DiscordJsonContext.Default;

    public async Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken) =>
        await SendAsync(DiscordRoute.GatewayBot(), null, Json.GatewayBotInfo, cancellationToken).ConfigureAwait(false);

    public Task<DiscordMessage> CreateMessageAsync(ulong channelId, CreateMessageRequest message, CancellationToken cancellationToken) =>
        SendJsonAsync(DiscordRoute.CreateMessage(channelId), message, Json.CreateMessageRequest, Json.DiscordMessage, cancellationToken);

    public Task<DiscordMessage> EditMessageAsync(ulong channelId, ulong messageId, EditMessageRequest message, CancellationToken cancellationToken) =>
        SendJsonAsync(DiscordRoute.EditMessage(channelId, messageId), message, Json.EditMessageRequest, Json.DiscordMessage, cancellationToken);

    public Task<DiscordChannel> StartThreadFromMessageAsync(
        ulong channelId, ulong messageId, StartThreadRequest thread, CancellationToken cancellationToken) =>
        SendJsonAsync(DiscordRoute.StartThreadFromMessage(channelId, messageId), thread, Json.StartThreadRequest, Json.DiscordChannel, cancellationToken);

    public async Task TriggerTypingAsync(ulong channelId, CancellationToken cancellationToken) =>
        await SendCoreAsync(DiscordRoute.TriggerTyping(channelId), null, cancellationToken).ConfigureAwait(false);

    public Task<IReadOnlyList<ApplicationCommand>> BulkOverwriteGlobalCommandsAsync(
        ulong applicationId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken) =>
        SendJsonAsync(
            DiscordRoute.BulkOverwriteGlobalCommands(applicationId), commands, Json.IReadOnlyListApplicationCommand, Json.IReadOnlyListApplicationCommand, cancellationToken);

    public Task<IReadOnlyList<ApplicationCommand>> BulkOverwriteGuildCommandsAsync(
        ulong applicationId, ulong guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken) =>
        SendJsonAsync(
            DiscordRoute.BulkOverwriteGuildCommands(applicationId, guildId), commands, Json.IReadOnlyListApplicationCommand, Json.IReadOnlyListApplicationCommand, cancellationToken);

    public async Task CreateInteractionResponseAsync(
        ulong interactionId, string interactionToken, InteractionResponse response, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(interactionToken);
        ArgumentNullException.ThrowIfNull(response);
        await SendCoreAsync(
            DiscordRoute.CreateInteractionResponse(interactionId, interactionToken),
            JsonSerializer.SerializeToUtf8Bytes(response, Json.InteractionResponse),
            cancellationToken).ConfigureAwait(false);
    }

    public Task<DiscordMessage> EditOriginalInteractionResponseAsync(
        ulong applicationId, string interactionToken, EditMessageRequest message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(interactionToken);
        return SendJsonAsync(
            DiscordRoute.EditOriginalInteractionResponse(applicationId, interactionToken), message, Json.EditMessageRequest, Json.DiscordMessage, cancellationToken);
    }

    public Task<DiscordMessage> CreateFollowupMessageAsync(
        ulong applicationId, string interactionToken, CreateMessageRequest message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(interactionToken);
        return SendJsonAsync(
            DiscordRoute.CreateFollowupMessage(applicationId, interactionToken), message, Json.CreateMessageRequest, Json.DiscordMessage, cancellationToken);
    }

    public Task<DiscordMessage> EditFollowupMessageAsync(
        ulong applicationId, string interactionToken, ulong messageId, EditMessageRequest message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(interactionToken);
        return SendJsonAsync(
            DiscordRoute.EditFollowupMessage(applicationId, interactionToken, messageId), message, Json.EditMessageRequest, Json.DiscordMessage, cancellationToken);
    }

    /// <summary>Guards and serializes a JSON body, sends it, and reads the JSON answer.</summary>
    private Task<TResult> SendJsonAsync<TBody, TResult>(
        DiscordRoute route,
        TBody body,
        JsonTypeInfo<TBody> bodyType,
        JsonTypeInfo<TResult> resultType,
        CancellationToken cancellationToken,
        [CallerArgumentExpression(nameof(body))] string? bodyName = null)
    {
        ArgumentNullException.ThrowIfNull(body, bodyName);
        return SendAsync(route, JsonSerializer.SerializeToUtf8Bytes(body, bodyType), resultType, cancellationToken);
    }

    private async Task<T> SendAsync<T>(DiscordRoute route, byte[]? jsonBody, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
    {
        var body = await SendCoreAsync(route, jsonBody, cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize(body, responseType)
                ?? throw new JsonException("The response body was null.");
        }
        catch (JsonException ex)
        {
            throw new DiscordRestException($"Discord returned a malformed body for {route.Key}.", HttpStatusCode.OK, null, route.Key, ex);
        }
    }

    private async Task<byte[]> SendCoreAsync(DiscordRoute route, byte[]? jsonBody, CancellationToken cancellationToken)
    {
        var http = httpClientFactory.CreateClient(DiscordServiceCollectionExtensions.HttpClientName);
        var retryDelay = TimeSpan.Zero;
        for (var attempt = 1; ; attempt++)
        {
            if (retryDelay > TimeSpan.Zero)
            {
                await Task.Delay(retryDelay, timeProvider, cancellationToken).ConfigureAwait(false);
                retryDelay = TimeSpan.Zero;
            }

            var bucket = await rateLimiter.AcquireAsync(route, cancellationToken).ConfigureAwait(false);
            try
            {
                using var request = CreateRequest(route, jsonBody);
                Log.RestRequest(logger, route.Method.Method, route.Template);
                using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                rateLimiter.Update(route, bucket, response.Headers);
                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);

                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    var (retryAfter, global) = ReadRateLimit(response, body);
                    Log.RestRateLimited(logger, route.Method.Method, route.Template, global, retryAfter);
                    rateLimiter.OnRateLimited(route, bucket, retryAfter, global);
                    if (attempt < MaxAttempts)
                    {
                        continue;
                    }
                }

                if (response.StatusCode == HttpStatusCode.BadGateway && attempt < MaxAttempts)
                {
                    // 502: Discord's gateway was unavailable and the request was not processed; the docs say retry.
                    retryDelay = BadGatewayRetryDelay * attempt;
                    Log.RestRetrying(logger, route.Method.Method, route.Template, (int)response.StatusCode, retryDelay);
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw CreateError(route, response.StatusCode, body);
                }

                return body;
            }
            finally
            {
                DiscordRateLimiter.Release(bucket);
            }
        }
    }

    private HttpRequestMessage CreateRequest(DiscordRoute route, byte[]? jsonBody)
    {
        var request = new HttpRequestMessage(route.Method, new Uri(route.Path, UriKind.Relative));
        if (!route.IsInteraction)
        {
            // Interaction endpoints are authenticated by the token in their path.
            request.Headers.Authorization = new AuthenticationHeaderValue("Bot", options.Value.Token);
        }

        if (jsonBody is not null)
        {
            request.Content = new ByteArrayContent(jsonBody) { Headers = { ContentType = JsonContentType } };
        }

        return request;
    }

    private static (TimeSpan RetryAfter, bool Global) ReadRateLimit(HttpResponseMessage response, byte[] body)
    {
        DiscordErrorBody? error = null;
        try
        {
            error = JsonSerializer.Deserialize(body, Json.DiscordErrorBody);
        }
        catch (JsonException)
        {
            // Fall back to the headers below.
        }

        var global = error?.Global == true
            || (response.Headers.TryGetValues("X-RateLimit-Global", out var globalValues) && globalValues.Any(v => bool.TryParse(v, out var g) && g))
            || (response.Headers.TryGetValues("X-RateLimit-Scope", out var scopes) && scopes.Contains("global", StringComparer.OrdinalIgnoreCase));

        var seconds = error?.RetryAfter
            ?? (response.Headers.TryGetValues("Retry-After", out var retryValues)
                && double.TryParse(retryValues.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var header)
                    ? header
                    : 1);
        return (TimeSpan.FromSeconds(Math.Max(0, seconds)), global);
    }

    private DiscordRestException CreateError(DiscordRoute route, HttpStatusCode status, byte[] body)
    {
        DiscordErrorBody? error = null;
        try
        {
            error = body.Length > 0 ? JsonSerializer.Deserialize(body, Json.DiscordErrorBody) : null;
        }
        catch (JsonException)
        {
            // A non-JSON error page (e.g. from a proxy): report the status alone.
        }

        Log.RestFailed(logger, route.Method.Method, route.Template, (int)status, error?.Code, error?.Message);
        var message = $"Discord {route.Key} failed with {(int)status} {status}" +
            (error is null ? "." : $": {error.Message} (code {error.Code}).");
        return new DiscordRestException(message, status, error?.Code, route.Key);
    }
}
