using System.Globalization;
using System.Text;

namespace QaBot.Cli.Chat;

/// <summary>
/// Reads one line from a terminal the way a shell does: Left/Right/Home/End (and Ctrl+A/Ctrl+E) move,
/// Backspace/Delete erase, Ctrl+U erases to the line's start and Ctrl+K to its end, Up/Down walk the lines
/// entered before, Ctrl+C drops a half-typed line and starts a fresh one. Ctrl+C or Ctrl+D on an empty line
/// ends the input. Wide (CJK) characters move the cursor by two columns. Our own code because no served
/// package fits: RadLine is a preview that brings Spectre.Console's rendering, and its Ctrl+C handling is not ours
/// to choose. The line is redrawn in place, so a line wider than the terminal does not redraw correctly.
/// </summary>
public sealed class LineEditor(IKeyTerminal terminal)
{
    private readonly List<string> _history = [];
    private readonly List<Rune> _line = [];
    private int _cursor;

    /// <summary>The lines entered so far, oldest first (empty lines and repeats of the last one are not kept).</summary>
    public IReadOnlyList<string> History => _history;

    /// <summary>Shows <paramref name="prompt"/> and returns the line entered, or null when the input ends.</summary>
    public string? ReadLine(string prompt)
    {
        _line.Clear();
        _cursor = 0;
        var historyIndex = _history.Count;
        var draft = string.Empty;
        char? highSurrogate = null;
        terminal.Write(prompt);
        while (true)
        {
            var key = terminal.ReadKey();
            if (Is(key, ConsoleKey.C, '\x03'))
            {
                terminal.Write("^C\r\n");
                if (_line.Count == 0)
                {
                    return null;
                }

                // As in a shell: the half-typed line is dropped and a fresh prompt shown.
                _line.Clear();
                _cursor = 0;
                historyIndex = _history.Count;
                terminal.Write(prompt);
                continue;
            }

            if (Is(key, ConsoleKey.D, '\x04'))
            {
                if (_line.Count == 0)
                {
                    terminal.Write("\r\n");
                    return null;
                }

                Delete();
            }
            else if (key.Key == ConsoleKey.Enter || key.KeyChar is '\r' or '\n')
            {
                terminal.Write("\r\n");
                var text = Text(_line);
                if (text.Trim().Length > 0 && (_history.Count == 0 || _history[^1] != text))
                {
                    _history.Add(text);
                }

                return text;
            }
            else if (key.Key == ConsoleKey.Backspace || key.KeyChar is '\b' or '\x7f')
            {
                if (_cursor > 0)
                {
                    _cursor--;
                    _line.RemoveAt(_cursor);
                }
            }
            else if (key.Key == ConsoleKey.Delete)
            {
                Delete();
            }
            else if (key.Key == ConsoleKey.LeftArrow)
            {
                _cursor = Math.Max(0, _cursor - 1);
            }
            else if (key.Key == ConsoleKey.RightArrow)
            {
                _cursor = Math.Min(_line.Count, _cursor + 1);
            }
            else if (key.Key == ConsoleKey.Home || Is(key, ConsoleKey.A, '\x01'))
            {
                _cursor = 0;
            }
            else if (key.Key == ConsoleKey.End || Is(key, ConsoleKey.E, '\x05'))
            {
                _cursor = _line.Count;
            }
            else if (Is(key, ConsoleKey.U, '\x15'))
            {
                _line.RemoveRange(0, _cursor);
                _cursor = 0;
            }
            else if (Is(key, ConsoleKey.K, '\x0b'))
            {
                _line.RemoveRange(_cursor, _line.Count - _cursor);
            }
            else if (key.Key == ConsoleKey.UpArrow && historyIndex > 0)
            {
                if (historyIndex == _history.Count)
                {
                    draft = Text(_line);
                }

                historyIndex--;
                Load(_history[historyIndex]);
            }
            else if (key.Key == ConsoleKey.DownArrow && historyIndex < _history.Count)
            {
                historyIndex++;
                Load(historyIndex == _history.Count ? draft : _history[historyIndex]);
            }
            else if (char.IsHighSurrogate(key.KeyChar))
            {
                highSurrogate = key.KeyChar;
                continue;
            }
            else if (char.IsLowSurrogate(key.KeyChar) && highSurrogate is { } high)
            {
                Insert(new Rune(high, key.KeyChar));
            }
            else if (!char.IsControl(key.KeyChar) && !char.IsSurrogate(key.KeyChar))
            {
                Insert(new Rune(key.KeyChar));
            }
            else
            {
                continue;
            }

            highSurrogate = null;
            Redraw(prompt);
        }
    }

    /// <summary>A control key, however the platform reports it: as the key with Ctrl held, or as its control character.</summary>
    private static bool Is(ConsoleKeyInfo key, ConsoleKey letter, char controlCharacter) =>
        key.KeyChar == controlCharacter || (key.Key == letter && key.Modifiers.HasFlag(ConsoleModifiers.Control));

    private static string Text(IEnumerable<Rune> runes) => string.Concat(runes.Select(r => r.ToString()));

    private void Insert(Rune rune)
    {
        _line.Insert(_cursor, rune);
        _cursor++;
    }

    private void Delete()
    {
        if (_cursor < _line.Count)
        {
            _line.RemoveAt(_cursor);
        }
    }

    private void Load(string text)
    {
        _line.Clear();
        _line.AddRange(text.EnumerateRunes());
        _cursor = _line.Count;
    }

    /// <summary>Rewrites the line from its start, clears what is left of the old one and puts the cursor back.</summary>
    private void Redraw(string prompt)
    {
        var back = CellWidth.Of(_line.Skip(_cursor));
        terminal.Write(string.Create(CultureInfo.InvariantCulture, $"\r{prompt}{Text(_line)}\x1b[K{(back > 0 ? $"\x1b[{back}D" : string.Empty)}"));
    }
}
