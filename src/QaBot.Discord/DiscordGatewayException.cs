namespace QaBot.Discord;

/// <summary>The Gateway client stopped for good: the configuration (token, intents...) must be fixed.</summary>
public sealed class DiscordGatewayException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DiscordGatewayException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public DiscordGatewayException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public DiscordGatewayException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a fatal close code.</summary>
    public DiscordGatewayException(string message, int closeCode)
        : base(message)
    {
        CloseCode = closeCode;
    }

    /// <summary>The Gateway close code that stopped the client, if one did.</summary>
    public int? CloseCode { get; }
}
