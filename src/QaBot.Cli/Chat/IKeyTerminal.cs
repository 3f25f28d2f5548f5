namespace QaBot.Cli.Chat;

/// <summary>
/// The two things <see cref="LineEditor"/> needs of a terminal: keys in, text (with ANSI cursor sequences) out.
/// The console implements it in <see cref="ConsoleKeyTerminal"/>; tests script it.
/// </summary>
public interface IKeyTerminal
{
    /// <summary>The next key, without echoing it; Ctrl+C arrives as a key too.</summary>
    ConsoleKeyInfo ReadKey();

    void Write(string text);
}
