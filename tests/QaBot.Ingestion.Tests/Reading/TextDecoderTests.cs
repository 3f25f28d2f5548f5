using System.Text;
using QaBot.Ingestion.Reading;

namespace QaBot.Ingestion.Tests.Reading;

public sealed class TextDecoderTests
{
    private const string Simplified = "人工智能技术正在改变我们的生活。中国和美国的企业都在加大投入，希望在这个领域取得领先地位。";
    private const string Traditional = "人工智慧技術正在改變我們的生活。中國和美國的企業都在加大投入，希望在這個領域取得領先地位。";
    private const string German = "Die Größe der Modelle wächst, aber die Rendite bleibt aus. Das Büro in München prüft weiter.";

    static TextDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static IEnumerable<object[]> ByteOrderMarks =>
    [
        ["utf-8"], ["utf-16"], ["utf-16BE"], ["utf-32"], ["utf-32BE"],
    ];

    [Theory]
    [MemberData(nameof(ByteOrderMarks))]
    public void Decode_TextWithByteOrderMark_DecodesWithoutTheMark(string encodingName)
    {
        // Arrange
        var encoding = Encoding.GetEncoding(encodingName);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(German + "\n" + Simplified)).ToArray();

        // Act
        var text = TextDecoder.Decode(bytes);

        // Assert
        Assert.Equal(German + "\n" + Simplified, text);
    }

    [Fact]
    public void Decode_Utf16LittleEndianWithoutMark_DecodesByZeroBytePattern()
    {
        // Arrange
        var bytes = Encoding.Unicode.GetBytes(German);

        // Act
        var text = TextDecoder.Decode(bytes);

        // Assert
        Assert.Equal(German, text);
    }

    [Fact]
    public void Decode_Utf16BigEndianWithoutMark_DecodesByZeroBytePattern()
    {
        // Arrange
        var bytes = Encoding.BigEndianUnicode.GetBytes(German);

        // Act
        var text = TextDecoder.Decode(bytes);

        // Assert
        Assert.Equal(German, text);
    }

    [Fact]
    public void Decode_Utf8WithOneCorruptByte_StaysUtf8()
    {
        // Arrange: a truncated three-byte sequence in the middle of Chinese text.
        var good = Encoding.UTF8.GetBytes(Simplified + Simplified);
        var bytes = good.Take(30).Concat(new byte[] { 0xE4, 0xB8 }).Concat(good.Skip(30)).ToArray();

        // Act
        var text = TextDecoder.Decode(bytes);

        // Assert
        Assert.Equal(Simplified + Simplified, text.Replace("\uFFFD", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void Decode_Utf8WithoutMark_DecodesStrictly()
    {
        // Arrange
        var bytes = Encoding.UTF8.GetBytes(Traditional + German);

        // Act
        var text = TextDecoder.Decode(bytes);

        // Assert
        Assert.Equal(Traditional + German, text);
    }

    [Fact]
    public void Decode_Gb18030Bytes_DecodesAsGb18030()
    {
        // Arrange
        var bytes = Encoding.GetEncoding("GB18030").GetBytes(Simplified);

        // Act
        var text = TextDecoder.Decode(bytes);

        // Assert
        Assert.Equal(Simplified, text);
    }

    [Fact]
    public void Decode_Big5Bytes_DecodesAsBig5()
    {
        // Arrange
        var bytes = Encoding.GetEncoding("big5").GetBytes(Traditional);

        // Act
        var text = TextDecoder.Decode(bytes);

        // Assert
        Assert.Equal(Traditional, text);
    }

    [Fact]
    public void Decode_Windows1252Bytes_DecodesUmlautsAndQuotes()
    {
        // Arrange
        var original = "„Künstliche Intelligenz“ – " + German;
        var bytes = Encoding.GetEncoding(1252).GetBytes(original);

        // Act
        var text = TextDecoder.Decode(bytes);

        // Assert
        Assert.Equal(original, text);
    }

    [Fact]
    public void Decode_ShortWindows1252LineWithAdjacentUmlauts_Decodes()
    {
        // Arrange: "Gr\xf6\xdfe": two adjacent high bytes in a short line (issue #12's reproduction).
        byte[] bytes = [.. Encoding.ASCII.GetBytes("Die Gr"), 0xF6, 0xDF, .. Encoding.ASCII.GetBytes("e des Marktes.\n")];

        // Act
        var text = TextDecoder.Decode(bytes);

        // Assert
        Assert.Equal("Die Größe des Marktes.\n", text);
    }

    [Fact]
    public void Decode_Windows1252WithAdjacentAccentedLetters_StillDecodesAsWindows1252()
    {
        // Arrange: "Füße" puts two high bytes side by side, as a double-byte encoding would.
        var original = "Wir gehen zu Füße des Berges, dann weiter durch das lange Tal bis zum Fluss und zurück zum Dorf.";
        var bytes = Encoding.GetEncoding(1252).GetBytes(original);

        // Act
        var text = TextDecoder.Decode(bytes);

        // Assert
        Assert.Equal(original, text);
    }

    [Fact]
    public void Decode_NulBytes_RejectedAsBinary()
    {
        // Arrange
        byte[] bytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x01];

        // Act
        var exception = Assert.Throws<ArticleRejectedException>(() => TextDecoder.Decode(bytes));

        // Assert
        Assert.Equal("binary file (NUL bytes)", exception.Message);
    }

    [Fact]
    public void Decode_ManyControlCharacters_RejectedAsBinary()
    {
        // Arrange
        var bytes = Enumerable.Range(0, 200).Select(i => (byte)(i % 3 == 0 ? 0x01 : 0x41 + (i % 26))).ToArray();

        // Act
        var exception = Assert.Throws<ArticleRejectedException>(() => TextDecoder.Decode(bytes));

        // Assert
        Assert.Equal("binary file (control characters)", exception.Message);
    }

    [Fact]
    public void Decode_HighBytesPlausibleInNoEncoding_RejectedAsNotText()
    {
        // Arrange: a fixed scramble of high bytes, neither Latin text nor frequent Chinese characters.
        var bytes = Enumerable.Range(0, 256).Select(i => (byte)(0x80 + ((i * 37) % 128))).ToArray();

        // Act
        var exception = Assert.Throws<ArticleRejectedException>(() => TextDecoder.Decode(bytes));

        // Assert
        Assert.Equal(TextDecoder.NotTextReason, exception.Message);
    }

    [Fact]
    public void Decode_InvalidUtf8AfterUtf8Mark_Rejected()
    {
        // Arrange
        byte[] bytes = [0xEF, 0xBB, 0xBF, 0x41, 0xC3, 0x28, 0x42];

        // Act
        var exception = Assert.Throws<ArticleRejectedException>(() => TextDecoder.Decode(bytes));

        // Assert
        Assert.Contains("utf-8", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_NoBytes_RejectedAsEmpty()
    {
        // Act
        var exception = Assert.Throws<ArticleRejectedException>(() => TextDecoder.Decode([]));

        // Assert
        Assert.Equal("empty file", exception.Message);
    }

    [Fact]
    public void Decode_WhitespaceOnly_RejectedAsEmpty()
    {
        // Arrange
        var bytes = Encoding.UTF8.GetBytes(" \r\n\t\u3000\n");

        // Act
        var exception = Assert.Throws<ArticleRejectedException>(() => TextDecoder.Decode(bytes));

        // Assert
        Assert.Equal("empty or whitespace-only file", exception.Message);
    }

    [Theory]
    [InlineData(Simplified, "GB18030")]
    [InlineData(Traditional, "big5")]
    public void FrequentShare_RightEncodingScoresHigherThanWrongOne(string text, string encodingName)
    {
        // Arrange
        var bytes = Encoding.GetEncoding(encodingName).GetBytes(text);

        // Act
        var gb = ChineseByteStatistics.FrequentShareGb18030(bytes);
        var big5 = ChineseByteStatistics.FrequentShareBig5(bytes);

        // Assert
        Assert.Equal(encodingName == "GB18030", gb > big5);
    }
}
