using System.CommandLine;
using QaBot.Cli.Hosting;
using QaBot.Cli.Output;
using QaBot.Core;
using QaBot.Index.Sqlite;

namespace QaBot.Cli.Commands;

/// <summary>`qabot ask "question"`: one answer with its sources.</summary>
public static class AskCommand
{
    public static Command Create()
    {
        var question = new Argument<string[]>("question") { Description = "The question (quote it, or pass it as several words).", Arity = ArgumentArity.OneOrMore };
        var debug = new Option<bool>("--debug") { Description = "Also print ranks, scores and timings." };
        var command = new Command("ask", "Answer one question from the documents, citing file and line range.");
        command.Arguments.Add(question);
        command.Options.Add(debug);
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(parseResult, async (services, token) =>
        {
            var text = string.Join(' ', parseResult.GetValue(question) ?? []).Trim();
            if (text.Length == 0)
            {
                await Console.Error.WriteLineAsync("Error: the question is empty.");
                return ExitCodes.Error;
            }

            await services.Get<IndexBootstrapper>().EnsureIndexedAsync(Console.Error, token);
            Answer answer;
            try
            {
                answer = await AnswerStreamPrinter.PrintAsync(services.Get<IAnswerService>(), new Question(text, "ask"), Console.Out, token);
            }
            catch (AnswerUnavailableException exception)
            {
                // The details are logged; the user gets the one sentence.
                Console.WriteLine();
                await Console.Error.WriteLineAsync("Error: " + exception.Message);
                return ExitCodes.Error;
            }

            if (parseResult.GetValue(debug))
            {
                Console.WriteLine();
                Console.WriteLine(AnswerPrinter.FormatDebug(answer));
            }

            return ExitCodes.Success;
        }, cancellationToken, services => services.UseReadOnlySqliteIndex()));
        return command;
    }
}
