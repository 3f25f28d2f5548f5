using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using QaBot.Analysis;
using QaBot.Analysis.Translation;
using QaBot.Core;
using QaBot.Generation.Claims;

namespace QaBot.Generation;

/// <summary>
/// Answers with the chat model, grounded in the retrieved passages: the answer prompt gets them numbered and
/// fenced as untrusted data; the streamed reply's [n] markers are bound to the passages as they arrive
/// (<see cref="CitationMarkerRewriter"/>), each sentence's numbers, dates and names are checked against the
/// passages it cites before it is shown (<see cref="ClaimCheckingFilter"/>), quotes are checked against the passages
/// they cite, and the model's "no answer" reply, or an answer whose every sentence fails the check, becomes a
/// refusal with no sources.
/// </summary>
public sealed partial class ModelAnswerComposer(
    ChatModel model,
    PromptLibrary prompts,
    IOptions<ChatOptions> options,
    GenerationMetrics metrics,
    TimeProvider timeProvider,
    ClaimChecker claims,
    ITranslationTableProvider tables,
    ILogger<ModelAnswerComposer> logger) : IStreamingAnswerComposer
{
    /// <summary>What the model replies, and nothing else, when the passages do not answer the question.</summary>
    public const string NoAnswerReply = "NO_ANSWER_IN_PASSAGES";

    public string Name => model.Name;

    public async Task<ComposedAnswer> ComposeAsync(string question, RetrievalResult retrieval, CancellationToken cancellationToken)
    {
        await foreach (var update in StreamAsync(question, retrieval, cancellationToken))
        {
            if (update is ComposerCompleted completed)
            {
                return completed.Answer;
            }
        }

        throw new InvalidOperationException("The answer stream ended without an answer.");
    }

    public async IAsyncEnumerable<ComposerUpdate> StreamAsync(string question, RetrievalResult retrieval, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(retrieval);
        var settings = options.Value;
        using var timeout = new CancellationTokenSource(settings.AnswerTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var language = TextAnalyzer.DetectLanguage(question);
        var arguments = new KernelArguments(new OpenAIPromptExecutionSettings { Temperature = settings.Temperature, MaxTokens = settings.MaxAnswerTokens })
        {
            ["question"] = question,
            ["passages"] = PassageFence.Format(retrieval.Passages),
            ["language"] = LanguageNames.Of(language),
            ["noAnswer"] = NoAnswerReply,
        };

        var rewriter = new CitationMarkerRewriter(retrieval.Passages);
        var checking = new ClaimCheckingFilter(claims, await tables.GetAsync(cancellationToken), () => rewriter.PassagesByNumber, settings.UnverifiedClaims, language);
        var opening = new StringBuilder();
        var holdingOpening = true;
        var usage = default(TokenUsage);
        using var activity = GenerationTelemetry.StartCall("answer", Name);
        var chunks = prompts.Answer.InvokeStreamingAsync<StreamingChatMessageContent>(model.Kernel, arguments, linked.Token).GetAsyncEnumerator(linked.Token);
        try
        {
            while (true)
            {
                StreamingChatMessageContent chunk;
                try
                {
                    if (!await chunks.MoveNextAsync())
                    {
                        break;
                    }

                    chunk = chunks.Current;
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                {
                    var failure = Failed(exception, timeout.IsCancellationRequested);
                    GenerationTelemetry.RecordFailure(activity, failure.Message);
                    throw failure;
                }

                usage += TokenUsage.From(chunk.Metadata);
                var piece = chunk.Content ?? string.Empty;
                if (holdingOpening)
                {
                    // Hold the start back while it could still be the "no answer" reply, which must not be shown.
                    opening.Append(piece);
                    if (CouldBeNoAnswer(opening.ToString()))
                    {
                        continue;
                    }

                    holdingOpening = false;
                    piece = opening.ToString();
                }

                var text = checking.Push(rewriter.Push(piece));
                if (text.Length > 0)
                {
                    yield return new ComposerTextDelta(text);
                }
            }
        }
        finally
        {
            await chunks.DisposeAsync();
        }

        metrics.Record("answer", usage);
        GenerationTelemetry.RecordUsage(activity, usage);
        LogAnswered(Name, usage.PromptTokens, usage.CompletionTokens);
        if (holdingOpening && IsNoAnswer(opening.ToString()))
        {
            var refusal = AnswerTexts.NotCovered(language);
            yield return new ComposerTextDelta(refusal);
            yield return new ComposerCompleted(new ComposedAnswer(refusal, [], Refused: true)
            {
                Diagnostics = AnswerDiagnostics.None with { PromptTokens = usage.PromptTokens, CompletionTokens = usage.CompletionTokens },
            });
            yield break;
        }

        var rest = checking.Push(rewriter.Push(holdingOpening ? opening.ToString() : string.Empty) + rewriter.Complete()) + checking.Complete();
        var diagnostics = new AnswerDiagnostics(null, rewriter.Removed, [], usage.PromptTokens, usage.CompletionTokens)
        {
            CheckedSentences = checking.CheckedSentences,
            VerifiedSentences = checking.VerifiedSentences,
            UnverifiedSentences = checking.Unverified,
        };
        if (checking.AllFailed)
        {
            // Nothing the model said is in the passages it cites: nothing of it was shown, and nothing is.
            LogAllClaimsFailed(checking.CheckedSentences);
            var refusal = AnswerTexts.NotCovered(language);
            yield return new ComposerTextDelta(refusal);
            yield return new ComposerCompleted(new ComposedAnswer(refusal, [], Refused: true) { Diagnostics = diagnostics });
            yield break;
        }

        if (rest.Length > 0)
        {
            yield return new ComposerTextDelta(rest);
        }

        var answer = checking.Text.Trim();
        if (answer.Length == 0)
        {
            metrics.RecordFailure("answer");
            throw ChatFailure.ToUserError(new FormatException("The chat model sent an empty answer."), settings);
        }

        var unverified = QuoteVerifier.FindUnverified(answer, rewriter.PassagesByNumber);
        if (rewriter.Removed.Count > 0 || unverified.Count > 0)
        {
            LogCitationProblems(string.Join(' ', rewriter.Removed), unverified.Count);
        }

        if (checking.Unverified.Count > 0)
        {
            LogUnverifiedClaims(checking.Unverified.Count, checking.CheckedSentences);
        }

        yield return new ComposerCompleted(new ComposedAnswer(answer, rewriter.Cited)
        {
            Diagnostics = diagnostics with { UnverifiedQuotes = unverified },
        });
    }

    private AnswerUnavailableException Failed(Exception exception, bool timedOut)
    {
        metrics.RecordFailure("answer");
        var error = timedOut
            ? ChatFailure.ToUserError(new TimeoutException($"No complete answer within Chat:AnswerTimeout ({options.Value.AnswerTimeout}).", exception), options.Value)
            : ChatFailure.ToUserError(exception, options.Value);
        LogFailed(Name, error.Message, exception.GetType().Name, exception.Message);
        LogFailureDetail(exception);
        return error;
    }

    private static bool CouldBeNoAnswer(string opening)
    {
        var trimmed = opening.TrimStart();
        return trimmed.Length < NoAnswerReply.Length ? NoAnswerReply.StartsWith(trimmed, StringComparison.Ordinal) : IsNoAnswer(trimmed);
    }

    /// <summary>The reply is the "no answer" token, perhaps with a full stop or quotes around it.</summary>
    private static bool IsNoAnswer(string reply) => reply.Trim().Trim('.', '"', '\'', '`', '*').Trim() == NoAnswerReply;

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Answered by {Model}: {PromptTokens} prompt tokens, {CompletionTokens} completion tokens")]
    private partial void LogAnswered(string model, int promptTokens, int completionTokens);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Answer citations: removed markers '{Removed}', {UnverifiedQuotes} quotes not found in their passages")]
    private partial void LogCitationProblems(string removed, int unverifiedQuotes);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "Answer claims: {Unverified} of {Checked} checked sentences hold a number, date or name not in the passages they cite")]
    private partial void LogUnverifiedClaims(int unverified, int @checked);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning, Message = "Answer refused: none of its {Checked} checked sentences is backed by the passages it cites")]
    private partial void LogAllClaimsFailed(int @checked);

    // The error line stays one line on the console; the stack trace is there with --verbose.
    [LoggerMessage(EventId = 4103, Level = LogLevel.Error, Message = "The chat model {Model} failed ({ExceptionType}: {ExceptionMessage}); told the user: {UserMessage}")]
    private partial void LogFailed(string model, string userMessage, string exceptionType, string exceptionMessage);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Debug, Message = "Chat model failure in detail")]
    private partial void LogFailureDetail(Exception exception);
}
