using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;
using QaBot.Core;

namespace QaBot.Answering;

/// <summary>
/// Answers questions on a fixed number of workers behind a bounded queue. When the queue is full a question is
/// turned away at once (the front end replies "busy") instead of piling up in memory, so overload costs
/// rejections, never unbounded growth.
/// </summary>
public sealed class BoundedAnswerDispatcher : IAsyncDisposable
{
    private readonly IAnswerService _answers;
    private readonly Channel<WorkItem> _queue;
    private readonly Task[] _workers;

    /// <param name="workers">Questions answered at the same time.</param>
    /// <param name="queueCapacity">Questions waiting for a worker; one more is rejected.</param>
    public BoundedAnswerDispatcher(IAnswerService answers, int workers, int queueCapacity)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workers);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(queueCapacity);
        _answers = answers;
        _queue = Channel.CreateBounded<WorkItem>(new BoundedChannelOptions(queueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        });
        _workers = Enumerable.Range(0, workers).Select(_ => Task.Run(WorkAsync)).ToArray();
    }

    /// <summary>Queues a question; false, with no answer, when the queue is full or the dispatcher is stopping.</summary>
    public bool TryEnqueue(Question question, CancellationToken cancellationToken, [NotNullWhen(true)] out Task<Answer>? answer)
    {
        ArgumentNullException.ThrowIfNull(question);
        var item = new WorkItem(question, new TaskCompletionSource<Answer>(TaskCreationOptions.RunContinuationsAsynchronously), cancellationToken);
        if (!_queue.Writer.TryWrite(item))
        {
            answer = null;
            return false;
        }

        answer = item.Answer.Task;
        return true;
    }

    /// <summary>Stops taking questions, lets the workers finish those already queued, and waits for them.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_workers);
    }

    private async Task WorkAsync()
    {
        await foreach (var item in _queue.Reader.ReadAllAsync())
        {
            if (item.CancellationToken.IsCancellationRequested)
            {
                item.Answer.TrySetCanceled(item.CancellationToken);
                continue;
            }

            try
            {
                item.Answer.TrySetResult(await _answers.AnswerAsync(item.Question, item.CancellationToken));
            }
            catch (OperationCanceledException) when (item.CancellationToken.IsCancellationRequested)
            {
                item.Answer.TrySetCanceled(item.CancellationToken);
            }
            catch (Exception exception)
            {
                // The caller awaits this answer and decides how to reply; the worker keeps serving.
                item.Answer.TrySetException(exception);
            }
        }
    }

    private sealed record WorkItem(Question Question, TaskCompletionSource<Answer> Answer, CancellationToken CancellationToken);
}
