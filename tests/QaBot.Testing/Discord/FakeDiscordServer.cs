using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace QaBot.Testing.Discord;

/// <summary>A request the fake REST API received.</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public JsonNode? Json => Body.Length == 0 ? null : JsonNode.Parse(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>A scripted response; <see cref="Gate"/> holds it back until the test releases it (a slow REST).</summary>
public sealed record FakeResponse(int Status, string Body = "", IReadOnlyDictionary<string, string>? Headers = null, Task? Gate = null);

/// <summary>
/// Fake Discord on loopback over <see cref="HttpListener"/>: the REST API under <c>/api/v10/</c> (scripted responses
/// per route, sensible defaults otherwise) and the Gateway as a real WebSocket upgrade on <c>/gateway</c> and <c>/resume</c>.
/// </summary>
public sealed class FakeDiscordServer : IAsyncDisposable
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(10);
    private readonly HttpListener _listener;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeResponse>> _scripted = new(StringComparer.Ordinal);
    private readonly Channel<RecordedRequest> _requests = Channel.CreateUnbounded<RecordedRequest>();
    private readonly ConcurrentBag<Task> _handlers = [];
    private readonly Task _acceptLoop;

    public FakeDiscordServer()
    {
        (_listener, BaseUrl) = LoopbackListener.Start();
        Gateway.ResumeUrl = new Uri($"ws://127.0.0.1:{BaseUrl.Port}/resume");
        _acceptLoop = Task.Run(() => LoopbackListener.AcceptAsync(_listener, context =>
        {
            _handlers.Add(Task.Run(() => HandleAsync(context)));
            return Task.CompletedTask;
        }));
    }

    public Uri BaseUrl { get; }

    public Uri ApiBaseUrl => new(BaseUrl, "api/v10/");

    public Uri GatewayUrl => new($"ws://127.0.0.1:{BaseUrl.Port}/gateway");

    public FakeGateway Gateway { get; } = new();

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Queues a response for the next request to <paramref name="method"/> <paramref name="path"/> (path under /api/v10).</summary>
    public void Enqueue(string method, string path, FakeResponse response) =>
        _scripted.GetOrAdd($"{method} /api/v10/{path}", _ => new ConcurrentQueue<FakeResponse>()).Enqueue(response);

    /// <summary>Waits for the next request the server received.</summary>
    public async Task<RecordedRequest> NextRequestAsync() => await _requests.Reader.ReadAsync().AsTask().WaitAsync(HangGuard);

    /// <summary>Waits for the next request the server received, until <paramref name="cancellationToken"/> (a test's own, longer timeout).</summary>
    public async Task<RecordedRequest> NextRequestAsync(CancellationToken cancellationToken) => await _requests.Reader.ReadAsync(cancellationToken);

    public static FakeResponse RateLimited(double retryAfterSeconds, bool global, string? bucket = null)
    {
        var headers = new Dictionary<string, string>
        {
            ["Retry-After"] = Math.Ceiling(retryAfterSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["X-RateLimit-Scope"] = global ? "global" : "user",
        };
        if (global)
        {
            headers["X-RateLimit-Global"] = "true";
        }

        if (bucket is not null)
        {
            headers["X-RateLimit-Bucket"] = bucket;
        }

        var retry = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new FakeResponse(429, $$"""{"message":"You are being rate limited.","retry_after":{{retry}},"global":{{(global ? "true" : "false")}}}""", headers);
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _acceptLoop.WaitAsync(HangGuard);
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
        {
            // Stopping the listener ends the accept loop this way.
        }

        Gateway.Dispose();
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        if (context.Request.IsWebSocketRequest)
        {
            var webSocket = await context.AcceptWebSocketAsync(subProtocol: null);
            Gateway.Accept(new HttpListenerGatewaySocket(webSocket.WebSocket, context.Response.Abort), context.Request.Url);
            return;
        }

        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.AllKeys
            .Where(key => key is not null)
            .ToDictionary(key => key!, key => context.Request.Headers[key]!, StringComparer.OrdinalIgnoreCase);
        var request = new RecordedRequest(context.Request.HttpMethod, path, headers, body);
        Requests.Enqueue(request);
        _requests.Writer.TryWrite(request);

        var response = _scripted.TryGetValue($"{request.Method} {path}", out var queue) && queue.TryDequeue(out var scripted)
            ? scripted
            : DefaultResponse(request);
        if (response.Gate is not null)
        {
            await response.Gate;
        }

        try
        {
            context.Response.StatusCode = response.Status;
            foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[name] = value;
            }

            var bytes = Encoding.UTF8.GetBytes(response.Body);
            if (bytes.Length > 0)
            {
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(bytes);
            }

            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
        {
            // The client gave up on the request (cancelled); nothing to answer.
        }
    }

    private FakeResponse DefaultResponse(RecordedRequest request)
    {
        var segments = request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return request switch
        {
            { Method: "GET", Path: "/api/v10/gateway/bot" } => new FakeResponse(200, $$"""
                {"url":"{{GatewayUrl}}","shards":1,"session_start_limit":{"total":1000,"remaining":999,"reset_after":14400000,"max_concurrency":1} }
                """),
            { Method: "POST" } when request.Path.EndsWith("/typing", StringComparison.Ordinal) => new FakeResponse(204),
            { Method: "POST" } when request.Path.EndsWith("/callback", StringComparison.Ordinal) => new FakeResponse(204),
            { Method: "PUT" } => new FakeResponse(200, EchoCommands(request.Body)),
            { Method: "POST" } when request.Path.EndsWith("/threads", StringComparison.Ordinal) =>
                new FakeResponse(201, $$"""{"id":"{{segments[^2]}}","type":11,"parent_id":"{{segments[3]}}","name":"thread"}"""),
            _ => new FakeResponse(200, FakeGateway.MessageJson(900, request.Json?["content"]?.GetValue<string>() ?? string.Empty, channelId: 300, authorId: FakeGateway.BotUserId)),
        };
    }

    private static string EchoCommands(string body)
    {
        var commands = JsonNode.Parse(body)!.AsArray();
        var id = 1;
        foreach (var command in commands)
        {
            command!["id"] = (id++).ToString(System.Globalization.CultureInfo.InvariantCulture);
            command["application_id"] = FakeGateway.ApplicationId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return commands.ToJsonString();
    }
}
