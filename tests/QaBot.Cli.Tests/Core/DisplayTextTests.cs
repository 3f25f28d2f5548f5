using QaBot.Core;

namespace QaBot.Cli.Tests.Core;

public sealed class DisplayTextTests
{
    [Theory]
    [InlineData("plain/name.txt", "plain/name.txt")]
    [InlineData("a\nb.txt", "a\\nb.txt")]
    [InlineData("a\r\tb", "a\\r\\tb")]
    [InlineData("\u001b[2Jx.md", "\\x1b[2Jx.md")]
    [InlineData("nul\0.txt", "nul\\x00.txt")]
    [InlineData("c1\u0085.txt", "c1\\x85.txt")]
    [InlineData("rtl\u202Etxt.exe", "rtl\\u202etxt.exe")]
    [InlineData("line\u2028sep", "line\\u2028sep")]
    [InlineData("Zürich 台北.txt", "Zürich 台北.txt")]
    [InlineData("", "")]
    public void Escape_Text_ControlCharactersShownAsEscapes(string text, string expected)
    {
        // Act / Assert
        Assert.Equal(expected, DisplayText.Escape(text));
    }

    [Fact]
    public void Escape_Null_Empty()
    {
        // Act / Assert
        Assert.Equal(string.Empty, DisplayText.Escape(null));
    }
}
