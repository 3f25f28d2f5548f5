using System.CommandLine;
using System.Diagnostics;
using System.Runtime.InteropServices;
using QaBot.Bench;
using QaBot.Cli.Hosting;

namespace QaBot.Cli.Commands;

/// <summary>
/// `qabot bench [--chunks N]... [--json OUT]`: generate collections of N chunks and measure ingest, retrieval,
/// answers, index size and memory; `qabot bench --collection DIR`: a real collection; `qabot bench --load`: concurrent questions through a bounded dispatcher.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var chunks = new Option<int[]>("--chunks")
        {
            Description = "Collection sizes in chunks, smallest first (repeatable). Default: 1000 and 10000; add 100000 for the large run.",
            AllowMultipleArgumentsPerToken = true,
        };
        var json = new Option<string?>("--json") { Description = "Also write the results as JSON to this file." };
        var queries = new Option<int>("--queries") { Description = "Questions per latency measurement.", DefaultValueFactory = _ => 200 };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated collection, questions and vectors.", DefaultValueFactory = _ => 42 };
        var work = new Option<string?>("--work") { Description = "Folder for the generated collections and indexes (default: a folder under the system temp folder, deleted afterwards)." };
        var load = new Option<bool>("--load") { Description = "Load mode: concurrent questions through the bounded dispatcher (uses the first --chunks size, default 10000)." };
        var concurrency = new Option<int>("--concurrency") { Description = "Load mode: clients asking at once.", DefaultValueFactory = _ => 64 };
        var workers = new Option<int>("--workers") { Description = "Load mode: questions answered at once.", DefaultValueFactory = _ => 16 };
        var queue = new Option<int>("--queue") { Description = "Load mode: questions that may wait; one more is rejected as busy.", DefaultValueFactory = _ => 32 };
        var latency = new Option<int>("--model-latency-ms") { Description = "Load mode: the simulated chat model's time per answer.", DefaultValueFactory = _ => 200 };
        var requests = new Option<int>("--requests") { Description = "Load mode: questions sent in all (default: 10 per client)." };
        var collection = new Option<string?>("--collection") { Description = "Measure a real collection instead: a copy of folder DIR is ingested fresh (source MB/s, translation table included), re-ingested after one file changes, and questioned (--set FILE, else opening words of its passages)." };
        var set = new Option<string?>("--set") { Description = "With --collection: a question set (eval/dev.jsonl format) whose questions are timed." };
        var embed = new Option<bool>("--embed") { Description = "Embedding mode: ingest a generated collection (first --chunks size, default 2000) with the configured model (Embeddings:*) and report passages per second and the share of ingest time outside the model." };

        var command = new Command("bench", "Measure ingest, retrieval and answer latency, index size and memory on generated collections; --load for concurrent questions.");
        foreach (var option in new Option[] { chunks, json, queries, seed, work, load, concurrency, workers, queue, latency, requests, embed, collection, set })
        {
            command.Options.Add(option);
        }

        command.Validators.Add(result =>
        {
            if (result.GetValue(collection) is { } folder && !Directory.Exists(folder))
            {
                result.AddError($"--collection: the folder '{Path.GetFullPath(folder)}' does not exist. Give the folder of a collection of documents.");
            }

            if (result.GetValue(set) is { } file && !File.Exists(file))
            {
                result.AddError($"--set: the file '{Path.GetFullPath(file)}' does not exist. Give a question set in the eval/dev.jsonl format.");
            }

            foreach (var size in (result.GetValue(chunks) ?? []).Where(size => size < 1).Take(1))
            {
                result.AddError($"--chunks: {size} is not a collection size. Give a number of chunks of 1 or more (for example --chunks 1000 --chunks 10000).");
            }

            foreach (var (option, least, what) in new[] { (queries, 1, "questions per measurement"), (concurrency, 1, "clients"), (workers, 1, "workers"), (queue, 0, "waiting places"), (latency, 0, "milliseconds"), (requests, 0, "questions (0 = 10 per client)") })
            {
                // Only a value given on the command line: a validator sees 0 for an option left at its default.
                if (result.GetResult(option) is { Implicit: false } given && given.GetValueOrDefault<int>() < least)
                {
                    result.AddError($"{option.Name}: {result.GetValue(option)} is not a number of {what}. Give {least} or more.");
                }
            }
        });
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var sizes = parseResult.GetValue(chunks) is { Length: > 0 } given ? given : null;
            var explicitWork = parseResult.GetValue(work);
            var root = explicitWork ?? Path.Combine(Path.GetTempPath(), "qabot-bench", Guid.NewGuid().ToString("N"));
            BenchHostFactory hosts = (configure, settings) => QaBotHost.Build(parseResult, configure, settings);
            try
            {
                var environment = await DescribeEnvironmentAsync(cancellationToken);
                string table, output;
                if (parseResult.GetValue(collection) is { } folder)
                {
                    var result = await new CollectionBenchmark(hosts, root, parseResult.GetValue(queries), Console.Error).RunAsync(folder, parseResult.GetValue(set), cancellationToken);
                    (table, output) = (BenchReportWriter.ToTable(result, environment), BenchReportWriter.ToJson(result, environment));
                }
                else if (parseResult.GetValue(embed))
                {
                    var result = await new EmbeddingBenchmark(hosts, root, parseResult.GetValue(seed), Console.Error).RunAsync(sizes?[0] ?? 2_000, cancellationToken);
                    (table, output) = (BenchReportWriter.ToTable(result, environment), BenchReportWriter.ToJson(result, environment));
                }
                else if (parseResult.GetValue(load))
                {
                    var clients = parseResult.GetValue(concurrency);
                    var settings = new LoadSettings(
                        sizes?[0] ?? 10_000,
                        clients,
                        parseResult.GetValue(workers),
                        parseResult.GetValue(queue),
                        TimeSpan.FromMilliseconds(parseResult.GetValue(latency)),
                        parseResult.GetValue(requests) is > 0 and var r ? r : clients * 10);
                    var result = await new LoadBenchmark(hosts, root, parseResult.GetValue(seed), Console.Error).RunAsync(settings, cancellationToken);
                    (table, output) = (BenchReportWriter.ToTable(result, environment), BenchReportWriter.ToJson(result, environment));
                }
                else
                {
                    var benchmark = new ScaleBenchmark(hosts, root, parseResult.GetValue(seed), parseResult.GetValue(queries), Console.Error);
                    var results = new List<BenchResult>();
                    foreach (var size in (sizes ?? [1_000, 10_000]).Order())
                    {
                        results.Add(await benchmark.RunAsync(size, cancellationToken));
                    }

                    (table, output) = (BenchReportWriter.ToTable(results, environment), BenchReportWriter.ToJson(results, environment));
                }

                Console.WriteLine(table);
                if (parseResult.GetValue(json) is { } path)
                {
                    await File.WriteAllTextAsync(path, output, cancellationToken);
                    Console.WriteLine($"Wrote {Path.GetFullPath(path)}");
                }

                return ExitCodes.Success;
            }
            finally
            {
                if (explicitWork is null && Directory.Exists(root))
                {
                    Directory.Delete(root, recursive: true);
                }
            }
        });
        return command;
    }

    private static async Task<BenchEnvironment> DescribeEnvironmentAsync(CancellationToken cancellationToken)
    {
        var loadAverage = File.Exists("/proc/loadavg")
            ? string.Join(' ', (await File.ReadAllTextAsync("/proc/loadavg", cancellationToken)).Split(' ').Take(3))
            : "unknown";
        return new BenchEnvironment(Environment.ProcessorCount, await GitCommitAsync(cancellationToken), loadAverage, RuntimeInformation.FrameworkDescription, RuntimeInformation.OSDescription);
    }

    private static async Task<string> GitCommitAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "rev-parse --short HEAD") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false });
            if (git is null)
            {
                return "unknown";
            }

            var commit = (await git.StandardOutput.ReadToEndAsync(cancellationToken)).Trim();
            await git.WaitForExitAsync(cancellationToken);
            return git.ExitCode == 0 && commit.Length > 0 ? commit : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
