using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace QaBot.DiscordBot;

/// <summary>
/// The <c>QaBot.DiscordBot</c> activity source and meter: a "discord.reply" span from a question taken off
/// the queue to its reply (the answer's spans below it), the queue depth and the reply latency.
/// </summary>
public static class DiscordBotTelemetry
{
    public const string Name = "QaBot.DiscordBot";

    private static readonly Meter Meter = new(Name);
    private static readonly UpDownCounter<long> QueueDepth = Meter.CreateUpDownCounter<long>("qabot.discord.queue_depth", "{question}", "Questions waiting for the answer worker.");
    private static readonly Histogram<double> ReplyLatency = Meter.CreateHistogram<double>("qabot.discord.reply.duration", "s", "Time from taking a question off the queue to its reply.");

    public static ActivitySource Source { get; } = new(Name);

    internal static Activity? StartReply(BotQuestion question)
    {
        var activity = Source.StartActivity("discord.reply", ActivityKind.Server);
        activity?.SetTag("qabot.discord.kind", question is SlashQuestion ? "slash" : "message");
        return activity;
    }

    internal static void Enqueued() => QueueDepth.Add(1);

    internal static void Dequeued() => QueueDepth.Add(-1);

    internal static void RecordReply(TimeSpan elapsed, bool failed) =>
        ReplyLatency.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("outcome", failed ? "failed" : "replied"));
}
