using QaBot.Core;

namespace QaBot.Ingestion.Tests.Reading;

public sealed class HtmlReadingTests
{
    private const string Page = """
        <!DOCTYPE html>
        <html>
        <head>
          <title>Chips &amp; Modelle</title>
          <style>p { color: red; }</style>
          <script>var x = "<p>not text</p>";</script>
        </head>
        <body>
        <nav><a href="/">Start</a></nav>
        <h1>Große Modelle</h1>
        <p>Erster Absatz mit <strong>fettem</strong> Text
        über zwei Zeilen.</p>
        <noscript>Bitte JavaScript aktivieren</noscript>
        <ul>
          <li>Punkt eins</li>
          <li>Punkt zwei</li>
        </ul>
        <p>Zeile A<br>Zeile B &lt;C&gt;</p>
        <!-- <p>comment</p> -->
        </body>
        </html>
        """;

    [Fact]
    public void Parse_HtmlPage_TitleFromTitleElement()
    {
        // Act
        var article = ParserRunner.Parse("page.html", Page);

        // Assert
        Assert.Equal("Chips & Modelle", article.Metadata.Title);
    }

    [Fact]
    public void Parse_HtmlPage_BlocksWithKindsAndOriginalLines()
    {
        // Act
        var article = ParserRunner.Parse("page.html", Page);

        // Assert
        TextBlock[] expected =
        [
            new("Große Modelle", 10, 10, BlockKind.Heading),
            new("Erster Absatz mit fettem Text über zwei Zeilen.", 11, 12),
            new("Punkt eins", 15, 15, BlockKind.ListItem),
            new("Punkt zwei", 16, 16, BlockKind.ListItem),
            new("Zeile A", 18, 18),
            new("Zeile B <C>", 18, 18),
        ];
        Assert.Equal(expected.Shapes(), article.Blocks.Shapes());
    }

    [Fact]
    public void Parse_TextInsideHead_BodyTextAsBrowsersShowIt()
    {
        // Arrange
        const string content = "<html><head><title>Kopf</title>stray head text</head><body><p>Nur der Text.</p></body></html>";

        // Act
        var article = ParserRunner.Parse("page.html", content);

        // Assert
        Assert.Equal("Kopf", article.Metadata.Title);
        // An HTML5 parser ends the head at stray text, as a browser does, so the text is shown and kept.
        Assert.Equal(["stray head text", "Nur der Text."], article.Blocks.Select(b => b.Text));
    }

    [Fact]
    public void Parse_UnclosedHead_BodyStillRead()
    {
        // Arrange
        const string content = "<html><head><title>Kopf</title>\n<body>\n<p>Der Text bleibt.</p>\n</body>";

        // Act
        var article = ParserRunner.Parse("page.html", content);

        // Assert
        Assert.Equal("Kopf", article.Metadata.Title);
        Assert.Equal(new TextBlock[] { new TextBlock("Der Text bleibt.", 3, 3) }.Shapes(), article.Blocks.Shapes());
    }

    [Fact]
    public void Parse_HtmlWithoutTitleElement_TitleFromFirstH1()
    {
        // Arrange
        const string content = "<div><h2>Teil</h2><h1>Die Überschrift</h1><p>Text.</p></div>";

        // Act
        var article = ParserRunner.Parse("page.htm", content);

        // Assert
        Assert.Equal("Die Überschrift", article.Metadata.Title);
    }

    [Fact]
    public void Parse_TxtThatIsHtml_SniffedAsHtml()
    {
        // Arrange
        const string content = "\n<div>\n<p>中文段落&nbsp;一。</p>\n<p>第二段。</p>\n</div>\n";

        // Act
        var article = ParserRunner.Parse("scraped.txt", content);

        // Assert
        Assert.Equal(new TextBlock[] { new TextBlock("中文段落 一。", 3, 3), new TextBlock("第二段。", 4, 4) }.Shapes(), article.Blocks.Shapes());
    }

    [Theory]
    [InlineData("<html><body><nav><a href='a.html'>Installing</a> <a href='b.html'>Booting</a></nav></body></html>")]
    [InlineData("<html><head><title>Chapter 5. Booting</title></head><body><div class='chapter'><h1>Chapter 5. Booting</h1>"
        + "<div class='toc'><p><b>Table of Contents</b></p><dl class='toc'>"
        + "<dt><a href='ch05s01.html'>5.1. Booting the installer</a></dt><dd><dl>"
        + "<dt><a href='ch05s01.html#usb'>5.1.1. Booting from a USB stick</a></dt>"
        + "<dt><a href='ch05s01.html#cd'>5.1.2. Booting from optical media</a></dt></dl></dd>"
        + "<dt><a href='ch05s02.html'>5.2. Accessibility</a></dt><dt><a href='ch05s03.html'>5.3. Boot parameters</a></dt></dl></div></div>"
        + "<footer><a href='ch04.html'>Prev</a> <a href='ch05s01.html'>Next</a></footer></body></html>")]
    public void Parse_HtmlOnlyNavigation_RejectedAsNothingToIndexNotAsFailure(string html)
    {
        // Act
        var exception = ParserRunner.Reject("ch05.html", System.Text.Encoding.UTF8.GetBytes(html));

        // Assert
        Assert.True(exception.OnlyNavigation);
        Assert.StartsWith("nothing to index: only navigation", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HtmlOnlyScripts_RejectedAsEmptyAfterCleaning()
    {
        // Arrange
        var bytes = System.Text.Encoding.UTF8.GetBytes("<html><script>alert(1)</script><p> </p></html>");

        // Act
        var exception = ParserRunner.Reject("x.html", bytes);

        // Assert
        Assert.Equal("empty after cleaning", exception.Message);
        Assert.False(exception.OnlyNavigation);
    }
}
