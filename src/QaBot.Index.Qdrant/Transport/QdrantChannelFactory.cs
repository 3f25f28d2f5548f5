using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Qdrant.Client;
using Qdrant.Client.Grpc;

namespace QaBot.Index.Qdrant.Transport;

/// <summary>
/// Builds the official <see cref="QdrantClient"/> on a channel of our own: gRPC's stock 4 MiB answer limit is
/// raised to <see cref="QdrantOptions.MaxResponseBytes"/>, a self-signed certificate can be pinned, and the
/// API key travels as metadata through <see cref="ApiKeyInterceptor"/>.
/// </summary>
internal static class QdrantChannelFactory
{
    public static GrpcChannel CreateChannel(QdrantOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            EnableMultipleHttp2Connections = true,
            ConnectTimeout = options.RequestTimeout,
        };
        if (options.CertificateSha256 is { Length: > 0 } pin)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = CertificatePin.Validator(pin);
        }

        return GrpcChannel.ForAddress(options.Url!, new GrpcChannelOptions
        {
            HttpHandler = handler,
            DisposeHttpClient = true,
            MaxReceiveMessageSize = options.MaxResponseBytes,
            // Our batcher keeps each upsert under Qdrant:MaxRequestBytes; the server enforces its own limit.
            MaxSendMessageSize = null,
        });
    }

    /// <summary>
    /// The official client over <paramref name="channel"/>. It gets no logger: it would log every failed call
    /// with its stack trace, while <see cref="QdrantGateway"/> turns failures into one line that says what to fix.
    /// </summary>
    public static QdrantClient CreateClient(GrpcChannel channel, QdrantOptions options)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(options);
        var invoker = string.IsNullOrEmpty(options.ApiKey) ? channel.CreateCallInvoker() : channel.Intercept(new ApiKeyInterceptor(options.ApiKey));
        return new QdrantClient(new QdrantGrpcClient(invoker), options.RequestTimeout, NullLoggerFactory.Instance);
    }
}
