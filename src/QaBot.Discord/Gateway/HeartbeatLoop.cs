namespace QaBot.Discord.Gateway;

/// <summary>
/// Sends heartbeats for one connection: the first after <c>interval × jitter</c>, then one per interval. If no ACK
/// arrived since the previous beat when the next is due, the connection is a zombie and the loop returns.
/// </summary>
internal sealed class HeartbeatLoop(TimeProvider timeProvider, Func<CancellationToken, Task> sendHeartbeatAsync)
{
    private volatile bool _awaitingAck;
    private volatile bool _receivePaused;

    /// <summary>Records a Heartbeat ACK (op 11).</summary>
    public void OnAck() => _awaitingAck = false;

    /// <summary>
    /// Tells the loop whether the receive loop is waiting for the app to take events. While it is, an ACK may be sitting
    /// unread in the socket, so a missing ACK proves nothing and the connection is not declared dead.
    /// </summary>
    public void SetReceivePaused(bool paused) => _receivePaused = paused;

    /// <summary>Runs until the connection token is cancelled (throws) or a beat goes unacknowledged (returns).</summary>
    /// <param name="interval">Hello's <c>heartbeat_interval</c>.</param>
    /// <param name="jitter">A random value in [0, 1) scaling the first beat.</param>
    /// <param name="connectionToken">Cancelled when the connection ends.</param>
    public async Task RunUntilZombieAsync(TimeSpan interval, double jitter, CancellationToken connectionToken)
    {
        await Task.Delay(interval * jitter, timeProvider, connectionToken).ConfigureAwait(false);
        while (true)
        {
            if (_awaitingAck && !_receivePaused)
            {
                return;
            }

            _awaitingAck = true;
            await sendHeartbeatAsync(connectionToken).ConfigureAwait(false);
            await Task.Delay(interval, timeProvider, connectionToken).ConfigureAwait(false);
        }
    }
}
