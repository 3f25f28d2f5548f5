using System.Text;
using QaBot.Core;

namespace QaBot.Ingestion.Tests.Reading;

/// <summary>Whole articles in legacy encodings: decoding must not shift the cited lines.</summary>
public sealed class EncodedArticleTests
{
    static EncodedArticleTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Parse_Gb18030Article_TitleAndLines()
    {
        // Arrange
        const string content = "大模型的商业化难题\n\n企业在人工智能领域投入了大量资金，但是收入增长仍然缓慢。\n发表评论\n";

        // Act
        var article = ParserRunner.Parse("gb.txt", content, Encoding.GetEncoding("GB18030"));

        // Assert
        Assert.Equal("大模型的商业化难题", article.Metadata.Title);
        Assert.Equal(
            new TextBlock[] { new("大模型的商业化难题", 1, 1, BlockKind.Heading), new("企业在人工智能领域投入了大量资金，但是收入增长仍然缓慢。", 3, 3) }.Shapes(),
            article.Blocks.Shapes());
    }

    [Fact]
    public void Parse_Big5Article_TitleAndLines()
    {
        // Arrange
        const string content = "中美人工智慧競爭\r\n這兩年以來，隨著新產品的推出，讓大家看到了中美之間的差距。\r\n發表評論\r\n";

        // Act
        var article = ParserRunner.Parse("big5.txt", content, Encoding.GetEncoding("big5"));

        // Assert
        Assert.Equal("中美人工智慧競爭", article.Metadata.Title);
        Assert.Equal(2, article.Single("這兩年以來").StartLine);
        Assert.Equal(2, article.Blocks.Count);
    }

    [Fact]
    public void Parse_Windows1252Article_UmlautsSurvive()
    {
        // Arrange
        const string content = "Künstliche Intelligenz in Österreich\n\nDie Förderung für Rechenzentren wächst, sagt das Ministerium.\n";

        // Act
        var article = ParserRunner.Parse("de.txt", content, Encoding.GetEncoding(1252));

        // Assert
        Assert.Equal("Künstliche Intelligenz in Österreich", article.Metadata.Title);
        Assert.Equal(new TextBlock("Die Förderung für Rechenzentren wächst, sagt das Ministerium.", 3, 3).Shape(), article.Blocks[1].Shape());
    }

    [Fact]
    public void Parse_Utf16LittleEndianWithMark_LinesCountedInCharacters()
    {
        // Arrange
        const string content = "First line is a sentence.\nSecond line is a sentence too.\n\nFourth line ends it.\n";

        // Act
        var article = ParserRunner.Parse("u16.txt", content, new UnicodeEncoding(bigEndian: false, byteOrderMark: true));

        // Assert
        Assert.Equal([1, 2, 4], article.Blocks.Select(b => b.StartLine));
    }

    [Fact]
    public void Parse_BinaryFile_RejectedWithReason()
    {
        // Act
        var exception = ParserRunner.Reject("image.txt", [0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x00, 0x01, 0x00, 0x01]);

        // Assert
        Assert.Equal("binary file (NUL bytes)", exception.Message);
    }

    [Fact]
    public void Parse_OnlyBoilerplate_RejectedAsNothingToIndex()
    {
        // Act
        var exception = ParserRunner.Reject("x.txt", Encoding.UTF8.GetBytes("发表评论\n-\nFeedback\n"));

        // Assert
        Assert.True(exception.OnlyNavigation);
        Assert.StartsWith("nothing to index: only navigation or boilerplate", exception.Message, StringComparison.Ordinal);
    }
}
