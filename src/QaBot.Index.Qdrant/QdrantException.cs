using Grpc.Core;

namespace QaBot.Index.Qdrant;

/// <summary>A Qdrant call failed in a way retrying does not fix; the message is one line naming what to change.</summary>
public class QdrantException : Exception
{
    public QdrantException(string message, StatusCode? statusCode = null, Exception? innerException = null)
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

    /// <summary>The gRPC status of the failed call, or null when the failure was ours (a point over the size limit...).</summary>
    public StatusCode? StatusCode { get; }
}

/// <summary>Qdrant could not be reached, or kept failing, after every attempt.</summary>
public sealed class QdrantUnavailableException : QdrantException
{
    public QdrantUnavailableException(string message, StatusCode? statusCode, Exception? innerException)
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

/// <summary>The server refused the API key (Unauthenticated) or the key lacks the rights for the call (PermissionDenied).</summary>
public sealed class QdrantAuthorizationException : QdrantException
{
    public QdrantAuthorizationException(string message, StatusCode statusCode, Exception? innerException)
        : base(message, statusCode, innerException)
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
