using QaBot.Core;

namespace QaBot.Answering.Tests;

/// <summary>The one citation format of Core, tested here beside the answer service that builds citations.</summary>
public sealed class CitationFormatterTests
{
    [Theory]
    [InlineData(7, 1, 7, 0, 0, "faq.html:7")]
    [InlineData(7, 1, 9, 0, 0, "faq.html:7-9")]
    [InlineData(7, 120, 7, 480, 0, "faq.html:7:120-7:480")]
    [InlineData(7, 1, 7, 480, 0, "faq.html:7:1-7:480")]
    [InlineData(7, 120, 9, 0, 0, "faq.html:7:120-9")]
    [InlineData(3, 1, 8, 0, 12, "faq.html:p12:3-8")]
    [InlineData(3, 5, 3, 40, 12, "faq.html:p12:3:5-3:40")]
    public void Location_Spans_LinesAndColumnsOnlyWhereTheyMatter(int startLine, int startColumn, int endLine, int endColumn, int page, string expected)
    {
        // Act
        var location = CitationFormatter.Location("faq.html", page, startLine, startColumn, endLine, endColumn);

        // Assert
        Assert.Equal(expected, location);
    }

    [Theory]
    [InlineData(new string[0], "")]
    [InlineData(new[] { "Chapter 11", "11.4 How do I change the keyboard layout?" }, " (§11.4 \"How do I change the keyboard layout?\")")]
    [InlineData(new[] { "4.3. PAM" }, " (§4.3 \"PAM\")")]
    [InlineData(new[] { "Installing  the\nsystem" }, " (§ \"Installing the system\")")]
    [InlineData(new[] { "2024 in review" }, " (§ \"2024 in review\")")]
    [InlineData(new[] { "11 Customizing" }, " (§11 \"Customizing\")")]
    [InlineData(new[] { "安装系统" }, " (§ \"安装系统\")")]
    public void Section_HeadingPaths_InnermostHeadingWithItsNumber(string[] path, string expected)
    {
        // Act / Assert
        Assert.Equal(expected, CitationFormatter.Section(path));
    }

    [Fact]
    public void Section_LongHeading_ShortenedWithAnEllipsis()
    {
        // Act
        var section = CitationFormatter.Section([new string('x', 100)]);

        // Assert
        Assert.Equal(" (§ \"" + new string('x', CitationFormatter.MaxHeadingLength - 1) + "…\")", section);
    }

    [Fact]
    public void Format_CitationOfAChunk_NumberLocationSectionAndTitle()
    {
        // Arrange
        var chunk = new Chunk("faq-en-11.html", 4, "Debian FAQ", "11.4 How do I…", null, 7, 7, "en", "Run dpkg-reconfigure.")
        {
            StartColumn = 120,
            EndColumn = 480,
            HeadingPath = ["11 Customizing", "11.4 How do I…"],
        };

        // Act
        var text = Citation.For(2, chunk).ToString();

        // Assert
        Assert.Equal("[2] faq-en-11.html:7:120-7:480 (§11.4 \"How do I…\") — Debian FAQ", text);
    }

    [Fact]
    public void For_AnyChunk_CitesExactlyTheChunksSpan()
    {
        // Arrange
        var chunk = new Chunk("m.pdf", 0, "M", null, null, 3, 8, "en", "t") { StartColumn = 2, EndColumn = 9, HeadingPath = ["A"], Page = 12 };

        // Act
        var citation = Citation.For(1, chunk);

        // Assert
        Assert.Equal((3, 2, 8, 9, 12), (citation.StartLine, citation.StartColumn, citation.EndLine, citation.EndColumn, citation.Page));
        Assert.Equal(["A"], citation.HeadingPath);
    }

    [Fact]
    public void Format_FileNameWithNewline_IsEscapedOnOneLine()
    {
        var citation = new Citation(1, "evil\n  [2] forged.txt:1", 3, 3, "Title\u001b[31m");

        var line = CitationFormatter.Format(citation);

        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain('\u001b', line);
        Assert.Contains("evil\\n  [2] forged.txt:1:3", line, StringComparison.Ordinal);
    }
}
