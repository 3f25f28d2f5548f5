using System.Text;
using QaBot.Cli.Chat;

namespace QaBot.Cli.Tests.Chat;

public sealed class LineEditorTests
{
    private static readonly ConsoleKeyInfo Enter = new('\r', ConsoleKey.Enter, false, false, false);
    private static readonly ConsoleKeyInfo Left = Special(ConsoleKey.LeftArrow);
    private static readonly ConsoleKeyInfo Right = Special(ConsoleKey.RightArrow);
    private static readonly ConsoleKeyInfo Home = Special(ConsoleKey.Home);
    private static readonly ConsoleKeyInfo End = Special(ConsoleKey.End);
    private static readonly ConsoleKeyInfo Up = Special(ConsoleKey.UpArrow);
    private static readonly ConsoleKeyInfo Down = Special(ConsoleKey.DownArrow);
    private static readonly ConsoleKeyInfo Backspace = new('\x7f', ConsoleKey.Backspace, false, false, false);
    private static readonly ConsoleKeyInfo Delete = Special(ConsoleKey.Delete);

    [Fact]
    public void ReadLine_TypedTextAndEnter_ReturnsTheLineAndKeepsItInHistory()
    {
        var (editor, _) = Editor([.. Type("hello"), Enter]);

        Assert.Equal("hello", editor.ReadLine("> "));
        Assert.Equal(["hello"], editor.History);
    }

    [Fact]
    public void ReadLine_CtrlCOnHalfTypedLine_DropsItAndReadsAFreshLine()
    {
        var (editor, terminal) = Editor([.. Type("half typed"), Control(ConsoleKey.C, '\x03'), .. Type("new"), Enter]);

        Assert.Equal("new", editor.ReadLine("> "));
        Assert.Contains("\r> half typed\x1b[K^C\r\n> ", terminal.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ConsoleKey.C, '\x03')]
    [InlineData(ConsoleKey.D, '\x04')]
    public void ReadLine_CtrlCOrCtrlDOnEmptyLine_EndsTheInput(ConsoleKey key, char controlCharacter)
    {
        var (editor, _) = Editor([Control(key, controlCharacter)]);

        Assert.Null(editor.ReadLine("> "));
    }

    [Fact]
    public void ReadLine_CtrlDOnText_DeletesTheCharacterUnderTheCursorInsteadOfEnding()
    {
        var (editor, _) = Editor([.. Type("abc"), Home, Control(ConsoleKey.D, '\x04'), Enter]);

        Assert.Equal("bc", editor.ReadLine("> "));
    }

    [Fact]
    public void ReadLine_CtrlU_ErasesFromTheCursorToTheLineStart()
    {
        var (editor, _) = Editor([.. Type("wrong right"), Left, Left, Left, Left, Left, Control(ConsoleKey.U, '\x15'), Enter]);

        Assert.Equal("right", editor.ReadLine("> "));
    }

    [Fact]
    public void ReadLine_CtrlK_ErasesFromTheCursorToTheLineEnd()
    {
        var (editor, _) = Editor([.. Type("keep drop"), Home, Right, Right, Right, Right, Control(ConsoleKey.K, '\x0b'), Enter]);

        Assert.Equal("keep", editor.ReadLine("> "));
    }

    [Fact]
    public void ReadLine_LeftRightHomeEnd_InsertAtTheCursor()
    {
        var (editor, _) = Editor([.. Type("bd"), Left, .. Type("c"), Home, .. Type("a"), End, .. Type("e"), Enter]);

        Assert.Equal("abcde", editor.ReadLine("> "));
    }

    [Fact]
    public void ReadLine_BackspaceAndDelete_EraseBeforeAndUnderTheCursor()
    {
        var (editor, _) = Editor([.. Type("abcd"), Backspace, Home, Delete, Enter]);

        Assert.Equal("bc", editor.ReadLine("> "));
    }

    [Fact]
    public void ReadLine_UpAndDown_WalkTheHistoryAndComeBackToTheDraft()
    {
        var (editor, _) = Editor([
            .. Type("first"), Enter, .. Type("second"), Enter,
            .. Type("draft"), Up, Up, Up, Enter,
            .. Type("draft"), Up, Down, Enter]);

        editor.ReadLine("> ");
        editor.ReadLine("> ");

        Assert.Equal("first", editor.ReadLine("> "));
        Assert.Equal("draft", editor.ReadLine("> "));
        // A line taken from the history and entered again is the newest entry, as in a shell.
        Assert.Equal(["first", "second", "first", "draft"], editor.History);
    }

    [Fact]
    public void ReadLine_UpThenEdit_ReturnsTheEditedLineAndKeepsTheOldOne()
    {
        var (editor, _) = Editor([.. Type("where is it"), Enter, Up, Backspace, Backspace, .. Type("he"), Enter]);

        editor.ReadLine("> ");

        Assert.Equal("where is he", editor.ReadLine("> "));
        Assert.Equal(["where is it", "where is he"], editor.History);
    }

    [Fact]
    public void ReadLine_WideCharacters_CursorMovesTwoColumnsPerCharacter()
    {
        var (editor, terminal) = Editor([.. Type("你好吗"), Left, Left, Enter]);

        Assert.Equal("你好吗", editor.ReadLine("> "));

        // One Left puts the cursor two columns back, before 吗; the second four columns back, before 好吗.
        Assert.EndsWith("\r> 你好吗\x1b[K\x1b[2D\r> 你好吗\x1b[K\x1b[4D\r\n", terminal.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadLine_CharacterOutsideTheBasicPlane_ArrivesAsTwoKeysAndIsOneCharacter()
    {
        var (editor, _) = Editor([.. Type("a😀b"), Left, Left, Backspace, Enter]);

        Assert.Equal("😀b", editor.ReadLine("> "));
    }

    [Fact]
    public void ReadLine_Redraw_ClearsTheRestOfTheOldLine()
    {
        var (editor, terminal) = Editor([.. Type("ab"), Backspace, Enter]);

        editor.ReadLine("> ");

        Assert.Contains("\r> a\x1b[K", terminal.Output, StringComparison.Ordinal);
    }

    private static ConsoleKeyInfo Special(ConsoleKey key) => new('\0', key, false, false, false);

    private static ConsoleKeyInfo Control(ConsoleKey key, char controlCharacter) => new(controlCharacter, key, false, false, true);

    /// <summary>The keys a terminal delivers for typed text: one per UTF-16 unit, as .NET reports them.</summary>
    private static IEnumerable<ConsoleKeyInfo> Type(string text) => text.Select(c => new ConsoleKeyInfo(c, 0, false, false, false));

    private static (LineEditor Editor, ScriptedTerminal Terminal) Editor(IEnumerable<ConsoleKeyInfo> keys)
    {
        var terminal = new ScriptedTerminal(keys);
        return (new LineEditor(terminal), terminal);
    }

    /// <summary>Plays scripted keys and records what the editor writes.</summary>
    private sealed class ScriptedTerminal(IEnumerable<ConsoleKeyInfo> keys) : IKeyTerminal
    {
        private readonly Queue<ConsoleKeyInfo> _keys = new(keys);
        private readonly StringBuilder _output = new();

        public string Output => _output.ToString();

        public ConsoleKeyInfo ReadKey()
        {
            Assert.True(_keys.Count > 0, "The editor asked for more keys than the script has.");
            return _keys.Dequeue();
        }

        public void Write(string text) => _output.Append(text);
    }
}
