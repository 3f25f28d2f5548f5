using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using QaBot.Core;

namespace QaBot.DiscordBot.Tests;

/// <summary>An <see cref="IAnswerService"/> that records questions and answers with a scripted function, or streams what a test writes.</summary>
internal sealed class FakeAnswerService : IAnswerService
{
    public ConcurrentQueue<Question> Questions { get; } = new();

    public Func<Question, CancellationToken, Task<Answer>> Answer { get; set; } =
        (question, _) => Task.FromResult(Create($"Answer to: {question.Text}"));

    /// <summary>When set, <see cref="StreamAsync"/> yields what the test writes here (a model writing slowly).</summary>
    public Channel<AnswerUpdate>? Stream { get; set; }

    public Task<Answer> AnswerAsync(Question question, CancellationToken cancellationToken)
    {
        Questions.Enqueue(question);
        return Answer(question, cancellationToken);
    }

    public async IAsyncEnumerable<AnswerUpdate> StreamAsync(Question question, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (Stream is null)
        {
            var answer = await AnswerAsync(question, cancellationToken);
            yield return new AnswerTextDelta(answer.Text);
            yield return new AnswerCompleted(answer);
            yield break;
        }

        Questions.Enqueue(question);
        await foreach (var update in Stream.Reader.ReadAllAsync(cancellationToken))
        {
            yield return update;
        }
    }

    public static Answer Create(string text, params Citation[] citations) =>
        new(text, citations, Refused: false, RetrievalResult.Empty, "fake", TimeSpan.Zero);
}
