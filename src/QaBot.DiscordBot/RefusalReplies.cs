using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using QaBot.Discord.Models;
using QaBot.Discord.Rest;

namespace QaBot.DiscordBot;

/// <summary>
/// The short replies the event loop decides on but does not send itself ("busy", "slow down", "too long"): a slow or
/// rate-limited channel must never hold up the next event, since a <c>/ask</c> has to be deferred within 3 s.
/// One consumer sends them in order. When even this small queue is full the reply is dropped and logged: the bot is
/// overloaded, and a missing "busy" note is the cheapest thing to lose.
/// </summary>
internal sealed class RefusalReplies(IDiscordRestClient rest, ILogger<RefusalReplies> logger)
{
    /// <summary>Replies that may wait.</summary>
    public const int Capacity = 64;

    private readonly Channel<Func<CancellationToken, Task>> _replies = Channel.CreateBounded<Func<CancellationToken, Task>>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    /// <summary>Queues a reply to <paramref name="message"/> in its channel.</summary>
    public void ReplyTo(DiscordMessage message, string content) =>
        Post(token => rest.CreateMessageAsync(
            message.ChannelId,
            new CreateMessageRequest { Content = content, MessageReference = MessageReference.ReplyTo(message.Id) },
            token));

    /// <summary>Queues an edit of an already deferred interaction response.</summary>
    public void EditDeferred(DiscordInteraction interaction, string content) =>
        Post(token => rest.EditOriginalInteractionResponseAsync(
            interaction.ApplicationId, interaction.Token, new EditMessageRequest { Content = content }, token));

    /// <summary>Sends queued replies until <see cref="Complete"/> or cancellation.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var send in _replies.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await send(stoppingToken);
                }
                catch (DiscordRestException ex)
                {
                    Log.EventFailed(logger, ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: replies not sent yet are dropped with the process.
        }
    }

    public void Complete() => _replies.Writer.TryComplete();

    private void Post(Func<CancellationToken, Task> send)
    {
        if (!_replies.Writer.TryWrite(send))
        {
            Log.ReplyDropped(logger);
        }
    }
}
