using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace QaBot.Discord.Rest;

/// <summary>
/// Discord's REST limits, learned from the <c>X-RateLimit-*</c> headers: per-route buckets keyed by bucket id plus
/// top-level resource, the global 50 requests/s (interaction endpoints exempt), and 429 blocks. One per process.
/// </summary>
internal sealed class DiscordRateLimiter(TimeProvider timeProvider, ILogger<DiscordRateLimiter> logger) : IDisposable
{
    /// <summary>Discord's global limit per bot.</summary>
    public const int GlobalRequestsPerSecond = 50;

    private readonly ConcurrentDictionary<string, string> _bucketIdsByRoute = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RestBucket> _buckets = new(StringComparer.Ordinal);
    private readonly SlidingWindowLimiter _global = new(TimeSpan.FromSeconds(1), timeProvider);
    private long _globalBlockedUntilUtcTicks;

    /// <summary>Waits until <paramref name="route"/> may be called and holds its bucket; pass the bucket to <see cref="Release"/>.</summary>
    public async Task<RestBucket> AcquireAsync(DiscordRoute route, CancellationToken cancellationToken)
    {
        var bucket = GetBucket(route);
        await bucket.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var wait = bucket.TimeUntilAvailable(timeProvider.GetUtcNow());
            if (wait > TimeSpan.Zero)
            {
                Log.RestBucketWait(logger, route.Key, wait);
                await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
            }

            if (!route.IsInteraction)
            {
                var globalWait = new DateTimeOffset(Interlocked.Read(ref _globalBlockedUntilUtcTicks), TimeSpan.Zero) - timeProvider.GetUtcNow();
                if (globalWait > TimeSpan.Zero)
                {
                    await Task.Delay(globalWait, timeProvider, cancellationToken).ConfigureAwait(false);
                }

                await _global.AcquireAsync(GlobalRequestsPerSecond, cancellationToken).ConfigureAwait(false);
            }

            return bucket;
        }
        catch
        {
            bucket.Gate.Release();
            throw;
        }
    }

    /// <summary>Lets the next request on the bucket go.</summary>
    public static void Release(RestBucket bucket) => bucket.Gate.Release();

    /// <summary>Learns the bucket id and its state from a response's headers.</summary>
    public void Update(DiscordRoute route, RestBucket heldBucket, HttpResponseHeaders headers)
    {
        var target = heldBucket;
        if (TryGetHeader(headers, "X-RateLimit-Bucket") is { Length: > 0 } bucketId)
        {
            _bucketIdsByRoute[route.Key] = bucketId;
            target = _buckets.GetOrAdd($"{bucketId}:{route.MajorParameter}", _ => new RestBucket());
        }

        if (!int.TryParse(TryGetHeader(headers, "X-RateLimit-Remaining"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining))
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        DateTimeOffset resetsAt;
        if (double.TryParse(TryGetHeader(headers, "X-RateLimit-Reset-After"), NumberStyles.Float, CultureInfo.InvariantCulture, out var resetAfterSeconds))
        {
            // Reset-After is immune to clock skew, so it wins over Reset.
            resetsAt = now + TimeSpan.FromSeconds(resetAfterSeconds);
        }
        else if (double.TryParse(TryGetHeader(headers, "X-RateLimit-Reset"), NumberStyles.Float, CultureInfo.InvariantCulture, out var resetEpochSeconds))
        {
            resetsAt = DateTimeOffset.UnixEpoch + TimeSpan.FromSeconds(resetEpochSeconds);
        }
        else
        {
            return;
        }

        heldBucket.Apply(remaining, resetsAt);
        if (!ReferenceEquals(target, heldBucket))
        {
            target.Apply(remaining, resetsAt);
        }
    }

    /// <summary>Blocks the bucket, or every non-interaction route when <paramref name="global"/>, for <paramref name="retryAfter"/>.</summary>
    public void OnRateLimited(DiscordRoute route, RestBucket heldBucket, TimeSpan retryAfter, bool global)
    {
        var until = timeProvider.GetUtcNow() + retryAfter;
        if (global && !route.IsInteraction)
        {
            Interlocked.Exchange(ref _globalBlockedUntilUtcTicks, until.UtcTicks);
            return;
        }

        heldBucket.BlockUntil(until);
        if (_bucketIdsByRoute.TryGetValue(route.Key, out var bucketId)
            && _buckets.TryGetValue($"{bucketId}:{route.MajorParameter}", out var shared))
        {
            shared.BlockUntil(until);
        }
    }

    public void Dispose()
    {
        foreach (var bucket in _buckets.Values)
        {
            bucket.Dispose();
        }
    }

    private RestBucket GetBucket(DiscordRoute route)
    {
        var key = _bucketIdsByRoute.TryGetValue(route.Key, out var bucketId)
            ? $"{bucketId}:{route.MajorParameter}"
            : $"{route.Key}:{route.MajorParameter}";
        return _buckets.GetOrAdd(key, _ => new RestBucket());
    }

    private static string? TryGetHeader(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
