namespace QaBot.Core;

/// <summary>Text with [n] markers and the passages those markers number (marker n = Cited[n - 1]).</summary>
public sealed record ComposedAnswer(string Text, IReadOnlyList<RetrievedPassage> Cited, bool Refused = false)
{
    /// <summary>Markers removed, quotes not found, tokens used: what /debug shows about the composition.</summary>
    public AnswerDiagnostics Diagnostics { get; init; } = AnswerDiagnostics.None;

    /// <summary>Word glosses of quotes in another language than the question (extractive answers only).</summary>
    public IReadOnlyList<WordGloss> Glosses { get; init; } = [];
}

/// <summary>One step of a streamed composition: a piece of text, then the whole answer.</summary>
public abstract record ComposerUpdate;

/// <summary>More text, in its final form (markers already checked and numbered).</summary>
public sealed record ComposerTextDelta(string Text) : ComposerUpdate;

/// <summary>The composition is done; always the last update.</summary>
public sealed record ComposerCompleted(ComposedAnswer Answer) : ComposerUpdate;

/// <summary>Writes an answer from retrieved passages: extractively, or with a chat model.</summary>
public interface IAnswerComposer
{
    /// <summary>Who answers, shown to the user ("extractive", "openai:gpt-4o").</summary>
    string Name { get; }

    Task<ComposedAnswer> ComposeAsync(string question, RetrievalResult retrieval, CancellationToken cancellationToken);
}

/// <summary>A composer that writes its answer piece by piece (a chat model), so front ends can show it as it comes.</summary>
public interface IStreamingAnswerComposer : IAnswerComposer
{
    /// <summary><see cref="ComposerTextDelta"/>s in their final form, then one <see cref="ComposerCompleted"/>.</summary>
    IAsyncEnumerable<ComposerUpdate> StreamAsync(string question, RetrievalResult retrieval, CancellationToken cancellationToken);
}
