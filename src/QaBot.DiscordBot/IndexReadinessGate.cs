using Microsoft.Extensions.Options;
using QaBot.Analysis;
using QaBot.Core;

namespace QaBot.DiscordBot;

/// <summary>
/// Decides what happens to a question while the index is not ready: held in the queue when the ingest should be
/// done within <see cref="DiscordBotOptions.ReadyWait"/>, or answered at once with a "still indexing" note.
/// </summary>
internal sealed class IndexReadinessGate(IIndexState index, IOptions<DiscordBotOptions> options, TimeProvider timeProvider)
{
    public IndexState Current => index.Current;

    /// <summary>
    /// The reply to send now instead of queueing <paramref name="question"/>; <see langword="null"/> when the index is
    /// ready or the question may wait for it in the queue.
    /// </summary>
    public string? ReplyNow(string question)
    {
        var state = index.Current;
        return state.IsReady || ShouldHold(state) ? null : NotReadyReply(state, question);
    }

    /// <summary>The "still indexing" (or "empty", "failed") note for <paramref name="question"/>, in its language.</summary>
    public static string NotReadyReply(IndexState state, string question) =>
        ReadinessReplies.For(state, LanguageDetector.Detect(question));

    /// <summary>
    /// Waits until the index is ready, at most <see cref="DiscordBotOptions.ReadyWait"/> after <paramref name="receivedAt"/>
    /// (so questions queued behind a held one do not wait once more each); <see langword="false"/> when it is not by then.
    /// </summary>
    public async Task<bool> WaitUntilReadyAsync(DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var wait = options.Value.ReadyWait - (timeProvider.GetUtcNow() - receivedAt);
        if (index.Current.IsReady || wait <= TimeSpan.Zero)
        {
            return index.Current.IsReady;
        }

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(object? sender, IndexState state)
        {
            if (state.Phase != IndexPhase.Ingesting)
            {
                ready.TrySetResult();
            }
        }

        index.Changed += OnChanged;
        try
        {
            // Checked again after subscribing, so a change in between is not missed.
            if (index.Current.Phase != IndexPhase.Ingesting)
            {
                return index.Current.IsReady;
            }

            try
            {
                await ready.Task.WaitAsync(wait, timeProvider, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Waited long enough; the caller says "still indexing".
            }

            return index.Current.IsReady;
        }
        finally
        {
            index.Changed -= OnChanged;
        }
    }

    /// <summary>
    /// Hold unless the pace of the ingest says it will not end within the wait. With no pace yet (no file done) the
    /// question is held: it waits at most the wait, counted from when it arrived, and then gets the note anyway.
    /// </summary>
    private bool ShouldHold(IndexState state)
    {
        var wait = options.Value.ReadyWait;
        if (state.Phase != IndexPhase.Ingesting || wait <= TimeSpan.Zero)
        {
            return false;
        }

        return state.EstimateRemaining(timeProvider.GetUtcNow()) is not { } remaining || remaining <= wait;
    }
}
