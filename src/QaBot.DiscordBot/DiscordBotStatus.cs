namespace QaBot.DiscordBot;

/// <summary>What the host needs to know about the running bot: when it is first connected, and when (and why) it stopped.</summary>
public sealed class DiscordBotStatus
{
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the first READY; cancelled when the bot stops before it.</summary>
    public Task Connected => _connected.Task;

    /// <summary>Completes when the bot stops; faulted with the reason when it stopped on its own (a fatal close code, a rejected token).</summary>
    public Task Stopped => _stopped.Task;

    internal void OnConnected() => _connected.TrySetResult();

    internal void OnStopped(Exception? failure)
    {
        _connected.TrySetCanceled();
        if (failure is null)
        {
            _stopped.TrySetResult();
        }
        else
        {
            _stopped.TrySetException(failure);
        }
    }
}
