using QaBot.Ingestion.Cleaning;

namespace QaBot.Ingestion.Tests.Cleaning;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("研發(fā)", "研發")]
    [InlineData("美國在為中國服務(wù)?", "美國在為中國服務?")]
    [InlineData("有些人認(rèn)為美國", "有些人認為美國")]
    [InlineData("綠(lǜ)色", "綠色")]
    [InlineData("全角（fú）括號", "全角括號")]
    public void Remove_PinyinAfterIdeograph_Removed(string input, string expected)
    {
        // Act
        var result = PinyinAnnotationRemover.Remove(input);

        // Assert
        Assert.Equal(expected, result);
    }

    [Theory]
    [InlineData("OFweek 2025(第十屆)物聯網")]
    [InlineData("人工智能(AI)的發展")]
    [InlineData("café (fā) ohne Schriftzeichen davor")]
    [InlineData("中文(abc)沒有聲調")]
    public void Remove_OtherParentheses_Kept(string input)
    {
        // Act
        var result = PinyinAnnotationRemover.Remove(input);

        // Assert
        Assert.Equal(input, result);
    }

    [Fact]
    public void Normalize_DecomposedUmlaut_ComposedToNfc()
    {
        // Act
        var result = TextNormalizer.Normalize("Gro\u0308\u00DFe Mu\u0308nze");

        // Assert
        Assert.Equal("Größe Münze", result);
    }

    [Fact]
    public void Normalize_ZeroWidthAndWhitespaceRuns_RemovedAndCollapsed()
    {
        // Act
        var result = TextNormalizer.Normalize("  Zero\u200Bwidth\u200D  and\t\u00A0tabs\u2060 \n here\uFEFF ");

        // Assert
        Assert.Equal("Zerowidth and tabs here", result);
    }

    [Fact]
    public void Normalize_LineBreakBetweenChineseCharacters_JoinedWithoutSpace()
    {
        // Act
        var result = TextNormalizer.Normalize("人工\n  智能 AI\n模型");

        // Assert
        Assert.Equal("人工智能 AI 模型", result);
    }

    [Fact]
    public void Normalize_NumbersWithSeparators_KeptIntact()
    {
        // Act
        var result = TextNormalizer.Normalize("over 220,000 industrial enterprises, 1,91 milliarden, 3.6億");

        // Assert
        Assert.Equal("over 220,000 industrial enterprises, 1,91 milliarden, 3.6億", result);
    }

    [Fact]
    public void Parse_RealTraditional003_NoPinyinLeft()
    {
        // Act
        var article = ParserRunner.ParseCorpus(CorpusFile.Traditional003);

        // Assert
        Assert.All(article.Blocks, b => Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)", b.Text));
        Assert.StartsWith("有些人認為美國的AI領先我們很多年", article.Blocks[2].Text, StringComparison.Ordinal);
        Assert.Contains("研發", article.Metadata.Title, StringComparison.Ordinal);
    }
}
