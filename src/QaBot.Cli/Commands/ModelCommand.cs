using System.CommandLine;
using Microsoft.Extensions.Options;
using QaBot.Cli.Output;
using QaBot.Core.Configuration;
using QaBot.Embeddings;
using QaBot.Embeddings.Models;

namespace QaBot.Cli.Commands;

/// <summary>`qabot model list` and `qabot model pull NAME`: the embedding models QaBot can fetch.</summary>
public static class ModelCommand
{
    public static Command Create()
    {
        var command = new Command("model", "Embedding models for dense retrieval: list the known ones, pull one into the data folder.");
        command.Subcommands.Add(CreateList());
        command.Subcommands.Add(CreatePull());
        return command;
    }

    private static Command CreateList()
    {
        var list = new Command("list", "The models 'qabot model pull' knows.");
        list.SetAction(_ =>
        {
            foreach (var model in ModelCatalog.All)
            {
                Console.WriteLine($"{model.Name}: {model.Description}");
            }

            return ExitCodes.Success;
        });
        return list;
    }

    private static Command CreatePull()
    {
        var name = new Argument<string>("name") { Description = $"A catalog model: {ModelCatalog.Names}." };
        var pull = new Command("pull", "Download a known embedding model over HTTPS into DATA/models/NAME, checking each file's SHA-256.");
        pull.Arguments.Add(name);
        pull.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(parseResult, async (services, token) =>
        {
            var requested = parseResult.GetValue(name)!;
            if (ModelCatalog.Find(requested) is not { } model)
            {
                await Console.Error.WriteLineAsync($"Error: '{requested}' is not a known model; known: {ModelCatalog.Names}.");
                return ExitCodes.Error;
            }

            var folder = ModelCatalog.FolderOf(model, services.Get<IOptions<DataOptions>>().Value.Path);
            var baseUrl = services.Get<IOptions<EmbeddingOptions>>().Value.DownloadBaseUrl;
            await services.Get<ModelDownloader>().PullAsync(model, folder, baseUrl, ConsoleDownloadProgress.ForStandardError(), token);
            Console.WriteLine($"Pulled {model.Name} into {folder}.");
            Console.WriteLine($"Use it with --config Embeddings:Provider=onnx --config Embeddings:Model={model.Name} (or QABOT__Embeddings__Provider=onnx, QABOT__Embeddings__Model={model.Name}), then run 'qabot ingest'.");
            return ExitCodes.Success;
        }, cancellationToken));
        return pull;
    }
}
