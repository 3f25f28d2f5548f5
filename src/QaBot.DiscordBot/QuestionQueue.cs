using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace QaBot.DiscordBot;

/// <summary>The bounded work queue between the event loop and the answer workers.</summary>
internal sealed class QuestionQueue(IOptions<DiscordBotOptions> options)
{
    private readonly Channel<BotQuestion> _channel = Channel.CreateBounded<BotQuestion>(
        new BoundedChannelOptions(options.Value.QueueCapacity) { FullMode = BoundedChannelFullMode.Wait });

    public ChannelReader<BotQuestion> Reader => _channel.Reader;

    /// <summary><see langword="false"/> when the queue is full: the bot is busy.</summary>
    public bool TryEnqueue(BotQuestion question)
    {
        var queued = _channel.Writer.TryWrite(question);
        if (queued)
        {
            DiscordBotTelemetry.Enqueued();
        }

        return queued;
    }

    public void Complete() => _channel.Writer.TryComplete();
}
