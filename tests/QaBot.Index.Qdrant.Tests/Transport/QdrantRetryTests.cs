using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using QaBot.Index.Qdrant.Transport;
using QaBot.Testing;

namespace QaBot.Index.Qdrant.Tests.Transport;

public sealed class QdrantRetryTests
{
    private static readonly QdrantOptions Options = WithBaseDelay(TimeSpan.FromSeconds(1));

    private static QdrantOptions WithBaseDelay(TimeSpan delay) => new()
    {
        Url = new Uri("http://qdrant.test:6334"),
        MaxAttempts = 3,
        RetryBaseDelay = delay,
        RetryMaxDelay = TimeSpan.FromSeconds(8),
    };

    private static RpcException Failure(StatusCode status, string detail = "scripted", Exception? debug = null) => new(new Status(status, detail, debug));

    [Fact]
    public async Task RunAsync_TwoUnavailableThenSuccess_WaitsOneThenTwoSecondsOnTheTimeProvider()
    {
        var time = new FakeTimeProvider();
        var retry = new QdrantRetry(Options, time, NullLogger.Instance);
        var attempts = 0;

        var run = retry.RunAsync("count points", _ => ++attempts < 3 ? throw Failure(StatusCode.Unavailable) : Task.FromResult(42), CancellationToken.None);
        var afterFirst = attempts;
        time.Advance(TimeSpan.FromMilliseconds(999));
        var beforeFirstPause = attempts;
        time.Advance(TimeSpan.FromMilliseconds(1));
        var afterFirstPause = attempts;
        time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(42, await run);
        Assert.Equal((1, 1, 2, 3), (afterFirst, beforeFirstPause, afterFirstPause, attempts));
    }

    [Fact]
    public async Task RunAsync_UnavailableEveryTime_ThrowsUnavailableNamingTheUrlKeyAfterAllAttempts()
    {
        var time = new ObservedTimeProvider();
        var retry = new QdrantRetry(Options, time, NullLogger.Instance);
        var attempts = 0;

        var run = retry.RunAsync<int>("count points", _ => { attempts++; throw Failure(StatusCode.Unavailable, "failed to connect"); }, CancellationToken.None);
        await time.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(1));
        await time.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(2));

        var error = await Assert.ThrowsAsync<QdrantUnavailableException>(() => run);
        Assert.Equal(3, attempts);
        Assert.Equal("Qdrant at http://qdrant.test:6334/ could not count points after 3 attempt(s) (Unavailable: failed to connect). Check that the server runs (docker compose up -d qdrant) and that Qdrant:Url names its gRPC port (default 6334).", error.Message);
    }

    [Fact]
    public async Task RunAsync_Unauthenticated_FailsAtOnceWithOneLineNamingTheApiKey()
    {
        var retry = new QdrantRetry(Options, new FakeTimeProvider(), NullLogger.Instance);
        var attempts = 0;

        var error = await Assert.ThrowsAsync<QdrantAuthorizationException>(() =>
            retry.RunAsync<int>("count points", _ => { attempts++; throw Failure(StatusCode.Unauthenticated, "Invalid api-key\nsecond line"); }, CancellationToken.None));

        Assert.Equal(1, attempts);
        Assert.Contains("Qdrant:ApiKey", error.Message, StringComparison.Ordinal);
        Assert.Contains("Invalid api-key second line", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task RunAsync_InternalFromABrokenConnection_IsRetriedButAServerErrorIsNot()
    {
        var time = new FakeTimeProvider { AutoAdvanceAmount = TimeSpan.FromSeconds(1) };
        var retry = new QdrantRetry(WithBaseDelay(TimeSpan.Zero), time, NullLogger.Instance);
        var broken = 0;
        var server = 0;

        var recovered = await retry.RunAsync("scroll points", _ => ++broken < 2 ? throw Failure(StatusCode.Internal, "Error starting gRPC call.", new HttpRequestException("connection reset", new IOException("reset"))) : Task.FromResult(1), CancellationToken.None);
        var error = await Assert.ThrowsAsync<QdrantException>(() => retry.RunAsync<int>("scroll points", _ => { server++; throw Failure(StatusCode.Internal, "Service internal error: segment damaged"); }, CancellationToken.None));

        Assert.Equal((1, 2, 1), (recovered, broken, server));
        Assert.Contains("segment damaged", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Backoff_GrowingAttempts_DoublesUpToTheCap()
    {
        var retry = new QdrantRetry(Options, new FakeTimeProvider(), NullLogger.Instance);

        Assert.Equal([1, 2, 4, 8, 8], Enumerable.Range(1, 5).Select(n => retry.Backoff(n).TotalSeconds));
    }
}
