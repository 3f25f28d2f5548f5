using System.CommandLine;
using QaBot.Cli.Chat;
using QaBot.Cli.Hosting;
using QaBot.Core;
using QaBot.Index.Sqlite;

namespace QaBot.Cli.Commands;

/// <summary>`qabot chat`: the REPL.</summary>
public static class ChatCommand
{
    public static Command Create()
    {
        var command = new Command("chat", "Ask questions one after another (a REPL); /help lists its commands. Works with piped input too.");
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(parseResult, async (services, token) =>
        {
            await services.Get<IndexBootstrapper>().EnsureIndexedAsync(Console.Error, token);
            var interactive = !Console.IsInputRedirected;
            var editor = interactive && !Console.IsOutputRedirected ? new LineEditor(new ConsoleKeyTerminal()) : null;
            var repl = new ChatRepl(services.Get<IAnswerService>(), Console.In, Console.Out, interactive, editor);
            await repl.RunAsync(token);
            return ExitCodes.Success;
        }, cancellationToken, services => services.UseReadOnlySqliteIndex()));
        return command;
    }
}
