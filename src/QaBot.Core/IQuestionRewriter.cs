namespace QaBot.Core;

/// <summary>One question and the answer given, as a follow-up sees them.</summary>
public sealed record ConversationTurn(string Question, string Answer, DateTimeOffset At)
{
    /// <summary>The question as it was searched (a follow-up combined with its context); the question itself by default.</summary>
    public string SearchedAs { get; init; } = Question;
}

/// <summary>The question as retrieval should see it.</summary>
/// <param name="Standalone">The question to search for and answer; a follow-up rewritten with its context.</param>
/// <param name="WasCondensed">True when <paramref name="Standalone"/> differs from what the user typed.</param>
/// <param name="ExtraQueries">More versions of the question (model translations), fused by the retriever.</param>
public sealed record RewrittenQuestion(string Standalone, bool WasCondensed, IReadOnlyList<QueryVersion> ExtraQueries, int PromptTokens = 0, int CompletionTokens = 0)
{
    public static RewrittenQuestion AsAsked(string question) => new(question, false, []);
}

/// <summary>Turns a question and its conversation into what retrieval searches for.</summary>
public interface IQuestionRewriter
{
    Task<RewrittenQuestion> RewriteAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken);
}

/// <summary>Without a chat model, a question is searched as asked (the dictionaries still translate it).</summary>
public sealed class AsAskedQuestionRewriter : IQuestionRewriter
{
    public Task<RewrittenQuestion> RewriteAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken)
        => Task.FromResult(RewrittenQuestion.AsAsked(question));
}
