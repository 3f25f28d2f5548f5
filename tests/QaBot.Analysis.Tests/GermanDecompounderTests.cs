namespace QaBot.Analysis.Tests;

public sealed class GermanDecompounderTests
{
    private readonly GermanDecompounder _decompounder = new(["log", "datei", "dateien", "protokoll", "arbeit", "speicher", "block", "gerat"]);

    [Theory]
    [InlineData("logdatei", "log|datei")]
    [InlineData("protokolldateien", "protokoll|dateien")]
    [InlineData("arbeitsspeicher", "arbeit|speicher")]
    [InlineData("blockgerate", "block|gerate")]
    [InlineData("protokollblockgerat", "protokoll|block|gerat")]
    public void Split_CompoundOfLexiconWords_ReturnsItsParts(string word, string expected)
    {
        Assert.Equal(expected.Split('|'), _decompounder.Split(word));
    }

    [Theory]
    [InlineData("datei")]
    [InlineData("logbuchdatei")]
    [InlineData("verbindung")]
    public void Split_WordThatIsNoCompoundOfLexiconWords_ReturnsNothing(string word)
    {
        Assert.Empty(_decompounder.Split(word));
    }

    [Fact]
    public void ReadDingWords_DingLines_YieldsFoldedSingleWordFormsWithoutAnnotations()
    {
        using var reader = new StringReader("# comment\nGerät {n} [comp.] | Geräte {pl} :: device | devices\nin der Größe :: in size\nGröße {f} (Maß) :: size\n");

        var words = GermanDecompounder.ReadDingWords(reader, StopwordLists.Default).ToList();

        Assert.Equal(["gerat", "gerate", "grosse"], words);
    }
}
