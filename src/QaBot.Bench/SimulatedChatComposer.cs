using QaBot.Core;

namespace QaBot.Bench;

/// <summary>
/// A stand-in for a chat model in load runs: waits as long as a model would take, then composes
/// extractively. Only the bench uses it; tests never wait on a clock.
/// </summary>
public sealed class SimulatedChatComposer(IAnswerComposer inner, TimeSpan latency, TimeProvider timeProvider) : IAnswerComposer
{
    public string Name => "simulated-chat";

    public async Task<ComposedAnswer> ComposeAsync(string question, RetrievalResult retrieval, CancellationToken cancellationToken)
    {
        await Task.Delay(latency, timeProvider, cancellationToken);
        return await inner.ComposeAsync(question, retrieval, cancellationToken);
    }
}
