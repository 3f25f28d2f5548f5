using QaBot.Core;

namespace QaBot.Ingestion.Tests.Reading;

public sealed class HtmlStructureTests
{
    [Fact]
    public void Parse_Headings_KindAndLevel()
    {
        // Arrange
        const string content = "<h1>Handbuch</h1>\n<h3>Drei</h3>\n<p>Text hier.</p>";

        // Act
        var article = ParserRunner.Parse("a.html", content);

        // Assert
        Assert.Equal(
            [(BlockKind.Heading, 1), (BlockKind.Heading, 3), (BlockKind.Paragraph, 0)],
            article.Blocks.Select(b => (b.Kind, b.Level)));
    }

    [Fact]
    public void Parse_Entity_EveryCharacterAtItsSourceColumn()
    {
        // Arrange: "A &amp; B" starts at column 4; the ampersand is the entity's first column.
        const string content = "<p>A &amp; B</p>";

        // Act
        var block = Assert.Single(ParserRunner.Parse("a.html", content).Blocks);

        // Assert
        Assert.Equal("A & B", block.Text);
        Assert.Equal([4, 5, 6, 11, 12], block.Positions!.Select(p => p.Column));
        Assert.Equal((1, 4, 1, 12), (block.StartLine, block.StartColumn, block.EndLine, block.EndColumn));
    }

    [Fact]
    public void Parse_ParagraphOverTwoLines_CollapsedSpaceAtTheLineBreak()
    {
        // Arrange
        const string content = "<p>erste\r\n   zweite</p>";

        // Act
        var block = Assert.Single(ParserRunner.Parse("a.html", content).Blocks);

        // Assert
        Assert.Equal("erste zweite", block.Text);
        Assert.Equal(new SourcePosition(1, 9), block.Positions![5]);
        Assert.Equal(new SourcePosition(2, 4), block.Positions[6]);
        Assert.Equal((1, 4, 2, 9), (block.StartLine, block.StartColumn, block.EndLine, block.EndColumn));
    }

    [Fact]
    public void Parse_TextRunningToLineEnd_EndColumnZero()
    {
        // Act
        var block = Assert.Single(ParserRunner.Parse("a.html", "<p>bis zum Ende\n</p>").Blocks);

        // Assert
        Assert.Equal(0, block.EndColumn);
    }

    [Fact]
    public void Parse_Pre_VerbatimCodeWithLineBreaksAndIndentation()
    {
        // Arrange
        const string content = "<p>Aufruf:</p>\n<pre class=\"screen\">$ dpkg -i <b>paket</b>.deb\n  --force &lt;x&gt;\n</pre>";

        // Act
        var code = ParserRunner.Parse("a.html", content).Blocks[1];

        // Assert
        Assert.Equal(BlockKind.Code, code.Kind);
        Assert.Equal("$ dpkg -i paket.deb\n  --force <x>", code.Text);
        Assert.Equal((2, 21, 3, 16), (code.StartLine, code.StartColumn, code.EndLine, code.EndColumn));
        Assert.Equal(code.Text.Length, code.Positions!.Count);
    }

    [Fact]
    public void Parse_DataTable_RowsWithCellsAndHeader()
    {
        // Arrange
        const string content = """
            <table>
              <tr><th>Paket</th><th>Größe</th></tr>
              <tr><td>apt</td><td>1,2 MB</td></tr>
              <tr><td>dpkg</td><td>6 MB</td></tr>
            </table>
            """;

        // Act
        var blocks = ParserRunner.Parse("a.html", content).Blocks;

        // Assert
        Assert.Equal(["Paket | Größe", "apt | 1,2 MB", "dpkg | 6 MB"], blocks.Select(b => b.Text));
        Assert.All(blocks, b => Assert.Equal((BlockKind.TableRow, "Paket | Größe"), (b.Kind, b.TableHeader)));
        Assert.Equal((3, 11), (blocks[1].StartLine, blocks[1].StartColumn));
    }

    [Fact]
    public void Parse_DocBookNavigationAndToc_DroppedByLinkStructure()
    {
        // Arrange: the shape DocBook XSL writes, with class names no rule knows.
        const string content = """
            <html><head><title>Kapitel 2. Erste Schritte</title></head><body>
            <div class="navheader"><table width="100%">
              <tr><th colspan="3">Kapitel 2. Erste Schritte</th></tr>
              <tr><td><a accesskey="p" href="start.html"><img src="prev.png" alt="Zurück"/></a></td>
                  <th> </th>
                  <td><a accesskey="n" href="modify.html"><img src="next.png" alt="Weiter"/></a></td></tr>
            </table><hr/></div>
            <div class="chapter">
              <h1>Kapitel 2. Erste Schritte</h1>
              <div class="toc"><p><b>Inhaltsverzeichnis</b></p>
                <dl><dt><a href="#a">2.1. Arbeitsschritte</a></dt><dt><a href="#b">2.2. Programm wählen</a></dt>
                <dt><a href="#c">2.3. Ausprobieren</a></dt></dl></div>
              <p>Der eigentliche Text des Kapitels mit einem <a href="x.html">Verweis</a> darin.</p>
            </div>
            <div class="navfooter"><hr/><table width="100%">
              <tr><td><a href="start.html"><img src="prev.png" alt="Zurück"/></a></td><td> </td><td><a href="modify.html"><img src="next.png" alt="Weiter"/></a></td></tr>
              <tr><td>Kapitel 1. Einstieg</td><td><a href="index.html"><img src="home.png" alt="Zum Anfang"/></a></td><td>Kapitel 3. Quellcode</td></tr>
            </table></div>
            </body></html>
            """;

        // Act
        var article = ParserRunner.Parse("first.html", content);

        // Assert
        Assert.Equal(
            ["Kapitel 2. Erste Schritte", "Der eigentliche Text des Kapitels mit einem Verweis darin."],
            article.Blocks.Select(b => b.Text));
    }

    [Fact]
    public void Parse_ChapterPageMostlyToc_IntroductionKept()
    {
        // Arrange: the chapter's text is mostly its table of contents, but its introduction is content.
        var entries = string.Concat(Enumerable.Range(1, 12).Select(i => $"<dt><a href=\"s{i}.html\">2.{i}. Ein Abschnitt mit langem Titel</a></dt>"));
        var content = $"<div class=\"chapter\"><h1>Kapitel 2</h1><div class=\"toc\"><p>Inhalt</p><dl>{entries}</dl></div>"
            + "<p>Dieser Abschnitt informiert über die benötigte Hardware, um Debian zum Laufen zu bringen.</p></div>";

        // Act
        var article = ParserRunner.Parse("ch02.html", content);

        // Assert
        Assert.Equal(["Kapitel 2", "Dieser Abschnitt informiert über die benötigte Hardware, um Debian zum Laufen zu bringen."], article.Blocks.Select(b => b.Text));
    }

    [Fact]
    public void Parse_SiteHeaderFooterNavAndForm_Dropped()
    {
        // Arrange
        const string content = """
            <body><header><a href="/">Startseite</a> Suche</header>
            <nav><ul><li><a href="/a">A</a></li></ul></nav>
            <article><header><h1>Der Titel</h1></header><p>Inhalt.</p></article>
            <form><label>Kommentar</label><textarea>x</textarea><button>Senden</button></form>
            <div role="navigation">Weiter</div>
            <footer>© Firma</footer></body>
            """;

        // Act
        var article = ParserRunner.Parse("a.html", content);

        // Assert
        Assert.Equal(["Der Titel", "Inhalt."], article.Blocks.Select(b => b.Text));
    }

    [Fact]
    public void Parse_HeadingPermalink_Dropped()
    {
        // Act
        var block = Assert.Single(ParserRunner.Parse("a.html", "<h2>6.1. Patches<a class=\"headerlink\" href=\"#patches\">¶</a></h2>").Blocks);

        // Assert
        Assert.Equal(("6.1. Patches", 2), (block.Text, block.Level));
    }

    [Fact]
    public void Parse_LanguagePickerList_Dropped()
    {
        // Arrange: a picker of two-letter codes, mixed with other text so it is not link-dense by length.
        const string content = """
            <p>Ein Absatz, der bleibt.</p>
            <div>Sprache wählen für diese Seite hier: <a href="de/">de</a> <a href="en/">en</a> <a href="fr/">fr</a></div>
            """;

        // Act
        var article = ParserRunner.Parse("a.html", content);

        // Assert
        Assert.Equal(["Ein Absatz, der bleibt."], article.Blocks.Select(b => b.Text));
    }

    [Fact]
    public void Parse_ListOfTermsWithLinks_Kept()
    {
        // Arrange: each item starts with a link but is mostly text.
        const string content = """
            <ul><li><a href="apt.html">apt</a> installiert Pakete aus den Quellen.</li>
            <li><a href="dpkg.html">dpkg</a> installiert eine einzelne Paketdatei.</li></ul>
            """;

        // Act
        var article = ParserRunner.Parse("a.html", content);

        // Assert
        Assert.Equal([BlockKind.ListItem, BlockKind.ListItem], article.Blocks.Select(b => b.Kind));
    }

    [Fact]
    public void Parse_MetaAuthorAndDate_InMetadata()
    {
        // Arrange
        const string content = "<html><head><meta name=\"author\" content=\"A. Autor\"><meta name=\"date\" content=\"2024-05-01\"></head><body><p>Text.</p></body></html>";

        // Act
        var metadata = ParserRunner.Parse("a.html", content).Metadata;

        // Assert
        Assert.Equal(("A. Autor", new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero)), (metadata.Author, metadata.Date));
    }

    [Fact]
    public void Parse_FrontMatterBeforeHtml_PositionsInTheFile()
    {
        // Arrange
        const string content = "---\ntitle: T\n---\n<p>Hallo &uuml;ber</p>";

        // Act
        var block = Assert.Single(ParserRunner.Parse("a.txt", content).Blocks);

        // Assert
        Assert.Equal("Hallo über", block.Text);
        Assert.Equal(new SourcePosition(4, 10), block.Positions![6]);
    }
}
