namespace QaBot.Core;

/// <summary>A numbered source behind an answer, written by <see cref="CitationFormatter"/>: <c>[n] file:7 (§ "Section") — title</c>.</summary>
public sealed record Citation(int Number, string SourcePath, int StartLine, int EndLine, string Title)
{
    /// <summary>Column of the cited span's first character on <see cref="StartLine"/> (1-based).</summary>
    public int StartColumn { get; init; } = 1;

    /// <summary>Column of the cited span's last character on <see cref="EndLine"/> (1-based, inclusive); 0 for the end of the line.</summary>
    public int EndColumn { get; init; }

    /// <summary>The headings above the cited span, outermost first; empty outside any section.</summary>
    public IReadOnlyList<string> HeadingPath { get; init; } = [];

    /// <summary>1-based page of a paged document (PDF), the lines counted within it; 0 for formats without pages.</summary>
    public int Page { get; init; }

    /// <summary>The citation as every front end shows it (see <see cref="CitationFormatter.Format"/>).</summary>
    public override string ToString() => CitationFormatter.Format(this);

    /// <summary>Cites exactly the span of <paramref name="chunk"/>, so a cited span never exceeds the chunk it came from.</summary>
    public static Citation For(int number, Chunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        return new Citation(number, chunk.SourcePath, chunk.StartLine, chunk.EndLine, chunk.Title)
        {
            StartColumn = chunk.StartColumn,
            EndColumn = chunk.EndColumn,
            HeadingPath = chunk.HeadingPath,
            Page = chunk.Page,
        };
    }
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

    /// <summary>How the answer came about beyond retrieval (condensed question, dropped markers, tokens), for /debug.</summary>
    public AnswerDiagnostics Diagnostics { get; init; } = AnswerDiagnostics.None;

    /// <summary>The question's language (en, de, zh): the fixed texts around the answer (<see cref="AnswerTexts"/>) are shown in it.</summary>
    public string Language { get; init; } = "en";

    /// <summary>Word glosses of quotes in another language than the question, one per quote that has one; front ends show them after the text.</summary>
    public IReadOnlyList<WordGloss> Glosses { get; init; } = [];
}

/// <summary>
/// Key terms of a quote in another language with their dictionary equivalents in the question's language: a help
/// to read the quote, word by word, never a translation of it.
/// </summary>
/// <param name="Number">The citation marker of the quote it glosses.</param>
/// <param name="Pairs">Term as written in the quote, and its gloss, in quote order.</param>
public sealed record WordGloss(int Number, IReadOnlyList<GlossPair> Pairs)
{
    /// <summary>"[1] Festplatte = hard disk · prüfen = check".</summary>
    public string Format() => $"[{Number}] {string.Join(" · ", Pairs.Select(p => $"{p.Term} = {p.Gloss}"))}";
}

/// <summary>One glossed term.</summary>
public sealed record GlossPair(string Term, string Gloss);

/// <summary>What happened between the question and the answer text, shown under /debug and logged.</summary>
/// <param name="StandaloneQuestion">The follow-up rewritten as a stand-alone question; null when it was searched as asked.</param>
/// <param name="RemovedMarkers">Citation markers the model wrote that point at no passage ("[9]"), removed from the text.</param>
/// <param name="UnverifiedQuotes">Quotations the answer attributes to a passage that the passage does not contain verbatim.</param>
/// <param name="PromptTokens">Prompt tokens of every model call for this answer (0 without a model).</param>
/// <param name="CompletionTokens">Completion tokens of every model call for this answer.</param>
public sealed record AnswerDiagnostics(
    string? StandaloneQuestion,
    IReadOnlyList<string> RemovedMarkers,
    IReadOnlyList<string> UnverifiedQuotes,
    int PromptTokens,
    int CompletionTokens)
{
    public static AnswerDiagnostics None { get; } = new(null, [], [], 0, 0);

    /// <summary>Sentences of a model's answer whose numbers, dates, amounts and names were checked against the passages they cite (0 without a model).</summary>
    public int CheckedSentences { get; init; }

    /// <summary>The checked sentences whose every claim was found in a passage the sentence cites.</summary>
    public int VerifiedSentences { get; init; }

    /// <summary>Each sentence that failed the claim check, with the claims not found ("… [1] — not in its passages: 12, Acme").</summary>
    public IReadOnlyList<string> UnverifiedSentences { get; init; } = [];

    /// <summary>Source sentences an extractive answer quotes (0 for a refusal or a model's answer).</summary>
    public int QuotedSentences { get; init; }

    /// <summary>An extractive answer's best sentence candidates, best first, with the features they were scored by.</summary>
    public IReadOnlyList<ScoredSentence> SentenceCandidates { get; init; } = [];
}

/// <summary>A sentence (with what it needs to be understood) an extractive answer could lead with, and why it scored as it did.</summary>
public sealed record ScoredSentence(string Location, string Text, double Score, IReadOnlyDictionary<string, double> Features);

/// <summary>One step of a streamed answer: text as it is written, then the whole checked answer.</summary>
public abstract record AnswerUpdate;

/// <summary>More answer text, already stripped of markers that point at no passage.</summary>
public sealed record AnswerTextDelta(string Text) : AnswerUpdate;

/// <summary>The finished answer with its checked citations; always the last update.</summary>
public sealed record AnswerCompleted(Answer Answer) : AnswerUpdate;

/// <summary>
/// The answer could not be produced (the chat model failed, timed out or sent nonsense). The message is short
/// and meant for the user; details are in the log.
/// </summary>
public sealed class AnswerUnavailableException : Exception
{
    public AnswerUnavailableException()
    {
    }

    public AnswerUnavailableException(string message)
        : base(message)
    {
    }

    public AnswerUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>A question as a front end passes it on.</summary>
/// <param name="ConversationId">Groups follow-up questions (a REPL session, a Discord thread).</param>
public sealed record Question(string Text, string ConversationId = "default");

/// <summary>Answers questions from the collection.</summary>
public interface IAnswerService
{
    Task<Answer> AnswerAsync(Question question, CancellationToken cancellationToken);

    /// <summary>
    /// The answer as it is written: <see cref="AnswerTextDelta"/>s, then one <see cref="AnswerCompleted"/>.
    /// By default the whole answer arrives at once.
    /// </summary>
    async IAsyncEnumerable<AnswerUpdate> StreamAsync(Question question, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var answer = await AnswerAsync(question, cancellationToken);
        yield return new AnswerTextDelta(answer.Text);
        yield return new AnswerCompleted(answer);
    }
}
