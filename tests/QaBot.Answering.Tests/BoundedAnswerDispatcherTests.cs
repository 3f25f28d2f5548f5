using QaBot.Core;

namespace QaBot.Answering.Tests;

public sealed class BoundedAnswerDispatcherTests
{
    /// <summary>Answers only when released, and says when a question has reached it.</summary>
    private sealed class GatedAnswerService : IAnswerService
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Exception? Failure { get; init; }

        public async Task<Answer> AnswerAsync(Question question, CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
            if (Failure is not null)
            {
                throw Failure;
            }

            return new Answer("answer to " + question.Text, [], false, RetrievalResult.Empty, "gated", TimeSpan.Zero);
        }
    }

    [Fact]
    public async Task TryEnqueue_WorkerBusyAndQueueFull_RejectsWithoutQueueing()
    {
        var service = new GatedAnswerService();
        var dispatcher = new BoundedAnswerDispatcher(service, workers: 1, queueCapacity: 1);
        Assert.True(dispatcher.TryEnqueue(new Question("one"), CancellationToken.None, out var first));
        await service.Started.Task;

        var secondAccepted = dispatcher.TryEnqueue(new Question("two"), CancellationToken.None, out var second);
        var thirdAccepted = dispatcher.TryEnqueue(new Question("three"), CancellationToken.None, out var third);

        Assert.True(secondAccepted);
        Assert.False(thirdAccepted);
        Assert.Null(third);
        service.Release.SetResult();
        Assert.Equal("answer to one", (await first).Text);
        Assert.Equal("answer to two", (await second!).Text);
        await dispatcher.DisposeAsync();
    }

    [Fact]
    public async Task TryEnqueue_AfterQueueDrains_AcceptsAgain()
    {
        var service = new GatedAnswerService();
        service.Release.SetResult();
        await using var dispatcher = new BoundedAnswerDispatcher(service, workers: 1, queueCapacity: 1);
        Assert.True(dispatcher.TryEnqueue(new Question("one"), CancellationToken.None, out var first));
        await first;

        var accepted = dispatcher.TryEnqueue(new Question("two"), CancellationToken.None, out var second);

        Assert.True(accepted);
        Assert.Equal("answer to two", (await second!).Text);
    }

    [Fact]
    public async Task TryEnqueue_ServiceThrows_FaultsThatAnswerAndKeepsServing()
    {
        var service = new GatedAnswerService { Failure = new InvalidOperationException("boom") };
        service.Release.SetResult();
        await using var dispatcher = new BoundedAnswerDispatcher(service, workers: 1, queueCapacity: 2);
        Assert.True(dispatcher.TryEnqueue(new Question("one"), CancellationToken.None, out var first));

        await Assert.ThrowsAsync<InvalidOperationException>(() => first);
        Assert.True(dispatcher.TryEnqueue(new Question("two"), CancellationToken.None, out var second));
        await Assert.ThrowsAsync<InvalidOperationException>(() => second!);
    }

    [Fact]
    public async Task DisposeAsync_QuestionsQueued_AnswersThemBeforeStopping()
    {
        var service = new GatedAnswerService();
        var dispatcher = new BoundedAnswerDispatcher(service, workers: 1, queueCapacity: 4);
        Assert.True(dispatcher.TryEnqueue(new Question("one"), CancellationToken.None, out var first));
        Assert.True(dispatcher.TryEnqueue(new Question("two"), CancellationToken.None, out var second));

        service.Release.SetResult();
        await dispatcher.DisposeAsync();

        Assert.True(first.IsCompletedSuccessfully);
        Assert.True(second!.IsCompletedSuccessfully);
        Assert.False(dispatcher.TryEnqueue(new Question("three"), CancellationToken.None, out _));
    }
}
