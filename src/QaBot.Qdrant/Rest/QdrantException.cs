using System.Net;

namespace QaBot.Qdrant.Rest;

/// <summary>Qdrant answered a call with an error the caller cannot retry away (400, 404, 409, 422...).</summary>
public class QdrantException : Exception
{
    public QdrantException(string message, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(message, innerException) => StatusCode = statusCode;

    public QdrantException()
    {
    }

    public QdrantException(string message)
        : base(message)
    {
    }

    public QdrantException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status, or null when no answer came.</summary>
    public HttpStatusCode? StatusCode { get; }
}

/// <summary>Qdrant could not be reached, or kept failing, after every attempt.</summary>
public sealed class QdrantUnavailableException : QdrantException
{
    public QdrantUnavailableException(string message, HttpStatusCode? statusCode, Exception? innerException)
        : base(message, statusCode, innerException)
    {
    }

    public QdrantUnavailableException()
    {
    }

    public QdrantUnavailableException(string message)
        : base(message)
    {
    }

    public QdrantUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The server refused the API key (401) or the key lacks the rights for the call (403).</summary>
public sealed class QdrantAuthorizationException : QdrantException
{
    public QdrantAuthorizationException(string message, HttpStatusCode statusCode)
        : base(message, statusCode)
    {
    }

    public QdrantAuthorizationException()
    {
    }

    public QdrantAuthorizationException(string message)
        : base(message)
    {
    }

    public QdrantAuthorizationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The collection exists but was made for another configuration (vector size, model, analyzer).</summary>
public sealed class QdrantCollectionMismatchException : QdrantException
{
    public QdrantCollectionMismatchException()
    {
    }

    public QdrantCollectionMismatchException(string message)
        : base(message)
    {
    }

    public QdrantCollectionMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
