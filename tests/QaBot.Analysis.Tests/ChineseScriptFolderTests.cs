namespace QaBot.Analysis.Tests;

public class ChineseScriptFolderTests
{
    [Fact]
    public void Default_EmbeddedTables_AreLoaded()
    {
        Assert.True(ChineseScriptFolder.Default.CharacterCount > 2900);
    }

    [Theory]
    [InlineData("中美AI競爭", "中美AI竞争")]
    [InlineData("美國研發", "美国研发")]
    [InlineData("already simplified 中国", "already simplified 中国")]
    public void Fold_TraditionalText_BecomesSimplified(string traditional, string expected)
    {
        Assert.Equal(expected, ChineseScriptFolder.Default.Fold(traditional));
    }

    [Fact]
    public void Fold_PhraseInTable_WinsOverCharacters()
    {
        var folder = new ChineseScriptFolder([new("乾", "干")], [new("乾隆", "乾隆")]);

        Assert.Equal("乾隆干", folder.Fold("乾隆乾"));
    }

    [Theory]
    [InlineData("把程式的檔案放到伺服器上", "把程序的文件放到服务器上")]
    [InlineData("安裝軟體到磁碟", "安装软件到磁盘")]
    public void Fold_TaiwanWords_BecomeTheMainlandWords(string taiwan, string expected)
    {
        Assert.Equal(expected, ChineseScriptFolder.Default.Fold(taiwan));
    }
}
