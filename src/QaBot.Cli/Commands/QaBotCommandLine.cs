using System.CommandLine;
using QaBot.Cli.Hosting;

namespace QaBot.Cli.Commands;

/// <summary>The `qabot` command and its subcommands.</summary>
public static class QaBotCommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("QaBot answers questions from a document collection and cites the files and lines it used.");
        root.Options.Add(GlobalOptions.Corpus);
        root.Options.Add(GlobalOptions.Data);
        root.Options.Add(GlobalOptions.Config);
        root.Options.Add(GlobalOptions.Verbose);
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(AskCommand.Create());
        root.Subcommands.Add(ChatCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(DiscordCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(ModelCommand.Create());
        // With an action of its own, the root reports an unknown command once ("Unrecognized command or
        // argument …") instead of adding "Required command was not provided."; `qabot` alone shows the help.
        root.SetAction(parseResult =>
        {
            new System.CommandLine.Help.HelpAction().Invoke(parseResult);
            return ExitCodes.Error;
        });
        return root;
    }

    /// <summary>
    /// Parses and runs a command line. A command line that does not parse (an unknown command or option, a value
    /// out of range) is one line per problem on standard error and exit code <see cref="ExitCodes.UsageError"/>,
    /// without the help page System.CommandLine would print after it (`qabot COMMAND --help` shows that).
    /// </summary>
    public static async Task<int> InvokeAsync(IReadOnlyList<string> args, InvocationConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var parseResult = Build().Parse(args);
        if (parseResult.Errors.Count == 0)
        {
            return await parseResult.InvokeAsync(configuration);
        }

        var error = configuration?.Error ?? Console.Error;
        foreach (var message in parseResult.Errors.Select(e => e.Message).Distinct(StringComparer.Ordinal))
        {
            await error.WriteLineAsync("Error: " + message);
        }

        return ExitCodes.UsageError;
    }
}
