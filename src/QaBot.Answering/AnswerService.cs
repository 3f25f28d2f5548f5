using System.Diagnostics;
using Microsoft.Extensions.Logging;
using QaBot.Analysis;
using QaBot.Core;

namespace QaBot.Answering;

/// <summary>
/// Answers a question from the collection: retrieve, refuse without composing when nothing relevant was
/// found, otherwise compose and bind each [n] marker to the passage it names.
/// </summary>
public sealed partial class AnswerService(IRetriever retriever, IAnswerComposer composer, ILogger<AnswerService> logger) : IAnswerService
{
    public const int PassageLimit = 5;

    public async Task<Answer> AnswerAsync(Question question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var stopwatch = Stopwatch.StartNew();
        var retrieval = await retriever.RetrieveAsync(new RetrievalRequest(question.Text, PassageLimit), cancellationToken);
        if (!retrieval.IsRelevant)
        {
            LogRefused(retrieval.Evidence.MatchedTermShare);
            return new Answer(RefusalMessages.NotCovered(TextAnalyzer.DetectLanguage(question.Text)), [], Refused: true, retrieval, composer.Name, stopwatch.Elapsed);
        }

        var composed = await composer.ComposeAsync(question.Text, retrieval, cancellationToken);
        var citations = composed.Refused
            ? []
            : composed.Cited.Select((p, i) => new Citation(i + 1, p.Chunk.SourcePath, p.Chunk.StartLine, p.Chunk.EndLine, p.Chunk.Title)).ToList();
        return new Answer(composed.Text, citations, composed.Refused, retrieval, composer.Name, stopwatch.Elapsed);
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Debug, Message = "Refused: best passage covers {Coverage:0.00} of the question")]
    private partial void LogRefused(double coverage);
}
