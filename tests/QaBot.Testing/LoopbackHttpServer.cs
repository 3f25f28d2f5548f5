using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace QaBot.Testing;

/// <summary>A request a <see cref="LoopbackHttpServer"/> received.</summary>
public sealed record LoopbackRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>What a <see cref="LoopbackHttpServer"/> answers.</summary>
public sealed record LoopbackResponse(int Status, byte[] Body, string ContentType = "application/json")
{
    /// <summary>Seconds the client is asked to wait before retrying (the Retry-After header), or none.</summary>
    public int? RetryAfterSeconds { get; init; }

    public static LoopbackResponse Json(string json, int status = 200) => new(status, Encoding.UTF8.GetBytes(json));
}

/// <summary>
/// An HTTP server on 127.0.0.1 (a free port) that answers every request with a handler, for fakes of
/// services the code talks to (embedding servers, a model download host). Records every request.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<LoopbackRequest, LoopbackResponse> _handler;
    private readonly Task _loop;

    public LoopbackHttpServer(Func<LoopbackRequest, LoopbackResponse> handler)
    {
        _handler = handler;
        (_listener, BaseUrl) = LoopbackListener.Start();
        _loop = Task.Run(() => LoopbackListener.AcceptAsync(_listener, HandleAsync));
    }

    public Uri BaseUrl { get; }

    public ConcurrentQueue<LoopbackRequest> Requests { get; } = new();

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
        {
            // The listener was stopped while waiting for a request: the normal end.
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
        var request = new LoopbackRequest(context.Request.HttpMethod, context.Request.Url!.PathAndQuery, headers, body);
        Requests.Enqueue(request);
        LoopbackResponse response;
        try
        {
            response = _handler(request);
        }
        catch (InvalidOperationException exception)
        {
            response = new LoopbackResponse(500, Encoding.UTF8.GetBytes(exception.Message), "text/plain");
        }

        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.ContentType;
        if (response.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers["Retry-After"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        context.Response.ContentLength64 = response.Body.Length;
        await context.Response.OutputStream.WriteAsync(response.Body);
        context.Response.Close();
    }
}
