using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QaBot.Cli.Hosting;
using QaBot.DiscordBot;
using QaBot.Index.Sqlite;

namespace QaBot.Cli.Commands;

/// <summary>`qabot discord`: the hosted Discord bot, until Ctrl+C or SIGTERM.</summary>
public static class DiscordCommand
{
    public static Command Create()
    {
        var command = new Command("discord", "Run the Discord bot: answers mentions, DMs and /ask in a thread per conversation. Needs Discord:Token (QABOT__Discord__Token).");
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(
            parseResult,
            async (services, token) =>
            {
                await services.Get<IndexBootstrapper>().EnsureIndexedAsync(Console.Error, token);
                var lifetime = services.Get<IHostApplicationLifetime>();
                await Console.Error.WriteLineAsync("The Discord bot is running; Ctrl+C stops it.");
                try
                {
                    await Task.Delay(Timeout.Infinite, CancellationTokenSource.CreateLinkedTokenSource(token, lifetime.ApplicationStopping).Token);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C, SIGTERM, or the bot stopped by itself.
                }

                // A bot that stopped on its own (an invalid token, a fatal close code) says why and fails the process.
                var failure = services.GetServices<IHostedService>().OfType<BackgroundService>()
                    .Select(s => s.ExecuteTask?.Exception?.GetBaseException())
                    .FirstOrDefault(e => e is not null);
                if (failure is not null)
                {
                    await Console.Error.WriteLineAsync("The Discord bot stopped: " + failure.Message);
                    return ExitCodes.Error;
                }

                return ExitCodes.Success;
            },
            cancellationToken,
            services => services.AddDiscordBot().UseReadOnlySqliteIndex()));
        return command;
    }
}
