using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using QaBot.Cli.Output;

namespace QaBot.Cli.Commands;

/// <summary>`qabot status`: the index's state, document and chunk counts, the models and the last ingest. Reads only; ingests nothing.</summary>
public static class StatusCommand
{
    public static Command Create()
    {
        var command = new Command("status", "Show the index's state (empty or ready), its document and chunk counts, the embedding and chat models, and when it was last ingested.");
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(parseResult, async (services, token) =>
        {
            var status = await services.Get<IndexStatusReport>().ReadAsync(token);
            Console.WriteLine(IndexStatusReport.Format(status));
            return ExitCodes.Success;
        }, cancellationToken, services => services.AddSingleton<IndexStatusReport>()));
        return command;
    }
}
