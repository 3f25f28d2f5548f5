using System.CommandLine;
using Microsoft.Extensions.Options;
using QaBot.Cli.Output;
using QaBot.Core.Configuration;
using QaBot.Ingestion.Sync;

namespace QaBot.Cli.Commands;

/// <summary>`qabot ingest`: bring the index in line with the corpus folder.</summary>
public static class IngestCommand
{
    public static Command Create()
    {
        var command = new Command("ingest", "Read, clean, chunk and index the articles in the corpus folder; unchanged files are skipped. Exit code 3 when a file failed; skipped links, special files, unlistable folders and vanished files are warnings (exit code 0).");
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(parseResult, async (services, token) =>
        {
            var corpus = services.Get<IOptions<CorpusOptions>>().Value.Path;
            var report = await services.Get<CorpusSynchronizer>().SynchronizeAsync(corpus, ConsoleIngestProgress.ForStandardError(), token);
            Console.WriteLine(IngestSummary.Format(report));
            return report.HasFailures ? ExitCodes.SomeFilesFailed : ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
