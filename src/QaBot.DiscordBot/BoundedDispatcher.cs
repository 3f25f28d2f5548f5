using System.Threading.Channels;

namespace QaBot.DiscordBot;

/// <summary>
/// The one bounded queue of the bot: work waits here for a fixed number of workers, and when the queue is full
/// <see cref="TryEnqueue"/> refuses at once (the front end replies "busy"), so overload costs rejections, never
/// unbounded growth. <c>qabot bench --load</c> drives the same class.
/// </summary>
public sealed class BoundedDispatcher<T>
{
    private readonly Channel<T> _queue;

    /// <param name="capacity">Items that may wait for a worker; one more is refused.</param>
    public BoundedDispatcher(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _queue = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.Wait });
    }

    /// <summary>Queues an item; <see langword="false"/> when the queue is full or completed.</summary>
    public bool TryEnqueue(T item) => _queue.Writer.TryWrite(item);

    /// <summary>Takes no more items; <see cref="RunAsync"/> ends once the queued ones are handled.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    /// <summary>
    /// Runs <paramref name="workers"/> workers that hand each item to <paramref name="handle"/>, until
    /// <see cref="Complete"/> has been called and the queue is drained, or until cancellation (queued items are dropped).
    /// <paramref name="handle"/> catches its own failures: an exception from it stops its worker.
    /// </summary>
    public Task RunAsync(int workers, Func<T, CancellationToken, Task> handle, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workers);
        ArgumentNullException.ThrowIfNull(handle);
        return Task.WhenAll(Enumerable.Range(0, workers).Select(_ => WorkAsync(handle, cancellationToken)));
    }

    private async Task WorkAsync(Func<T, CancellationToken, Task> handle, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in _queue.Reader.ReadAllAsync(cancellationToken))
            {
                await handle(item, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: what is still queued is dropped.
        }
    }
}
