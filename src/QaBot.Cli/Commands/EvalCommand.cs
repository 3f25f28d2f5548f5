using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QaBot.Core;
using QaBot.Cli.Hosting;
using QaBot.Evaluation;
using QaBot.Retrieval;

namespace QaBot.Cli.Commands;

/// <summary>`qabot eval --set FILE [--json OUT]`: run a question set and report the metrics of eval/README.md.</summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var set = new Option<string>("--set") { Description = "A JSON-lines question set (for example eval/dev.jsonl).", Required = true };
        var json = new Option<string?>("--json") { Description = "Also write the metrics and every question's outcome as JSON to this file." };
        var command = new Command("eval", "Evaluate retrieval and answers on a question set: hit@k, recall@5, MRR, answer accuracy, citation precision, refusal rates, latency.");
        command.Options.Add(set);
        command.Options.Add(json);
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(parseResult, async (services, token) =>
        {
            var questions = EvalSetReader.Read(parseResult.GetValue(set)!);
            await services.Get<IndexBootstrapper>().EnsureIndexedAsync(Console.Error, token);
            var retrieval = services.Get<IOptions<RetrievalOptions>>().Value;
            var settings = new Dictionary<string, string>
            {
                ["Retrieval:MinMatchedTermShare"] = retrieval.MinMatchedTermShare.ToString(CultureInfo.InvariantCulture),
                ["Retrieval:DictionaryTranslation"] = retrieval.DictionaryTranslation.ToString(CultureInfo.InvariantCulture),
                ["Retrieval:RrfK"] = retrieval.RrfK.ToString(CultureInfo.InvariantCulture),
                ["Retrieval:DenseWeight"] = retrieval.DenseWeight.ToString(CultureInfo.InvariantCulture),
                ["Embeddings"] = services.GetService<ITextEmbedder>()?.Model.ToString() ?? "none",
            };
            var report = await services.Get<Evaluator>().RunAsync(questions, settings, token);
            Console.WriteLine(EvalReportWriter.ToTable(report));
            if (parseResult.GetValue(json) is { } path)
            {
                await File.WriteAllTextAsync(path, EvalReportWriter.ToJson(report), token);
                Console.WriteLine($"Wrote {Path.GetFullPath(path)}");
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
