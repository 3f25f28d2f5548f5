using System.Collections.Concurrent;
using QaBot.Core;

namespace QaBot.DiscordBot.Tests;

/// <summary>An <see cref="IAnswerService"/> that records questions and answers with a scripted function.</summary>
internal sealed class FakeAnswerService : IAnswerService
{
    public ConcurrentQueue<Question> Questions { get; } = new();

    public Func<Question, CancellationToken, Task<Answer>> Answer { get; set; } =
        (question, _) => Task.FromResult(Create($"Answer to: {question.Text}"));

    public Task<Answer> AnswerAsync(Question question, CancellationToken cancellationToken)
    {
        Questions.Enqueue(question);
        return Answer(question, cancellationToken);
    }

    public static Answer Create(string text, params Citation[] citations) =>
        new(text, citations, Refused: false, RetrievalResult.Empty, "fake", TimeSpan.Zero);
}
