using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace QaBot.Index.Qdrant.Tests.Fakes;

/// <summary>A call the fake received: the gRPC method, the request message, the status it answered and the API key it carried.</summary>
internal sealed record FakeQdrantCall(string Method, IMessage Request, StatusCode Status, string? ApiKey);

/// <summary>
/// A fake Qdrant gRPC server in process: Kestrel, HTTP/2 only, on a cleartext loopback port (or TLS with a
/// given certificate), serving <see cref="FakeQdrantRpcs"/> over a <see cref="FakeQdrantEngine"/>. It checks
/// the <c>api-key</c> metadata as Qdrant does (the health check needs none), records every call, collects
/// every call it rejected in <see cref="Rejections"/> (tests assert none), and can script failures: a number
/// of failing calls, the server going away after some calls, or a real stop and restart on the same port.
/// </summary>
internal sealed class FakeQdrantServer : IAsyncDisposable
{
    /// <summary>Qdrant's default request limit (service.max_request_size_mb = 32).</summary>
    public const int MaxRequestBytes = 32 * 1024 * 1024;

    private readonly Lock _faults = new();
    private readonly X509Certificate2? _certificate;
    private WebApplication? _app;
    private int _port;
    private int _failuresToSend;
    private StatusCode _failureStatus;
    private int _callsBeforeOutage = -1;

    private FakeQdrantServer(string? apiKey, X509Certificate2? certificate)
    {
        ApiKey = apiKey;
        _certificate = certificate;
    }

    public static async Task<FakeQdrantServer> StartAsync(string? apiKey = null, X509Certificate2? certificate = null)
    {
        var server = new FakeQdrantServer(apiKey, certificate);
        await server.StartListeningAsync();
        return server;
    }

    /// <summary>The gRPC address, http:// (https:// with a certificate) on loopback.</summary>
    public Uri Url => new($"{(_certificate is null ? "http" : "https")}://127.0.0.1:{_port}");

    public string? ApiKey { get; set; }

    public FakeQdrantEngine Engine { get; } = new();

    public ConcurrentQueue<FakeQdrantCall> Calls { get; } = new();

    /// <summary>Calls the fake refused as invalid, or failed on; a correct client causes none.</summary>
    public ConcurrentQueue<string> Rejections { get; } = new();

    /// <summary>Requests of the given method ("Points/Upsert"), in order.</summary>
    public IReadOnlyList<T> RequestsTo<T>(string method)
        where T : IMessage => [.. Calls.Where(c => c.Method.EndsWith(method, StringComparison.Ordinal) && c.Status == StatusCode.OK).Select(c => (T)c.Request)];

    /// <summary>The next <paramref name="count"/> calls fail with <paramref name="status"/>.</summary>
    public void FailNext(int count, StatusCode status = StatusCode.Unavailable)
    {
        lock (_faults)
        {
            (_failuresToSend, _failureStatus) = (count, status);
        }
    }

    /// <summary>After <paramref name="calls"/> more calls, every call fails with Unavailable until <see cref="Recover"/>.</summary>
    public void GoAwayAfter(int calls)
    {
        lock (_faults)
        {
            _callsBeforeOutage = calls;
        }
    }

    public void Recover()
    {
        lock (_faults)
        {
            (_callsBeforeOutage, _failuresToSend) = (-1, 0);
        }
    }

    /// <summary>Stops listening: connections are refused until <see cref="StartListeningAsync"/>. The data stays.</summary>
    public async Task StopListeningAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    /// <summary>Listens (again) on the same port, with the same data.</summary>
    public async Task StartListeningAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, _port, listen =>
        {
            // gRPC without TLS needs HTTP/2 with prior knowledge, which Kestrel offers only on an HTTP/2-only endpoint.
            listen.Protocols = HttpProtocols.Http2;
            if (_certificate is not null)
            {
                listen.UseHttps(_certificate);
            }
        }));
        builder.Services.AddGrpc(options =>
        {
            options.MaxReceiveMessageSize = MaxRequestBytes;
            options.MaxSendMessageSize = null;
            options.EnableDetailedErrors = true;
        });
        builder.Services.AddSingleton<FakeQdrantService>();
        var rpcs = new FakeQdrantRpcs(this);
        builder.Services.AddSingleton<IServiceMethodProvider<FakeQdrantService>>(rpcs);
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            await next(context);
            // A method the fake does not bind is answered Unimplemented by the framework, past our handlers.
            if (!rpcs.Bound.Any(m => context.Request.Path.Value?.EndsWith(m, StringComparison.Ordinal) == true))
            {
                Rejections.Enqueue($"{context.Request.Path}: no such method in the fake");
            }
        });
        app.MapGrpcService<FakeQdrantService>();
        await app.StartAsync();
        _port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        _app = app;
    }

    public async ValueTask DisposeAsync() => await StopListeningAsync();

    /// <summary>One call: scripted faults, the API key check, then the engine; what it answered is recorded.</summary>
    internal TResponse Handle<TRequest, TResponse>(string method, TRequest request, ServerCallContext call, bool authenticated, Func<TRequest, TResponse> handle)
        where TRequest : IMessage
    {
        var apiKey = call.RequestHeaders.GetValue("api-key");
        if (NextFault() is { } fault)
        {
            Calls.Enqueue(new FakeQdrantCall(method, request, fault, apiKey));
            throw new RpcException(new Status(fault, "Service unavailable: scripted failure"));
        }

        if (authenticated && ApiKey is not null && apiKey != ApiKey)
        {
            Calls.Enqueue(new FakeQdrantCall(method, request, StatusCode.Unauthenticated, apiKey));
            throw new RpcException(new Status(StatusCode.Unauthenticated, "Invalid api-key"));
        }

        try
        {
            var response = handle(request);
            Calls.Enqueue(new FakeQdrantCall(method, request, StatusCode.OK, apiKey));
            return response;
        }
        catch (RpcException exception)
        {
            Calls.Enqueue(new FakeQdrantCall(method, request, exception.StatusCode, apiKey));
            if (exception.StatusCode is not (StatusCode.NotFound or StatusCode.AlreadyExists))
            {
                Rejections.Enqueue($"{method}: {exception.StatusCode} {exception.Status.Detail} for {Shorten(request)}");
            }

            throw;
        }
        catch (Exception exception)
        {
            // A bug in the fake must fail the test, not hang it.
            Rejections.Enqueue($"{method}: the fake failed: {exception}");
            throw new RpcException(new Status(StatusCode.Internal, "fake failed: " + exception.Message));
        }
    }

    private StatusCode? NextFault()
    {
        lock (_faults)
        {
            if (_failuresToSend > 0)
            {
                _failuresToSend--;
                return _failureStatus;
            }

            if (_callsBeforeOutage == 0)
            {
                return StatusCode.Unavailable;
            }

            if (_callsBeforeOutage > 0)
            {
                _callsBeforeOutage--;
            }

            return null;
        }
    }

    private static string Shorten(IMessage message)
    {
        var text = message.ToString() ?? "";
        return text.Length <= 400 ? text : text[..400] + "…";
    }
}

/// <summary>Something on a port that is not a gRPC server, answering every request with 404 (as Qdrant's REST port does).</summary>
internal sealed class FakeNonGrpcServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeNonGrpcServer(WebApplication app, Uri url) => (_app, Url) = (app, url);

    public Uri Url { get; }

    /// <param name="protocols">HTTP/1.1 only (what a REST server usually is) or HTTP/2 (one that also takes h2c).</param>
    public static async Task<FakeNonGrpcServer> StartAsync(HttpProtocols protocols)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = protocols));
        var app = builder.Build();
        app.Run(async context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("404 Not Found");
        });
        await app.StartAsync();
        var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        return new FakeNonGrpcServer(app, new Uri($"http://127.0.0.1:{port}"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
