using QaBot.Core;

namespace QaBot.Answering;

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
