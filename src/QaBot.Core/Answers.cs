namespace QaBot.Core;

/// <summary>A numbered source behind an answer: <c>[n] file:start-end — title</c>.</summary>
public sealed record Citation(int Number, string SourcePath, int StartLine, int EndLine, string Title)
{
    public override string ToString() => $"[{Number}] {SourcePath}:{StartLine}-{EndLine} — {Title}";
}

/// <summary>An answer: text with [n] markers, the citations those markers point at, and what it was built from.</summary>
public sealed record Answer(
    string Text,
    IReadOnlyList<Citation> Citations,
    bool Refused,
    RetrievalResult Retrieval,
    string AnsweredBy,
    TimeSpan Elapsed)
{
    public IEnumerable<string> CitedSources => Citations.Select(c => c.SourcePath).Distinct(StringComparer.Ordinal);
}

/// <summary>A question as a front end passes it on.</summary>
/// <param name="ConversationId">Groups follow-up questions (a REPL session, a Discord thread).</param>
public sealed record Question(string Text, string ConversationId = "default");

/// <summary>Answers questions from the collection.</summary>
public interface IAnswerService
{
    Task<Answer> AnswerAsync(Question question, CancellationToken cancellationToken);
}
