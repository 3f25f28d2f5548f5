using System.ClientModel;
using System.Net;
using System.Text.Json;
using Microsoft.SemanticKernel;
using Polly.CircuitBreaker;
using Polly.Timeout;
using QaBot.Core;

namespace QaBot.Generation;

/// <summary>Turns what a failed chat call threw into one short sentence for the user (details go to the log).</summary>
public static class ChatFailure
{
    public static AnswerUnavailableException ToUserError(Exception exception, ChatOptions options)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(options);
        return new AnswerUnavailableException(Describe(exception, options), exception);
    }

    private static string Describe(Exception exception, ChatOptions options)
    {
        // TimeoutRejectedException: an attempt outlived Chat:RequestTimeout in the resilience handler.
        if (Find<TimeoutException>(exception) is not null || Find<TimeoutRejectedException>(exception) is not null)
        {
            return "The chat model did not respond in time. Try again later.";
        }

        if (Find<BrokenCircuitException>(exception) is not null)
        {
            return "The chat model failed too often just now, so QaBot paused calling it. Try again in a moment.";
        }

        var status = Find<HttpOperationException>(exception)?.StatusCode ?? (Find<ClientResultException>(exception) is { Status: > 0 } result ? (HttpStatusCode)result.Status : null);
        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return $"The chat model rejected the key (HTTP {(int)status}). Check Chat:ApiKey.";
        }

        if (status is HttpStatusCode.NotFound)
        {
            return $"The chat model was not found (HTTP 404). Check Chat:Endpoint and Chat:{(options.Provider == ChatProvider.AzureOpenAI ? "Deployment" : "Model")}.";
        }

        if (status is HttpStatusCode.TooManyRequests)
        {
            return "The chat model is busy (HTTP 429, rate limited). Try again in a moment.";
        }

        if (status is { } code)
        {
            return $"The chat model failed to answer (HTTP {(int)code}). Try again later.";
        }

        if (Find<HttpRequestException>(exception) is not null)
        {
            return "The chat model could not be reached. Check Chat:Endpoint and that the server is running.";
        }

        if (Find<JsonException>(exception) is not null || Find<FormatException>(exception) is not null)
        {
            return "The chat model sent a reply QaBot could not read.";
        }

        return "The chat model could not answer. Try again later.";
    }

    private static T? Find<T>(Exception exception)
        where T : Exception
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is T match)
            {
                return match;
            }
        }

        return null;
    }
}
