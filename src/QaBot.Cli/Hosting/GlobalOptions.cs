using System.CommandLine;

namespace QaBot.Cli.Hosting;

/// <summary>Options every command takes; each maps onto a configuration key.</summary>
public static class GlobalOptions
{
    public static readonly Option<string?> Corpus = new("--corpus") { Description = "The folder of documents (Corpus:Path).", Recursive = true };

    public static readonly Option<string?> Data = new("--data") { Description = "Where the embedded index lives (Data:Path).", Recursive = true };

    public static readonly Option<string[]> Config = new("--config", "-c")
    {
        Description = "Set any configuration key, as KEY=VALUE (for example Retrieval:AnswerabilityThreshold=0.6). Repeatable.",
        Recursive = true,
        AllowMultipleArgumentsPerToken = false,
        Validators =
        {
            result =>
            {
                foreach (var pair in result.Tokens.Select(token => token.Value).Where(pair => pair.IndexOf('=', StringComparison.Ordinal) <= 0).Take(1))
                {
                    result.AddError($"--config expects KEY=VALUE, got '{pair}'.");
                }
            },
        },
    };

    public static readonly Option<bool> Verbose = new("--verbose", "-v") { Description = "Log at Debug level to standard error.", Recursive = true };
}
