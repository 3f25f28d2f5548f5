using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using QaBot.Analysis;
using QaBot.Core;

namespace QaBot.Generation;

/// <summary>
/// Prepares a question for retrieval with the chat model: a follow-up is condensed with the conversation's recent
/// turns into a stand-alone question (only when there are turns), and the question is rewritten into the
/// collection's other languages (recorded at ingest), each becoming a query version the retriever fuses.
/// </summary>
public sealed partial class ModelQuestionRewriter(
    ChatModel model,
    PromptLibrary prompts,
    IChunkIndex index,
    IOptions<ChatOptions> options,
    GenerationMetrics metrics,
    TimeProvider timeProvider,
    ILogger<ModelQuestionRewriter> logger) : IQuestionRewriter
{
    /// <summary>Longest history turn answer passed to the condensing prompt; the gist is at the start.</summary>
    private const int MaxAnswerCharsInHistory = 600;

    public async Task<RewrittenQuestion> RewriteAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(history);
        var usage = default(TokenUsage);
        var standalone = question;
        if (history.Count > 0)
        {
            var (condensed, condenseUsage) = await CompleteAsync("condense", prompts.Condense, new KernelArguments
            {
                ["history"] = FormatHistory(history),
                ["question"] = question,
            }, cancellationToken);
            usage += condenseUsage;
            standalone = FirstLine(condensed) is { Length: > 0 } line ? line : question;
            LogCondensed(standalone);
        }

        var extra = new List<QueryVersion>();
        if (options.Value.TranslateQueries)
        {
            var asked = TextAnalyzer.DetectLanguage(standalone);
            var statistics = await index.GetStatisticsAsync(cancellationToken);
            var targets = statistics.ChunksByLanguage.Keys.Where(l => l != asked && Languages.IsKnown(l)).Order(StringComparer.Ordinal).ToList();
            if (targets.Count > 0)
            {
                var (translated, translateUsage) = await CompleteAsync("translate", prompts.Translate, new KernelArguments
                {
                    ["languages"] = string.Join(", ", targets.Select(l => $"{l} ({LanguageNames.Of(l)})")),
                    ["question"] = standalone,
                }, cancellationToken);
                usage += translateUsage;
                extra.AddRange(ParseTranslations(translated, targets));
            }
        }

        return new RewrittenQuestion(standalone, !string.Equals(standalone, question, StringComparison.Ordinal), extra, usage.PromptTokens, usage.CompletionTokens);
    }

    /// <summary>"de: Wie viele…" lines, for the languages asked for only; anything else the model wrote is ignored.</summary>
    public static IReadOnlyList<QueryVersion> ParseTranslations(string reply, IReadOnlyCollection<string> languages)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(languages);
        var versions = new List<QueryVersion>();
        foreach (var raw in reply.Split('\n'))
        {
            var line = raw.Trim().TrimStart('-', '*', ' ');
            var colon = line.IndexOfAny([':', '：']);
            if (colon <= 0)
            {
                continue;
            }

            var code = line[..colon].Trim().Trim('`', '*', '"').ToLowerInvariant();
            var text = line[(colon + 1)..].Trim().Trim('"');
            if (languages.Contains(code) && text.Length > 0 && versions.All(v => v.Language != code))
            {
                versions.Add(new QueryVersion("model:" + code, code, text));
            }
        }

        return versions;
    }

    private async Task<(string Text, TokenUsage Usage)> CompleteAsync(string name, KernelFunction function, KernelArguments arguments, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        arguments.ExecutionSettings = new Dictionary<string, PromptExecutionSettings>
        {
            [PromptExecutionSettings.DefaultServiceId] = new OpenAIPromptExecutionSettings { Temperature = 0, MaxTokens = 200 },
        };
        using var timeout = new CancellationTokenSource(settings.AnswerTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var activity = GenerationTelemetry.StartCall(name, model.Name);
        try
        {
            var result = await function.InvokeAsync(model.Kernel, arguments, linked.Token);
            var message = result.GetValue<ChatMessageContent>();
            var usage = TokenUsage.From(message?.Metadata);
            GenerationTelemetry.RecordUsage(activity, usage);
            metrics.Record(name, usage);
            LogCompleted(name, usage.PromptTokens, usage.CompletionTokens);
            return (message?.Content ?? string.Empty, usage);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            metrics.RecordFailure(name);
            var error = ChatFailure.ToUserError(timeout.IsCancellationRequested ? new TimeoutException($"No {name} reply within Chat:AnswerTimeout.", exception) : exception, settings);
            GenerationTelemetry.RecordFailure(activity, error.Message);
            LogFailed(name, error.Message, exception.GetType().Name, exception.Message);
            LogFailureDetail(exception);
            throw error;
        }
    }

    private static string FormatHistory(IReadOnlyList<ConversationTurn> history)
    {
        var builder = new StringBuilder();
        foreach (var turn in history)
        {
            var answer = turn.Answer.Length > MaxAnswerCharsInHistory ? turn.Answer[..MaxAnswerCharsInHistory] + "…" : turn.Answer;
            builder.Append("User: ").AppendLine(turn.Question.ReplaceLineEndings(" "));
            builder.Append("Assistant: ").AppendLine(answer.ReplaceLineEndings(" "));
        }

        return builder.ToString().TrimEnd();
    }

    private static string FirstLine(string text) => text.Trim().Split('\n', 2)[0].Trim().Trim('"');

    [LoggerMessage(EventId = 4201, Level = LogLevel.Debug, Message = "Follow-up condensed to: {Standalone}")]
    private partial void LogCondensed(string standalone);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Information, Message = "Chat model {Prompt} call: {PromptTokens} prompt tokens, {CompletionTokens} completion tokens")]
    private partial void LogCompleted(string prompt, int promptTokens, int completionTokens);

    // The error line stays one line on the console; the stack trace is there with --verbose.
    [LoggerMessage(EventId = 4203, Level = LogLevel.Error, Message = "The chat model's {Prompt} call failed ({ExceptionType}: {ExceptionMessage}); told the user: {UserMessage}")]
    private partial void LogFailed(string prompt, string userMessage, string exceptionType, string exceptionMessage);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Debug, Message = "Chat model failure in detail")]
    private partial void LogFailureDetail(Exception exception);
}
