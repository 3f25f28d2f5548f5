using System.Collections.Concurrent;

namespace QaBot.DiscordBot;

/// <summary>The answers being written now, so their Stop button can cancel them. Only the person who asked may stop one.</summary>
internal sealed class ActiveAnswers
{
    private readonly ConcurrentDictionary<string, (ulong AskerId, CancellationTokenSource Stop)> _answers = new(StringComparer.Ordinal);

    /// <summary>Registers an answer; disposing the result unregisters it and frees its token.</summary>
    public Registration Start(string answerId, ulong askerId, CancellationToken stoppingToken)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        _answers[answerId] = (askerId, stop);
        return new Registration(this, answerId, stop);
    }

    public StopResult TryStop(string answerId, ulong userId)
    {
        if (!_answers.TryGetValue(answerId, out var answer))
        {
            return StopResult.NotRunning;
        }

        if (answer.AskerId != userId)
        {
            return StopResult.NotTheAsker;
        }

        try
        {
            answer.Stop.Cancel();
            return StopResult.Stopped;
        }
        catch (ObjectDisposedException)
        {
            // Finished in the meantime.
            return StopResult.NotRunning;
        }
    }

    internal sealed class Registration(ActiveAnswers owner, string answerId, CancellationTokenSource stop) : IDisposable
    {
        public CancellationToken Token => stop.Token;

        public bool StopRequested => stop.IsCancellationRequested;

        public void Dispose()
        {
            owner._answers.TryRemove(answerId, out _);
            stop.Dispose();
        }
    }
}

internal enum StopResult
{
    Stopped,
    NotRunning,
    NotTheAsker,
}
