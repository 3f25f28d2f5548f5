using QaBot.Analysis.Translation;

namespace QaBot.Analysis.Tests.Translation;

public sealed class GlossaryParserTests
{
    [Fact]
    public void Parse_ColumnsAndAlternatives_ReadsEachLanguage()
    {
        var result = GlossaryParser.Parse(new StringReader("# en\tde\tzh\nSenseTime\tSenseTime\t商汤; 商汤科技\ndrone\tDrohne\t无人机\n"));

        Assert.Equal(0, result.SkippedLineCount);
        Assert.Equal(2, result.Entries.Count);
        Assert.Equal(["商汤", "商汤科技"], result.Entries[0].Chinese);
        Assert.Equal(["Drohne"], result.Entries[1].FormsIn(Languages.German));
    }

    [Fact]
    public void Parse_WrongColumnCountOrOneFilledColumn_SkipsAndCountsThem()
    {
        var result = GlossaryParser.Parse(new StringReader("only one column\nNvidia\t\t\nTesla\t\t特斯拉\n"));

        Assert.Equal(2, result.SkippedLineCount);
        var entry = Assert.Single(result.Entries);
        Assert.Empty(entry.German);
        Assert.Equal(["特斯拉"], entry.Chinese);
    }
}
