namespace QaBot.Cli.Chat;

/// <summary>
/// <see cref="IKeyTerminal"/> over the real console. Ctrl+C is read as a key only while a key is awaited, so
/// during an answer it still raises <see cref="Console.CancelKeyPress"/> and cancels that answer.
/// </summary>
public sealed class ConsoleKeyTerminal : IKeyTerminal
{
    public ConsoleKeyInfo ReadKey()
    {
        Console.TreatControlCAsInput = true;
        try
        {
            return Console.ReadKey(intercept: true);
        }
        finally
        {
            Console.TreatControlCAsInput = false;
        }
    }

    public void Write(string text)
    {
        Console.Out.Write(text);
        Console.Out.Flush();
    }
}
