using Grpc.Core;
using Grpc.Core.Interceptors;

namespace QaBot.Index.Qdrant.Transport;

/// <summary>
/// Adds the <c>api-key</c> metadata Qdrant checks to every call. Our own channel (needed for the message
/// limits and the certificate pin) does not get the key the stock Qdrant channel would add.
/// </summary>
internal sealed class ApiKeyInterceptor(string apiKey) : Interceptor
{
    public const string Header = "api-key";

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        var headers = context.Options.Headers ?? [];
        headers.Add(Header, apiKey);
        var options = context.Options.WithHeaders(headers);
        return continuation(request, new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, options));
    }
}
