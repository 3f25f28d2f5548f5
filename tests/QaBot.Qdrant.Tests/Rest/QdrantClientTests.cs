using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using QaBot.Qdrant.Rest;
using QaBot.Qdrant.Tests.Fakes;

namespace QaBot.Qdrant.Tests.Rest;

public sealed class QdrantClientTests
{
    private const string Collection = "docs";
    internal const string CountOk = """{"result":{"count":3},"status":"ok","time":0.001}""";

    private static QdrantClient ClientFor(Uri url, TimeProvider time, Action<QdrantOptions>? configure = null, HttpMessageHandler? handler = null)
    {
        var options = new QdrantOptions { Url = url, RetryBaseDelay = TimeSpan.FromSeconds(1), RetryMaxDelay = TimeSpan.FromSeconds(4), MaxAttempts = 4 };
        configure?.Invoke(options);
        var http = handler is null ? new HttpClient() : new HttpClient(handler);
        http.BaseAddress = url;
        http.Timeout = Timeout.InfiniteTimeSpan;
        return new QdrantClient(http, options, time, NullLogger<QdrantClient>.Instance);
    }

    /// <summary>Advances fake time in steps until the call ends, so retries and timeouts happen without waiting.</summary>
    private static async Task<T> CompleteAsync<T>(FakeTimeProvider time, Task<T> call, TimeSpan step)
    {
        while (!call.IsCompleted)
        {
            await Task.WhenAny(call, Task.Delay(5));
            time.Advance(step);
        }

        return await call;
    }

    [Fact]
    public async Task CountAsync_ApiKeyConfigured_SendsItInTheApiKeyHeader()
    {
        await using var server = await FakeQdrantServer.StartAsync(apiKey: "secret-key");
        server.Engine.Collections[Collection] = new FakeCollection();
        var client = ClientFor(server.BaseUrl, TimeProvider.System, o => o.ApiKey = "secret-key");

        var count = await client.CountAsync(Collection, null, CancellationToken.None);

        Assert.Equal(0, count);
        Assert.Equal("secret-key", Assert.Single(server.Calls).ApiKey);
    }

    [Fact]
    public async Task CountAsync_WrongApiKey_PlainText401BecomesMessageAboutTheKey()
    {
        await using var server = await FakeQdrantServer.StartAsync(apiKey: "secret-key");
        var client = ClientFor(server.BaseUrl, TimeProvider.System, o => o.ApiKey = "wrong");

        var error = await Assert.ThrowsAsync<QdrantAuthorizationException>(() => client.CountAsync(Collection, null, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains("Qdrant:ApiKey is missing or wrong", error.Message, StringComparison.Ordinal);
        Assert.Contains("Must provide an API key", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong\"", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Calls); // Not retried.
    }

    [Fact]
    public async Task UpsertPointsAsync_Forbidden_MessageSaysTheKeyLacksRights()
    {
        var handler = new StubHandler(StubHandler.Respond(HttpStatusCode.Forbidden, """{"status":{"error":"Forbidden: Write access denied"},"time":0.0}"""));
        var client = ClientFor(new Uri("http://127.0.0.1:1/"), TimeProvider.System, handler: handler);

        var error = await Assert.ThrowsAsync<QdrantAuthorizationException>(() => client.UpsertPointsAsync(Collection, [new PointStruct(Guid.Empty, new Dictionary<string, object>(), null)], CancellationToken.None));

        Assert.Contains("lacks the rights", error.Message, StringComparison.Ordinal);
        Assert.Contains("Write access denied", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CountAsync_TwoTransient503s_SucceedsOnTheThirdAttempt()
    {
        await using var server = await FakeQdrantServer.StartAsync();
        server.Engine.Collections[Collection] = new FakeCollection();
        server.FailNext(2);
        var time = new FakeTimeProvider();
        var client = ClientFor(server.BaseUrl, time);

        var count = await CompleteAsync(time, client.CountAsync(Collection, null, CancellationToken.None), TimeSpan.FromSeconds(1));

        Assert.Equal(0, count);
        Assert.Equal(3, server.Calls.Count);
        Assert.Equal(200, server.Calls.Last().Status);
    }

    [Fact]
    public async Task WaitUntilReadyAsync_NothingListens_FailsAfterBoundedAttemptsWithClearMessage()
    {
        var port = ClosedLoopbackPort();
        var time = new FakeTimeProvider();
        var client = ClientFor(new Uri($"http://127.0.0.1:{port}/"), time);

        var error = await Assert.ThrowsAsync<QdrantUnavailableException>(() => CompleteAsync(time, WaitAsync(client), TimeSpan.FromSeconds(1)));

        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("after 4 attempt(s)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Qdrant:Url", error.Message, StringComparison.Ordinal);

        static async Task<bool> WaitAsync(QdrantClient client)
        {
            await client.WaitUntilReadyAsync(CancellationToken.None);
            return true;
        }
    }

    [Fact]
    public async Task GetCollectionAsync_Missing_Throws404WithServerMessageWithoutRetrying()
    {
        await using var server = await FakeQdrantServer.StartAsync();
        var client = ClientFor(server.BaseUrl, TimeProvider.System);

        var error = await Assert.ThrowsAsync<QdrantException>(() => client.GetCollectionAsync("missing", CancellationToken.None));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Contains("Collection `missing` doesn't exist", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Calls);
    }

    [Fact]
    public async Task CountAsync_ServerNeverAnswers_TimesOutEachAttemptThenFails()
    {
        var handler = new StubHandler(StubHandler.Hang);
        var time = new FakeTimeProvider();
        var client = ClientFor(new Uri("http://127.0.0.1:1/"), time, o => (o.RequestTimeout, o.MaxAttempts) = (TimeSpan.FromSeconds(10), 2), handler);

        var error = await Assert.ThrowsAsync<QdrantUnavailableException>(() => CompleteAsync(time, client.CountAsync(Collection, null, CancellationToken.None), TimeSpan.FromSeconds(1)));

        Assert.Contains("no answer within 10 s (Qdrant:RequestTimeout)", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, handler.Calls);
    }

    [Fact]
    public async Task CountAsync_CallerCancels_StopsWithoutRetrying()
    {
        var handler = new StubHandler(StubHandler.Hang);
        var client = ClientFor(new Uri("http://127.0.0.1:1/"), new FakeTimeProvider(), handler: handler);
        using var cancellation = new CancellationTokenSource();

        var call = client.CountAsync(Collection, null, cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task CountAsync_RateLimitedWithRetryAfter_WaitsThatLongBeforeRetrying()
    {
        var handler = new StubHandler(
            StubHandler.Respond(HttpStatusCode.TooManyRequests, """{"status":{"error":"Too many requests"},"time":0.0}""", r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(7))),
            StubHandler.Respond(HttpStatusCode.OK, CountOk));
        var time = new FakeTimeProvider();
        var client = ClientFor(new Uri("http://127.0.0.1:1/"), time, handler: handler);

        var call = client.CountAsync(Collection, null, CancellationToken.None);
        while (handler.Calls < 1)
        {
            await Task.Delay(5);
        }

        time.Advance(TimeSpan.FromSeconds(6.9));
        await Task.WhenAny(call, Task.Delay(50));
        var retriedEarly = handler.Calls > 1;
        time.Advance(TimeSpan.FromSeconds(0.1));

        Assert.Equal(3, await call);
        Assert.False(retriedEarly);
        Assert.Equal(2, handler.Calls);
    }

    [Fact]
    public void Backoff_SuccessiveRetries_DoubleUpToTheCap()
    {
        var transport = new QdrantTransport(new HttpClient(), new QdrantOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(500), RetryMaxDelay = TimeSpan.FromSeconds(3) }, TimeProvider.System, NullLogger.Instance);

        var delays = Enumerable.Range(1, 5).Select(a => transport.Backoff(a).TotalMilliseconds);

        Assert.Equal([500, 1000, 2000, 3000, 3000], delays);
    }

    [Fact]
    public void Split_ManyPoints_EveryBodyUnderTheByteLimitAndAllPointsInOrder()
    {
        var points = Enumerable.Range(0, 100)
            .Select(i => new PointStruct(Core.ChunkId.For("a.txt", i), new Dictionary<string, object>(), new Dictionary<string, object?> { ["text"] = new string('x', 1000) }))
            .ToList();

        var bodies = RequestBatcher.Split("points", points, p => p.Id, 10_000, 256).ToList();

        Assert.True(bodies.Count >= 10);
        Assert.All(bodies, b => Assert.True(b.Length <= 10_000, $"{b.Length} bytes"));
        var ids = bodies.SelectMany(b => JsonDocument.Parse(b).RootElement.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
        Assert.Equal(points.Select(p => p.Id), ids);
    }

    [Fact]
    public void Split_PointOverTheLimit_ThrowsNamingThePointAndTheKey()
    {
        var point = new PointStruct(Guid.Empty, new Dictionary<string, object>(), new Dictionary<string, object?> { ["text"] = new string('x', 2000) });

        var error = Assert.Throws<QdrantException>(() => RequestBatcher.Split("points", [point], p => p.Id, 1000, 256).ToList());

        Assert.Contains("Qdrant:MaxRequestBytes", error.Message, StringComparison.Ordinal);
        Assert.Contains(Guid.Empty.ToString(), error.Message, StringComparison.Ordinal);
    }

    private static int ClosedLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
