using System.Collections.Concurrent;

namespace QaBot.DiscordBot.Tests;

public sealed class BoundedDispatcherTests
{
    [Fact]
    public async Task TryEnqueue_WorkerBusyAndQueueFull_RefusesWithoutQueueing()
    {
        var dispatcher = new BoundedDispatcher<string>(capacity: 1);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handled = new ConcurrentQueue<string>();
        var running = dispatcher.RunAsync(1, async (item, _) =>
        {
            started.TrySetResult();
            await release.Task;
            handled.Enqueue(item);
        }, CancellationToken.None);
        Assert.True(dispatcher.TryEnqueue("one"));
        await started.Task;

        var second = dispatcher.TryEnqueue("two");
        var third = dispatcher.TryEnqueue("three");
        release.SetResult();
        dispatcher.Complete();
        await running;

        Assert.True(second);
        Assert.False(third);
        Assert.Equal(["one", "two"], handled);
    }

    [Fact]
    public async Task Complete_ItemsQueued_HandlesThemBeforeRunEnds()
    {
        var dispatcher = new BoundedDispatcher<int>(capacity: 4);
        var handled = new ConcurrentQueue<int>();
        Assert.True(dispatcher.TryEnqueue(1));
        Assert.True(dispatcher.TryEnqueue(2));

        dispatcher.Complete();
        await dispatcher.RunAsync(2, (item, _) => { handled.Enqueue(item); return Task.CompletedTask; }, CancellationToken.None);

        Assert.Equal([1, 2], handled.Order());
        Assert.False(dispatcher.TryEnqueue(3));
    }

    [Fact]
    public async Task RunAsync_Cancelled_EndsWithoutThrowingAndDropsWhatIsQueued()
    {
        var dispatcher = new BoundedDispatcher<int>(capacity: 4);
        using var stop = new CancellationTokenSource();
        var running = dispatcher.RunAsync(1, (_, token) => Task.Delay(Timeout.Infinite, token), stop.Token);
        Assert.True(dispatcher.TryEnqueue(1));
        Assert.True(dispatcher.TryEnqueue(2));

        await stop.CancelAsync();

        await running.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
