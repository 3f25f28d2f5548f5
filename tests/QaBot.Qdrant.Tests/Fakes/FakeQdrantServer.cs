using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using QaBot.Qdrant.Tests.Spec;
using QaBot.Testing;

namespace QaBot.Qdrant.Tests.Fakes;

/// <summary>A call the fake received, with the spec operation it matched and what it answered.</summary>
internal sealed record FakeQdrantCall(string Method, string PathTemplate, string RequestBody, int Status, string ResponseBody, string? ApiKey);

/// <summary>
/// A fake Qdrant 1.19 REST server on loopback (HttpListener), written from the fact sheet: collections,
/// payload indexes, points, scroll, count and the Query API over an in-memory <see cref="FakeQdrantEngine"/>.
/// Every JSON request body and every 200 response body is validated against the OpenAPI spec; violations are
/// collected in <see cref="SpecViolations"/>. Faults can be scripted: a number of 503s, plain-text 401s,
/// or the server going away.
/// </summary>
internal sealed class FakeQdrantServer : IAsyncDisposable
{
    private static readonly (string Method, string Template, Regex Pattern)[] Routes = BuildRoutes(
        ("GET", "/readyz"),
        ("GET", "/collections/{collection_name}/exists"),
        ("GET", "/collections/{collection_name}"),
        ("PUT", "/collections/{collection_name}"),
        ("DELETE", "/collections/{collection_name}"),
        ("PUT", "/collections/{collection_name}/index"),
        ("PUT", "/collections/{collection_name}/points"),
        ("POST", "/collections/{collection_name}/points/delete"),
        ("PUT", "/collections/{collection_name}/points/vectors"),
        ("POST", "/collections/{collection_name}/points/vectors/delete"),
        ("POST", "/collections/{collection_name}/points/scroll"),
        ("POST", "/collections/{collection_name}/points/count"),
        ("POST", "/collections/{collection_name}/points/query"));

    private readonly HttpListener _listener;
    private readonly Task _acceptLoop;
    private readonly QdrantSpec _spec;
    private readonly Lock _faults = new();
    private int _failuresToSend;
    private int _failureStatus;
    private int _requestsBeforeOutage = -1;

    private FakeQdrantServer(QdrantSpec spec, string? apiKey)
    {
        _spec = spec;
        ApiKey = apiKey;
        (_listener, BaseUrl) = LoopbackListener.Start();
        _acceptLoop = Task.Run(() => LoopbackListener.AcceptAsync(_listener, HandleQuietlyAsync));
    }

    public static async Task<FakeQdrantServer> StartAsync(string? apiKey = null) => new(await QdrantSpec.GetAsync(), apiKey);

    public Uri BaseUrl { get; }

    public string? ApiKey { get; set; }

    public FakeQdrantEngine Engine { get; } = new();

    public ConcurrentQueue<FakeQdrantCall> Calls { get; } = new();

    public ConcurrentQueue<string> SpecViolations { get; } = new();

    /// <summary>The next <paramref name="count"/> requests get <paramref name="status"/> with an error envelope.</summary>
    public void FailNext(int count, int status = 503)
    {
        lock (_faults)
        {
            _failureStatus = status;
            _failuresToSend = count;
        }
    }

    /// <summary>After <paramref name="requests"/> more requests, every request fails with 503 until <see cref="Recover"/>.</summary>
    public void GoAwayAfter(int requests)
    {
        lock (_faults)
        {
            _requestsBeforeOutage = requests;
        }
    }

    public void Recover()
    {
        lock (_faults)
        {
            _requestsBeforeOutage = -1;
            _failuresToSend = 0;
        }
    }

    /// <summary>The status of a scripted failure for this request, or null to answer normally.</summary>
    private int? NextFault()
    {
        lock (_faults)
        {
            if (_failuresToSend > 0)
            {
                _failuresToSend--;
                return _failureStatus;
            }

            if (_requestsBeforeOutage == 0)
            {
                return 503;
            }

            if (_requestsBeforeOutage > 0)
            {
                _requestsBeforeOutage--;
            }

            return null;
        }
    }

    /// <summary>Calls whose route matched the template, in order.</summary>
    public IReadOnlyList<FakeQdrantCall> CallsTo(string method, string template) =>
        [.. Calls.Where(c => c.Method == method && c.PathTemplate == template)];

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _acceptLoop;
    }

    private async Task HandleQuietlyAsync(HttpListenerContext context)
    {
        try
        {
            await HandleAsync(context);
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client went away (a cancelled or timed-out call); nothing to answer.
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        string body;
        using (var reader = new StreamReader(request.InputStream, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync();
        }

        var path = request.Url!.AbsolutePath;
        var route = Routes.FirstOrDefault(r => r.Method == request.HttpMethod && r.Pattern.IsMatch(path));
        var apiKey = request.Headers["api-key"];
        int status;
        string contentType;
        string response;
        try
        {
            (status, contentType, response) = Answer(request.HttpMethod, path, route.Template, body, apiKey);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A bug in the fake must fail the test, not hang it.
            SpecViolations.Enqueue($"{request.HttpMethod} {path}: the fake failed: {exception}");
            (status, contentType, response) = (500, "application/json", FakeQdrantEngine.Error("fake failed: " + exception.Message));
        }

        Calls.Enqueue(new FakeQdrantCall(request.HttpMethod, route.Template ?? path, body, status, response, apiKey));
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        var bytes = Encoding.UTF8.GetBytes(response);
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    private (int Status, string ContentType, string Body) Answer(string method, string path, string? template, string body, string? apiKey)
    {
        const string Json = "application/json";
        if (NextFault() is { } fault)
        {
            return (fault, Json, FakeQdrantEngine.Error("Service unavailable: scripted failure"));
        }

        if (ApiKey is not null && path != "/readyz" && apiKey != ApiKey)
        {
            return (401, "text/plain", "Must provide an API key or an Authorization bearer token");
        }

        if (template is null)
        {
            SpecViolations.Enqueue($"{method} {path}: no route of the fake matches");
            return (404, Json, FakeQdrantEngine.Error($"Not found: {method} {path}"));
        }

        if (body.Length > 0)
        {
            foreach (var error in _spec.ValidateRequest(method, template, body))
            {
                SpecViolations.Enqueue($"request {method} {template}: {error} in {Shorten(body)}");
            }
        }

        var collection = Uri.UnescapeDataString(path.Split('/', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1) ?? "");
        var (status, response) = Engine.Handle(method, template, collection, body);
        if (template == "/readyz")
        {
            return (status, "text/plain", response);
        }

        if (status == 200)
        {
            foreach (var error in _spec.ValidateResponse(method, template, response))
            {
                SpecViolations.Enqueue($"response {method} {template}: {error} in {Shorten(response)}");
            }
        }

        return (status, Json, response);
    }

    private static string Shorten(string text) => text.Length <= 400 ? text : text[..400] + "…";

    private static (string, string, Regex)[] BuildRoutes(params (string Method, string Template)[] routes) =>
        [.. routes.Select(r => (r.Method, r.Template, new Regex("^" + Regex.Escape(r.Template).Replace(@"\{collection_name}", "[^/]+", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant)))];

}
