using System.Collections.Concurrent;
using QaBot.Core;

namespace QaBot.DiscordBot;

/// <summary>A question the bot answered, kept so a later vote can be recorded with it.</summary>
internal sealed record AnsweredQuestion(string AnswerId, string Question, Answer Answer);

/// <summary>
/// The most recent answers by answer id, in memory only: the feedback file stores a question and answer when someone
/// votes, not every question asked. The oldest answers are forgotten beyond <see cref="Capacity"/>.
/// </summary>
internal sealed class RecentAnswers
{
    /// <summary>Answers that can still be rated.</summary>
    public const int Capacity = 1000;

    private readonly ConcurrentDictionary<string, AnsweredQuestion> _answers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    public void Add(AnsweredQuestion answered)
    {
        ArgumentNullException.ThrowIfNull(answered);
        if (_answers.TryAdd(answered.AnswerId, answered))
        {
            _order.Enqueue(answered.AnswerId);
        }

        while (_order.Count > Capacity && _order.TryDequeue(out var oldest))
        {
            _answers.TryRemove(oldest, out _);
        }
    }

    public bool TryGet(string answerId, out AnsweredQuestion answered) =>
        _answers.TryGetValue(answerId, out answered!);
}
