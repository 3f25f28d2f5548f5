using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace QaBot.Answering;

/// <summary>
/// The <c>QaBot.Answering</c> activity source and meter: a span per question ("answer", with "compose" below
/// it) and the answers, refusals and answer latency. OpenTelemetry listens when the host exports; free otherwise.
/// </summary>
public static class AnsweringTelemetry
{
    public const string Name = "QaBot.Answering";

    private static readonly Meter Meter = new(Name);
    private static readonly Counter<long> Answers = Meter.CreateCounter<long>("qabot.answers", "{answer}", "Questions answered, by outcome (answered, refused) and composer.");
    private static readonly Counter<long> Refusals = Meter.CreateCounter<long>("qabot.refusals", "{answer}", "Questions refused, by who refused (gate: retrieval found nothing relevant; composer: the model said the passages do not answer).");
    private static readonly Histogram<double> Latency = Meter.CreateHistogram<double>("qabot.answer.duration", "s", "Time from question to complete answer.");

    public static ActivitySource Source { get; } = new(Name);

    public static void RecordAnswer(Activity? activity, string composer, bool refused, bool byGate, TimeSpan elapsed)
    {
        var outcome = refused ? "refused" : "answered";
        activity?.SetTag("qabot.outcome", outcome);
        activity?.SetTag("qabot.composer", composer);
        Answers.Add(1, new KeyValuePair<string, object?>("outcome", outcome), new KeyValuePair<string, object?>("composer", composer));
        if (refused)
        {
            Refusals.Add(1, new KeyValuePair<string, object?>("by", byGate ? "gate" : "composer"));
        }

        Latency.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));
    }
}
