using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace QaBot.Retrieval;

/// <summary>
/// The <c>QaBot.Retrieval</c> activity source and meter: a "retrieve" span per question with a
/// "retrieve.leg" span per search (each version of the question, the dense leg), "retrieve.fusion" and
/// "retrieve.gate" below it, and the retrieval latency. OpenTelemetry listens when the host exports.
/// </summary>
public static class RetrievalTelemetry
{
    public const string Name = "QaBot.Retrieval";

    private static readonly Meter Meter = new(Name);
    private static readonly Histogram<double> Latency = Meter.CreateHistogram<double>("qabot.retrieval.duration", "s", "Time to retrieve and judge the passages of one question.");

    public static ActivitySource Source { get; } = new(Name);

    /// <summary>Runs one leg's search inside its own span, tagged with the leg's name.</summary>
    public static async Task<T> SearchLegAsync<T>(string leg, Func<Task<T>> search)
    {
        ArgumentNullException.ThrowIfNull(search);
        using var activity = Source.StartActivity("retrieve.leg");
        activity?.SetTag("qabot.leg", leg);
        return await search();
    }

    public static Activity? StartStep(string name) => Source.StartActivity(name);

    public static void RecordRetrieval(Activity? activity, int passages, bool relevant, double answerability, TimeSpan elapsed)
    {
        activity?.SetTag("qabot.passages", passages);
        activity?.SetTag("qabot.relevant", relevant);
        activity?.SetTag("qabot.answerability", answerability);
        Latency.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("relevant", relevant));
    }
}
