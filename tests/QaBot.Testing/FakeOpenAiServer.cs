using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace QaBot.Testing;

/// <summary>A chat completion request the fake server received.</summary>
public sealed record FakeChatRequest(string Path, string? Authorization, string? ApiKeyHeader, JsonNode Body)
{
    public bool Stream => Body["stream"]?.GetValue<bool>() ?? false;

    /// <summary>Every message's content, joined: what the prompt said.</summary>
    public string Prompt => string.Join("\n", (Body["messages"]?.AsArray() ?? []).Select(m => m?["content"]?.ToString() ?? string.Empty));

    public string? SystemMessage => (Body["messages"]?.AsArray() ?? []).FirstOrDefault(m => m?["role"]?.ToString() == "system")?["content"]?.ToString();
}

/// <summary>How the fake server replies to one request.</summary>
public abstract record FakeChatReply
{
    /// <summary>A completion: JSON, or SSE chunks (one per piece) when the request asked to stream.</summary>
    public static FakeChatReply Text(params string[] pieces) => new TextReply(pieces, 120, 30);

    public static FakeChatReply Status(int status, string? retryAfter = null) => new StatusReply(status, retryAfter);

    /// <summary>A 200 whose body is not what an OpenAI client expects.</summary>
    public static FakeChatReply Malformed(string body, bool asEventStream = false) => new MalformedReply(body, asEventStream);

    /// <summary>Accepts the request and never answers (until the server is disposed).</summary>
    public static FakeChatReply Hang() => new HangReply();

    public sealed record TextReply(IReadOnlyList<string> Pieces, int PromptTokens, int CompletionTokens) : FakeChatReply;

    public sealed record StatusReply(int Code, string? RetryAfter) : FakeChatReply;

    public sealed record MalformedReply(string Body, bool AsEventStream) : FakeChatReply;

    public sealed record HangReply : FakeChatReply;
}

/// <summary>
/// An OpenAI-compatible chat completions server on loopback (<c>POST /v1/chat/completions</c>), JSON and SSE
/// streaming with usage, for driving the real Semantic Kernel OpenAI connector in tests. Replies come from
/// <see cref="Responder"/>; errors, malformed bodies and hung responses are scripted the same way.
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentBag<Task> _handlers = [];
    private readonly Task _acceptLoop;
    private readonly Lock _lock = new();
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];

    public FakeOpenAiServer(Func<FakeChatRequest, FakeChatReply> responder)
    {
        Responder = responder;
        (_listener, var baseUrl) = LoopbackListener.Start();
        Port = baseUrl.Port;
        _acceptLoop = Task.Run(() => LoopbackListener.AcceptAsync(_listener, context =>
        {
            // Each request on its own task: a hung reply must not hold up the next request.
            _handlers.Add(HandleAsync(context));
            return Task.CompletedTask;
        }));
    }

    public int Port { get; }

    /// <summary>The base URL to configure as Chat:Endpoint.</summary>
    public string BaseUrl => $"http://127.0.0.1:{Port}/v1";

    public Func<FakeChatRequest, FakeChatReply> Responder { get; set; }

    public ConcurrentQueue<FakeChatRequest> Requests { get; } = new();

    /// <summary>Completes when the server has received <paramref name="count"/> requests in all.</summary>
    public Task WhenRequestCountAsync(int count)
    {
        lock (_lock)
        {
            if (Requests.Count >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, reached));
            return reached.Task;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        _listener.Close();
        await _acceptLoop;
        await Task.WhenAll(_handlers);
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = JsonNode.Parse(await reader.ReadToEndAsync()) ?? new JsonObject();
            var request = new FakeChatRequest(context.Request.Url!.AbsolutePath, context.Request.Headers["Authorization"], context.Request.Headers["api-key"], body);
            Record(request);
            // OpenAI-compatible servers take /v1/chat/completions; Azure OpenAI /openai/deployments/{name}/chat/completions.
            if (!request.Path.EndsWith("/chat/completions", StringComparison.Ordinal))
            {
                await WriteAsync(context.Response, 404, "application/json", """{"error":{"message":"not found"}}""");
                return;
            }

            switch (Responder(request))
            {
                case FakeChatReply.TextReply text when request.Stream:
                    await WriteStreamAsync(context.Response, text);
                    break;
                case FakeChatReply.TextReply text:
                    await WriteAsync(context.Response, 200, "application/json", Completion(string.Concat(text.Pieces), text));
                    break;
                case FakeChatReply.StatusReply status:
                    if (status.RetryAfter is { } retryAfter)
                    {
                        context.Response.Headers["Retry-After"] = retryAfter;
                    }

                    await WriteAsync(context.Response, status.Code, "application/json", "{\"error\":{\"message\":\"scripted " + status.Code.ToString(CultureInfo.InvariantCulture) + "\",\"type\":\"server_error\"}}");
                    break;
                case FakeChatReply.MalformedReply malformed:
                    await WriteAsync(context.Response, 200, malformed.AsEventStream ? "text/event-stream" : "application/json", malformed.Body);
                    break;
                case FakeChatReply.HangReply:
                    await Task.Delay(Timeout.Infinite, _stopping.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                    context.Response.Abort();
                    break;
            }
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client went away (a cancelled or timed-out request); nothing to answer.
        }
    }

    private void Record(FakeChatRequest request)
    {
        lock (_lock)
        {
            Requests.Enqueue(request);
            foreach (var waiter in _waiters.Where(w => Requests.Count >= w.Count).ToList())
            {
                waiter.Reached.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    private static string Completion(string content, FakeChatReply.TextReply reply) => new JsonObject
    {
        ["id"] = "chatcmpl-fake",
        ["object"] = "chat.completion",
        ["created"] = 1_700_000_000,
        ["model"] = "fake-model",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
            ["finish_reason"] = "stop",
        }),
        ["usage"] = Usage(reply),
    }.ToJsonString();

    private static JsonObject Usage(FakeChatReply.TextReply reply) => new()
    {
        ["prompt_tokens"] = reply.PromptTokens,
        ["completion_tokens"] = reply.CompletionTokens,
        ["total_tokens"] = reply.PromptTokens + reply.CompletionTokens,
    };

    private static async Task WriteStreamAsync(HttpListenerResponse response, FakeChatReply.TextReply reply)
    {
        response.StatusCode = 200;
        response.ContentType = "text/event-stream";
        response.SendChunked = true;
        var output = response.OutputStream;
        var first = true;
        foreach (var piece in reply.Pieces)
        {
            var delta = first ? new JsonObject { ["role"] = "assistant", ["content"] = piece } : new JsonObject { ["content"] = piece };
            first = false;
            await WriteEventAsync(output, Chunk(new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = null })));
        }

        await WriteEventAsync(output, Chunk(new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = new JsonObject(), ["finish_reason"] = "stop" })));
        var usage = Chunk(new JsonArray());
        usage["usage"] = Usage(reply);
        await WriteEventAsync(output, usage);
        await output.WriteAsync("data: [DONE]\n\n"u8.ToArray());
        response.Close();
    }

    private static JsonObject Chunk(JsonArray choices) => new()
    {
        ["id"] = "chatcmpl-fake",
        ["object"] = "chat.completion.chunk",
        ["created"] = 1_700_000_000,
        ["model"] = "fake-model",
        ["choices"] = choices,
    };

    private static async Task WriteEventAsync(Stream output, JsonObject data)
    {
        await output.WriteAsync(Encoding.UTF8.GetBytes("data: " + data.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) + "\n\n"));
        await output.FlushAsync();
    }

    private static async Task WriteAsync(HttpListenerResponse response, int status, string contentType, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    /// <summary>Seconds as Retry-After wants them.</summary>
    public static string Seconds(int seconds) => seconds.ToString(CultureInfo.InvariantCulture);
}
