using System.Globalization;
using QaBot.Cli.Output;
using QaBot.Core;

namespace QaBot.Cli.Chat;

/// <summary>
/// The console REPL: reads questions line by line (from a terminal or a pipe), answers each with its sources,
/// keeps the session's history and offers /sources, /debug, /history, /help and /exit. On a terminal,
/// Ctrl+C cancels the answer in progress, not the REPL, and lines are read with <paramref name="editor"/>
/// (shell-like editing and history) when one is given; otherwise from <paramref name="input"/>, line by line.
/// </summary>
public sealed class ChatRepl(IAnswerService answers, TextReader input, TextWriter output, bool interactive, LineEditor? editor = null)
{
    private const string Help = """
        Ask a question, or use a command:
          /sources   the passages behind the last answer
          /debug     ranks, scores, coverage and timings of the last answer (/debug on|off: after every answer)
          /history   the questions asked in this session
          /help      this list
          /exit      leave (also /quit, or end of input)
        """;

    private readonly List<(string Question, Answer Answer)> _history = [];
    private readonly string _conversationId = "repl:" + Guid.NewGuid().ToString("N");
    private bool _debugAfterEachAnswer;
    private CancellationTokenSource? _currentAnswer;

    public IReadOnlyList<(string Question, Answer Answer)> History => _history;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (interactive)
        {
            Console.CancelKeyPress += OnCancelKeyPress;
            await output.WriteLineAsync("QaBot: ask about the documents. /help for commands, /exit to leave.");
        }

        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var line = await ReadLineAsync(cancellationToken);
                if (line is null)
                {
                    break;
                }

                line = line.Trim();
                if (line.Length == 0)
                {
                    continue;
                }

                if (line.StartsWith('/'))
                {
                    if (!await RunCommandAsync(line))
                    {
                        break;
                    }

                    continue;
                }

                await AnswerAsync(line, cancellationToken);
            }
        }
        finally
        {
            if (interactive)
            {
                Console.CancelKeyPress -= OnCancelKeyPress;
            }
        }
    }

    private async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        if (interactive && editor is not null)
        {
            // Keys typed while the last answer was computed are still waiting in the terminal: they are read
            // here and shown after the prompt as the start of this line, as a shell does with type-ahead.
            return editor.ReadLine("> ");
        }

        if (interactive)
        {
            await output.WriteAsync("> ");
            await output.FlushAsync(cancellationToken);
        }

        return await input.ReadLineAsync(cancellationToken);
    }

    private async Task AnswerAsync(string question, CancellationToken cancellationToken)
    {
        using var current = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _currentAnswer = current;
        try
        {
            var answer = await AnswerStreamPrinter.PrintAsync(answers, new Question(question, _conversationId), output, current.Token);
            _history.Add((question, answer));
            if (_debugAfterEachAnswer)
            {
                await output.WriteLineAsync(AnswerPrinter.FormatDebug(answer));
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await output.WriteLineAsync();
            await output.WriteLineAsync("(cancelled)");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // One failed question must not end the session.
            await output.WriteLineAsync($"Sorry, that question could not be answered: {exception.Message}");
        }
        finally
        {
            _currentAnswer = null;
        }

        await output.WriteLineAsync();
    }

    /// <summary>Runs a slash command; false means leave.</summary>
    private async Task<bool> RunCommandAsync(string line)
    {
        var parts = line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var last = _history.Count > 0 ? _history[^1].Answer : null;
        switch (parts[0].ToLowerInvariant())
        {
            case "/exit" or "/quit":
                return false;
            case "/help":
                await output.WriteLineAsync(Help);
                break;
            case "/sources":
                await output.WriteLineAsync(last is null ? "No answer yet." : AnswerPrinter.FormatSources(last));
                break;
            case "/debug" when parts.Length > 1:
                _debugAfterEachAnswer = parts[1].Equals("on", StringComparison.OrdinalIgnoreCase);
                await output.WriteLineAsync($"Debug output after each answer is {(_debugAfterEachAnswer ? "on" : "off")}.");
                break;
            case "/debug":
                await output.WriteLineAsync(last is null ? "No answer yet." : AnswerPrinter.FormatDebug(last));
                break;
            case "/history":
                await output.WriteLineAsync(_history.Count == 0
                    ? "No questions yet."
                    : string.Join(Environment.NewLine, _history.Select((h, i) => string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {h.Question}{(h.Answer.Refused ? "  (not covered)" : string.Empty)}"))));
                break;
            default:
                await output.WriteLineAsync($"Unknown command {parts[0]}. /help lists the commands.");
                break;
        }

        await output.WriteLineAsync();
        return true;
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        if (_currentAnswer is { } current)
        {
            e.Cancel = true;
            current.Cancel();
        }
    }
}
