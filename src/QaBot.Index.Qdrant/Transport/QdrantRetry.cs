using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace QaBot.Index.Qdrant.Transport;

/// <summary>
/// Runs one Qdrant call with retries for transient failures, pausing base × 2^(n−1) (capped) between attempts
/// on the injected <see cref="TimeProvider"/>. Ours because the official client retries nothing and a
/// Grpc.Net.Client retry policy waits on the system clock, which tests cannot advance.
/// </summary>
internal sealed partial class QdrantRetry(QdrantOptions options, TimeProvider timeProvider, ILogger logger)
{
    public async Task<T> RunAsync<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call(cancellationToken);
            }
            catch (RpcException exception) when (exception.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(cancellationToken);
            }
            catch (RpcException exception) when (QdrantFailure.IsTransient(exception) && attempt < options.MaxAttempts)
            {
                var delay = Backoff(attempt);
                LogRetrying(operation, attempt, options.MaxAttempts, exception.StatusCode, delay.TotalMilliseconds);
                await Task.Delay(delay, timeProvider, cancellationToken);
            }
            catch (RpcException exception)
            {
                throw QdrantFailure.Describe(exception, options, operation, attempt);
            }
            catch (global::Qdrant.Client.QdrantException exception)
            {
                // The client's own complaint about an answer (a create or delete the server reports as not done).
                throw new QdrantException($"Qdrant at {options.Url} could not {operation}: {exception.Message}", null, exception);
            }
        }
    }

    /// <summary>Pause before retry n (1-based): base × 2^(n−1), capped.</summary>
    internal TimeSpan Backoff(int attempt)
    {
        var factor = Math.Pow(2, Math.Min(attempt - 1, 30));
        return TimeSpan.FromTicks((long)Math.Min(options.RetryBaseDelay.Ticks * factor, options.RetryMaxDelay.Ticks));
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Qdrant: could not {Operation} (attempt {Attempt} of {MaxAttempts}: {Status}); retrying in {DelayMs} ms")]
    private partial void LogRetrying(string operation, int attempt, int maxAttempts, StatusCode status, double delayMs);
}
