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
    public void Parse_WrongColumnCount_ThrowsNamingFileAndLine()
    {
        var error = Assert.Throws<InvalidDataException>(() => GlossaryParser.Parse(new StringReader("# header\nTesla\t\t特斯拉\nonly one column\n"), "names.tsv"));

        Assert.Contains("'names.tsv', line 3", error.Message);
        Assert.Contains("three TAB-separated columns", error.Message);
    }

    [Fact]
    public void Parse_OneFilledColumn_ThrowsNamingFileAndLine()
    {
        var error = Assert.Throws<InvalidDataException>(() => GlossaryParser.Parse(new StringReader("Nvidia\t\t\n"), "names.tsv"));

        Assert.Contains("'names.tsv', line 1", error.Message);
    }

    [Fact]
    public void Parse_EmptyGermanColumn_KeepsTheOtherTwo()
    {
        var entry = Assert.Single(GlossaryParser.Parse(new StringReader("Tesla\t\t特斯拉\n")).Entries);

        Assert.Empty(entry.German);
        Assert.Equal(["特斯拉"], entry.Chinese);
    }
}
