using Microsoft.Extensions.Options;

namespace QaBot.DiscordBot;

/// <summary>The bounded work queue between the event loop and the answer workers (<c>DiscordBot:QueueCapacity</c>).</summary>
internal sealed class QuestionQueue(IOptions<DiscordBotOptions> options)
{
    public BoundedDispatcher<BotQuestion> Dispatcher { get; } = new(options.Value.QueueCapacity);

    /// <summary><see langword="false"/> when the queue is full: the bot is busy.</summary>
    public bool TryEnqueue(BotQuestion question)
    {
        var queued = Dispatcher.TryEnqueue(question);
        if (queued)
        {
            DiscordBotTelemetry.Enqueued();
        }

        return queued;
    }

    public void Complete() => Dispatcher.Complete();
}
