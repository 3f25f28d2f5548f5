using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QaBot.Cli.Output;
using QaBot.Core.Configuration;
using QaBot.Index.Sqlite;
using QaBot.Ingestion.Sync;

namespace QaBot.Cli.Commands;

/// <summary>`qabot ingest [--rebuild]`: bring the index in line with the corpus folder.</summary>
public static class IngestCommand
{
    public static Command Create()
    {
        var rebuild = new Option<bool>("--rebuild")
        {
            Description = "Start a new embedded index and ingest every file: an index that is damaged, not a QaBot index or too new is moved aside (index.db.broken-TIME), a sound one deleted.",
        };
        var command = new Command("ingest", "Read, clean, chunk and index the documents in the corpus folder; unchanged files are skipped. Exit code 3 when a file failed, 4 when the index is unusable (see --rebuild); skipped links, special files, unlistable folders and vanished files are warnings (exit code 0).");
        command.Options.Add(rebuild);
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(parseResult, async (services, token) =>
        {
            var corpus = services.Get<IOptions<CorpusOptions>>().Value.Path;
            // A missing corpus folder is reported by the ingest below, before anything is deleted.
            if (parseResult.GetValue(rebuild) && Directory.Exists(corpus))
            {
                if (services.GetService<SqliteChunkIndex>() is not { } embedded)
                {
                    await Console.Error.WriteLineAsync("Error: --rebuild rebuilds the embedded index (Index:Provider=embedded); for Qdrant, delete the collection (Qdrant:Collection) and run 'qabot ingest'.");
                    return ExitCodes.Error;
                }

                var reset = await embedded.ResetAsync(services.Get<TimeProvider>(), token);
                await Console.Error.WriteLineAsync(reset.Describe(Path.GetFullPath(corpus)));
            }

            var report = await services.Get<CorpusSynchronizer>().SynchronizeAsync(corpus, ConsoleIngestProgress.ForStandardError(), token);
            Console.WriteLine(IngestSummary.Format(report));
            return ExitCodes.ForIngest(report);
        }, cancellationToken));
        return command;
    }
}
