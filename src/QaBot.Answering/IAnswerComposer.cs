using QaBot.Core;

namespace QaBot.Answering;

/// <summary>Text with [n] markers and the passages those markers number (marker n = Cited[n - 1]).</summary>
public sealed record ComposedAnswer(string Text, IReadOnlyList<RetrievedPassage> Cited, bool Refused = false);

/// <summary>Writes an answer from retrieved passages: extractively, or with a chat model.</summary>
public interface IAnswerComposer
{
    /// <summary>Who answers, shown to the user ("extractive", "openai:gpt-4o").</summary>
    string Name { get; }

    Task<ComposedAnswer> ComposeAsync(string question, RetrievalResult retrieval, CancellationToken cancellationToken);
}
