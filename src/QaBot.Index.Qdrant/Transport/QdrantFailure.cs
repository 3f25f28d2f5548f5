using System.Net.Sockets;
using System.Security.Authentication;
using Grpc.Core;

namespace QaBot.Index.Qdrant.Transport;

/// <summary>
/// What a failed gRPC call means for the user: whether trying again can help, and otherwise one line that
/// names the configuration key to fix (Qdrant:ApiKey, Qdrant:Url, Qdrant:CertificateSha256...).
/// </summary>
internal static class QdrantFailure
{
    private const int MaxDetailLength = 300;

    /// <summary>True when the same call may succeed later: the server is down, restarting, overloaded or the connection broke.</summary>
    public static bool IsTransient(RpcException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (IsTlsFailure(exception) || IsNotGrpc(exception) || IsMessageTooLarge(exception))
        {
            return false;
        }

        return exception.StatusCode switch
        {
            StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted or StatusCode.Aborted => true,
            // The client reports a connection that broke mid-call as Internal, with the transport error attached.
            StatusCode.Internal => Chain(exception).Any(e => e is IOException or SocketException or HttpRequestException),
            _ => false,
        };
    }

    /// <summary>The exception to throw for a call that failed permanently (or ran out of attempts).</summary>
    public static QdrantException Describe(RpcException exception, QdrantOptions options, string operation, int attempts)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(options);
        var at = $"Qdrant at {options.Url}";
        var detail = Detail(exception);
        if (IsTlsFailure(exception))
        {
            return new QdrantException(
                options.CertificateSha256 is { Length: > 0 }
                    ? $"{at}: the server's TLS certificate does not match Qdrant:CertificateSha256 ({detail}). Set Qdrant:CertificateSha256 to the SHA-256 fingerprint of the certificate the server presents."
                    : $"{at}: the server's TLS certificate is not trusted ({detail}). Set Qdrant:CertificateSha256 to its SHA-256 fingerprint, or give Qdrant:Url with http:// if the server has no TLS.",
                exception.StatusCode,
                exception);
        }

        if (IsNotGrpc(exception))
        {
            return new QdrantException(
                $"{at} does not answer gRPC ({detail}). Qdrant:Url must name Qdrant's gRPC port (default 6334), not its REST port (6333), with https:// if the server has TLS.",
                exception.StatusCode,
                exception);
        }

        return exception.StatusCode switch
        {
            StatusCode.Unauthenticated => new QdrantAuthorizationException(
                $"{at} refused the API key (Unauthenticated: {detail}). Set Qdrant:ApiKey (for example QABOT__Qdrant__ApiKey) to the server's service API key.",
                exception.StatusCode,
                exception),
            StatusCode.PermissionDenied => new QdrantAuthorizationException(
                $"{at} did not let the API key {operation} (PermissionDenied: {detail}). Qdrant:ApiKey is wrong or lacks the rights for this (a read-only key cannot write).",
                exception.StatusCode,
                exception),
            _ when IsMessageTooLarge(exception) => new QdrantException(
                $"{at} could not {operation}: a message was over a size limit ({detail}). Lower Qdrant:MaxRequestBytes or raise Qdrant:MaxResponseBytes.",
                exception.StatusCode,
                exception),
            _ when IsTransient(exception) => new QdrantUnavailableException(
                $"{at} could not {operation} after {attempts} attempt(s) ({exception.StatusCode}: {detail}). Check that the server runs (docker compose up -d qdrant) and that Qdrant:Url names its gRPC port (default 6334).",
                exception.StatusCode,
                exception),
            _ => new QdrantException($"{at} could not {operation} ({exception.StatusCode}: {detail}).", exception.StatusCode, exception),
        };
    }

    /// <summary>The certificate was refused (a pin that does not match, an untrusted authority), or TLS met a cleartext server.</summary>
    private static bool IsTlsFailure(RpcException exception) => Chain(exception).Any(e => e is AuthenticationException);

    /// <summary>
    /// Something that is not a gRPC server answered: the REST port gives an HTTP/1.1 reply (an HTTP/2 protocol
    /// error) or, where it speaks HTTP/2, a response without gRPC framing ("Bad gRPC response").
    /// </summary>
    private static bool IsNotGrpc(RpcException exception) =>
        exception.Status.Detail.StartsWith("Bad gRPC response", StringComparison.Ordinal)
        || Chain(exception).Any(e => e is HttpProtocolException
            || (e is HttpRequestException && e.Message.Contains("HTTP/2", StringComparison.Ordinal) && !Chain(e).Any(i => i is SocketException)));

    private static bool IsMessageTooLarge(RpcException exception) =>
        exception.StatusCode == StatusCode.ResourceExhausted && exception.Status.Detail.Contains("message larger than", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (Exception? e = exception is RpcException rpc ? rpc.Status.DebugException ?? rpc.InnerException : exception; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>The server's or the transport's reason, on one line and short (a proxy may answer with a page of HTML).</summary>
    private static string Detail(RpcException exception)
    {
        var text = exception.Status.Detail;
        // The transport's innermost reason ("Connection refused") says more than the client's summary of it.
        var cause = Chain(exception).LastOrDefault()?.Message;
        if (string.IsNullOrWhiteSpace(text))
        {
            text = cause ?? exception.StatusCode.ToString();
        }
        else if (cause is not null && !text.Contains(cause, StringComparison.Ordinal))
        {
            text = $"{text.TrimEnd('.')}: {cause}";
        }

        text = string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return text.Length <= MaxDetailLength ? text : text[..MaxDetailLength] + "…";
    }
}
