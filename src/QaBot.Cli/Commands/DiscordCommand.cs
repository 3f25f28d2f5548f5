using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QaBot.Cli.Hosting;
using QaBot.Core;
using QaBot.DiscordBot;
using QaBot.Evaluation.Feedback;
using QaBot.Index.Sqlite;

namespace QaBot.Cli.Commands;

/// <summary>
/// `qabot discord`: the hosted Discord bot, until Ctrl+C or SIGTERM. The bot connects at once and a first-use ingest
/// runs beside it (the bot says "still indexing" meanwhile). A bot that stops on its own (a rejected token, a fatal
/// close code) cancels that ingest and ends the process with one line and exit code 1.
/// </summary>
public static class DiscordCommand
{
    /// <summary>How long a cancelled ingest may take to stop before the process ends without it.</summary>
    private static readonly TimeSpan IngestStopGrace = TimeSpan.FromSeconds(3);

    public static Command Create()
    {
        var command = new Command("discord", "Run the Discord bot: answers mentions, DMs and /ask in a thread per conversation. Needs Discord:Token (QABOT__Discord__Token).");
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(
            parseResult,
            (services, token) => RunAsync(services, token),
            cancellationToken,
            services => services.AddDiscordBot().AddFeedbackFiles().UseReadOnlySqliteIndex()));
        return command;
    }

    /// <summary>
    /// Votes and reviews go to the two JSON-lines files of <c>DiscordBot:FeedbackFile</c> and <c>DiscordBot:ReviewedFile</c>
    /// (relative ones in the data folder), which <c>qabot eval --from-feedback</c> and <c>qabot eval --set</c> read.
    /// </summary>
    internal static IServiceCollection AddFeedbackFiles(this IServiceCollection services) =>
        services.AddSingleton<IFeedbackSink>(provider => new FeedbackFiles(
            DiscordBotServiceCollectionExtensions.InDataFolder(provider, options => options.FeedbackFile),
            DiscordBotServiceCollectionExtensions.InDataFolder(provider, options => options.ReviewedFile)));

    private static async Task<int> RunAsync(IServiceProvider services, CancellationToken token)
    {
        var lifetime = services.Get<IHostApplicationLifetime>();
        var bot = services.Get<DiscordBotStatus>();
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(token, lifetime.ApplicationStopping);
        var announced = AnnounceWhenConnectedAsync(bot, stopping.Token);
        var ingest = services.Get<IndexBootstrapper>().EnsureIndexedAsync(Console.Error, stopping.Token);
        var stopRequested = Task.Delay(Timeout.Infinite, stopping.Token);

        if (await Task.WhenAny(ingest, bot.Stopped) == ingest)
        {
            await ReportIngestFailureAsync(ingest, stopping.Token);
            await Task.WhenAny(bot.Stopped, stopRequested);
        }

        var exitCode = ExitCodes.Success;
        if (bot.Stopped.IsFaulted)
        {
            // Fatal is fatal: stop the ingest too, and do not wait long for it.
            await stopping.CancelAsync();
            await Task.WhenAny(ingest, Task.Delay(IngestStopGrace, CancellationToken.None));
            await Console.Error.WriteLineAsync("The Discord bot stopped: " + bot.Stopped.Exception!.GetBaseException().Message);
            exitCode = ExitCodes.Error;
        }

        await stopping.CancelAsync();
        await announced;
        return exitCode;
    }

    /// <summary>"Running" only once the Gateway has said READY; a bot that never gets there says nothing here.</summary>
    private static async Task AnnounceWhenConnectedAsync(DiscordBotStatus bot, CancellationToken stoppingToken)
    {
        try
        {
            await bot.Connected.WaitAsync(stoppingToken);
            await Console.Error.WriteLineAsync("The Discord bot is connected and running; Ctrl+C stops it.");
        }
        catch (OperationCanceledException)
        {
            // Stopped (or stopping) before READY.
        }
    }

    /// <summary>A failed first-use ingest leaves the bot running (it says the index failed); the operator gets the reason here.</summary>
    private static async Task ReportIngestFailureAsync(Task ingest, CancellationToken stoppingToken)
    {
        try
        {
            await ingest;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Ctrl+C, SIGTERM or the bot stopping during the ingest.
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("The first-use ingest failed; the bot keeps running and tells people so: " + exception.Message);
        }
    }
}
