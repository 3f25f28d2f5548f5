using System.CommandLine;
using QaBot.Cli.Commands;

// Ctrl+C is left to the commands: the REPL cancels the answer in progress, the others simply stop
// (every document is written in its own transaction, so an interrupted ingest is safe).
return await QaBotCommandLine.InvokeAsync(args, new InvocationConfiguration { ProcessTerminationTimeout = null });
