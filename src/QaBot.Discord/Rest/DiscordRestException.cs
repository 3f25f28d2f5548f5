using System.Net;

namespace QaBot.Discord.Rest;

/// <summary>A Discord REST call failed. The message names the route template, never a token.</summary>
public sealed class DiscordRestException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DiscordRestException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public DiscordRestException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public DiscordRestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a failed call.</summary>
    public DiscordRestException(string message, HttpStatusCode statusCode, int? errorCode, string route, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        Route = route;
    }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Discord's JSON error code (e.g. 10062 unknown interaction, 50035 invalid form body), if given.</summary>
    public int? ErrorCode { get; }

    /// <summary>The route template, e.g. <c>POST /channels/{channel_id}/messages</c>.</summary>
    public string Route { get; } = string.Empty;
}

/// <summary>Discord's error body; also the 429 body.</summary>
internal sealed record DiscordErrorBody
{
    public int? Code { get; init; }

    public string? Message { get; init; }

    public double? RetryAfter { get; init; }

    public bool? Global { get; init; }
}
