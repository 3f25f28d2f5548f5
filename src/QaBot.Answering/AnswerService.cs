using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using QaBot.Analysis;
using QaBot.Core;

namespace QaBot.Answering;

/// <summary>
/// Answers a question from the collection: rewrite a follow-up into a stand-alone question (with the
/// conversation's recent turns), retrieve, refuse without composing when nothing relevant was found, otherwise
/// compose and bind each [n] marker to the passage it names. The turn is remembered for the next follow-up.
/// </summary>
public sealed partial class AnswerService(
    IRetriever retriever,
    IAnswerComposer composer,
    IQuestionRewriter rewriter,
    ConversationStore conversations,
    ILogger<AnswerService> logger) : IAnswerService
{
    public const int PassageLimit = 5;

    public async Task<Answer> AnswerAsync(Question question, CancellationToken cancellationToken)
    {
        await foreach (var update in StreamAsync(question, cancellationToken))
        {
            if (update is AnswerCompleted completed)
            {
                return completed.Answer;
            }
        }

        throw new InvalidOperationException("The answer stream ended without an answer.");
    }

    public async IAsyncEnumerable<AnswerUpdate> StreamAsync(Question question, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        using var activity = AnsweringTelemetry.Source.StartActivity("answer");
        var stopwatch = Stopwatch.StartNew();
        var language = TextAnalyzer.DetectLanguage(question.Text);
        var history = conversations.Recent(question.ConversationId);
        var rewritten = await rewriter.RewriteAsync(question.Text, history, cancellationToken);
        var retrieval = await retriever.RetrieveAsync(new RetrievalRequest(rewritten.Standalone, PassageLimit, rewritten.ExtraQueries.Count == 0 ? null : rewritten.ExtraQueries), cancellationToken);
        if (!retrieval.IsRelevant)
        {
            // No model call: the passages do not cover the question, so nothing could ground an answer.
            LogRefused(retrieval.Evidence.Answerability, retrieval.Evidence.MatchedTermShare);
            var refusal = new Answer(RefusalMessages.NotCovered(language), [], Refused: true, retrieval, composer.Name, stopwatch.Elapsed)
            {
                Language = language,
                Diagnostics = AnswerDiagnostics.None with { StandaloneQuestion = Condensed(rewritten), PromptTokens = rewritten.PromptTokens, CompletionTokens = rewritten.CompletionTokens },
            };
            conversations.Add(question.ConversationId, question.Text, refusal.Text, rewritten.Standalone);
            AnsweringTelemetry.RecordAnswer(activity, composer.Name, refused: true, byGate: true, stopwatch.Elapsed);
            yield return new AnswerTextDelta(refusal.Text);
            yield return new AnswerCompleted(refusal);
            yield break;
        }

        ComposedAnswer? composed = null;
        await foreach (var update in ComposeAsync(rewritten.Standalone, retrieval, cancellationToken))
        {
            switch (update)
            {
                case ComposerTextDelta delta:
                    yield return new AnswerTextDelta(delta.Text);
                    break;
                case ComposerCompleted done:
                    composed = done.Answer;
                    break;
            }
        }

        if (composed is null)
        {
            throw new InvalidOperationException($"The {composer.Name} composer ended without an answer.");
        }

        var citations = composed.Refused
            ? []
            : composed.Cited.Select((p, i) => Citation.For(i + 1, p.Chunk)).ToList();
        var answer = new Answer(composed.Text, citations, composed.Refused, retrieval, composer.Name, stopwatch.Elapsed)
        {
            Language = language,
            Glosses = composed.Refused ? [] : composed.Glosses,
            Diagnostics = composed.Diagnostics with
            {
                StandaloneQuestion = Condensed(rewritten),
                PromptTokens = composed.Diagnostics.PromptTokens + rewritten.PromptTokens,
                CompletionTokens = composed.Diagnostics.CompletionTokens + rewritten.CompletionTokens,
            },
        };
        conversations.Add(question.ConversationId, question.Text, answer.Text, rewritten.Standalone);
        AnsweringTelemetry.RecordAnswer(activity, composer.Name, answer.Refused, byGate: false, stopwatch.Elapsed);
        yield return new AnswerCompleted(answer);
    }

    private async IAsyncEnumerable<ComposerUpdate> ComposeAsync(string question, RetrievalResult retrieval, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var activity = AnsweringTelemetry.Source.StartActivity("compose");
        activity?.SetTag("qabot.composer", composer.Name);
        if (composer is IStreamingAnswerComposer streaming)
        {
            await foreach (var update in streaming.StreamAsync(question, retrieval, cancellationToken))
            {
                yield return update;
            }

            yield break;
        }

        var composed = await composer.ComposeAsync(question, retrieval, cancellationToken);
        yield return new ComposerTextDelta(composed.Text);
        yield return new ComposerCompleted(composed);
    }

    private static string? Condensed(RewrittenQuestion rewritten) => rewritten.WasCondensed ? rewritten.Standalone : null;

    [LoggerMessage(EventId = 2101, Level = LogLevel.Debug, Message = "Refused: answerability {Answerability:0.00} below Retrieval:AnswerabilityThreshold; best passage covers {Coverage:0.00} of the question")]
    private partial void LogRefused(double answerability, double coverage);
}
