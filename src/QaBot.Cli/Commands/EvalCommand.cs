using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QaBot.Core;
using QaBot.Cli.Hosting;
using QaBot.Evaluation;
using QaBot.Index.Sqlite;
using QaBot.Evaluation.Feedback;
using QaBot.Retrieval;

namespace QaBot.Cli.Commands;

/// <summary>
/// `qabot eval --set FILE [--json OUT]`: run a question set and report the metrics of eval/README.md (file- and passage-level, by kind and language direction).
/// `qabot eval --from-feedback FILE --out OUT`: turn the Discord bot's 👍/👎 votes into candidate questions.
/// </summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var set = new Option<string?>("--set") { Description = "A JSON-lines question set (for example eval/dev.jsonl)." };
        var json = new Option<string?>("--json") { Description = "Also write the metrics and every question's outcome as JSON to this file." };
        var fromFeedback = new Option<string?>("--from-feedback") { Description = "Instead of evaluating, read the Discord bot's feedback file (DiscordBot:FeedbackFile) and write candidate questions." };
        var output = new Option<string?>("--out") { Description = "With --from-feedback: the JSON-lines file the candidate questions are written to." };
        var command = new Command("eval", "Evaluate retrieval and answers on a question set: hit@k, recall@5, MRR, passage-level evidence@k and evidence MRR, answer accuracy, citation precision, refusal rates, latency; overall, per kind and per language direction. With --from-feedback, turn 👍/👎 votes into candidate questions.");
        command.Options.Add(set);
        command.Options.Add(json);
        command.Options.Add(fromFeedback);
        command.Options.Add(output);
        command.Validators.Add(result =>
        {
            var hasSet = result.GetValue(set) is not null;
            var hasFeedback = result.GetValue(fromFeedback) is not null;
            if (hasSet == hasFeedback)
            {
                result.AddError("Pass either --set FILE to evaluate, or --from-feedback FILE --out OUT to write candidate questions.");
            }
            else if (hasFeedback && result.GetValue(output) is null)
            {
                result.AddError("--from-feedback needs --out OUT, the file the candidate questions are written to.");
            }
        });
        command.SetAction((parseResult, cancellationToken) => parseResult.GetValue(fromFeedback) is { } feedback
            ? WriteCandidatesAsync(feedback, parseResult.GetValue(output)!, cancellationToken)
            : EvaluateAsync(parseResult, parseResult.GetValue(set)!, parseResult.GetValue(json), cancellationToken));
        return command;
    }

    private static Task<int> EvaluateAsync(ParseResult parseResult, string setPath, string? jsonPath, CancellationToken cancellationToken) =>
        CommandRunner.RunAsync(parseResult, async (services, token) =>
        {
            var questions = EvalSetReader.Read(setPath);
            await services.Get<IndexBootstrapper>().EnsureIndexedAsync(Console.Error, token);
            var retrieval = services.Get<IOptions<RetrievalOptions>>().Value;
            var settings = new Dictionary<string, string>
            {
                ["Retrieval:AnswerabilityThreshold"] = retrieval.AnswerabilityThreshold.ToString(CultureInfo.InvariantCulture),
                ["Retrieval:DictionaryTranslation"] = retrieval.DictionaryTranslation.ToString(CultureInfo.InvariantCulture),
                ["Retrieval:RrfK"] = retrieval.RrfK.ToString(CultureInfo.InvariantCulture),
                ["Answered by"] = services.Get<IAnswerComposer>().Name,
                ["Retrieval:DenseWeight"] = retrieval.DenseWeight.ToString(CultureInfo.InvariantCulture),
                ["Embeddings"] = services.GetService<IEmbeddingGenerator<string, Embedding<float>>>()?.Model.ToString() ?? "none",
            };
            var report = await services.Get<Evaluator>().RunAsync(questions, settings, token);
            Console.WriteLine(EvalReportWriter.ToTable(report));
            if (jsonPath is not null)
            {
                await File.WriteAllTextAsync(jsonPath, EvalReportWriter.ToJson(report), token);
                Console.WriteLine($"Wrote {Path.GetFullPath(jsonPath)}");
            }

            return ExitCodes.Success;
        }, cancellationToken, services => services.UseReadOnlySqliteIndex());

    /// <summary>Needs no index or configuration: it only reads one file and writes another.</summary>
    private static async Task<int> WriteCandidatesAsync(string feedbackPath, string outputPath, CancellationToken cancellationToken)
    {
        try
        {
            var candidates = FeedbackCandidates.Build(FeedbackReader.Read(feedbackPath));
            await FeedbackCandidates.WriteAsync(candidates, outputPath, cancellationToken);
            var review = candidates.Count(c => c.Status == FeedbackCandidate.NeedsReview);
            Console.WriteLine($"Wrote {candidates.Count} candidate questions ({candidates.Count - review} confirmed by 👍, {review} to review) to {Path.GetFullPath(outputPath)}.");
            Console.WriteLine("Fill in answer_any (and check sources and kind) before adding them to a question set.");
            return ExitCodes.Success;
        }
        catch (Exception exception) when (exception is FileNotFoundException or InvalidDataException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync("Error: " + exception.Message);
            return ExitCodes.Error;
        }
    }
}
