namespace QaBot.Analysis.Tests;

public sealed class StopwordListsTests
{
    [Theory]
    [InlineData("please", Languages.English)]
    [InlineData("according", Languages.English)]
    [InlineData("laut", Languages.German)]
    [InlineData("weshalb", Languages.German)]
    [InlineData("为什么", Languages.Chinese)]
    [InlineData("根据", Languages.Chinese)]
    public void IsUntranslated_QuestionFunctionWord_IsTrue(string word, string language)
    {
        Assert.True(StopwordLists.Default.IsUntranslated(word, language));
    }

    [Theory]
    [InlineData("enterprise", Languages.English)]
    [InlineData("please", Languages.German)]
    [InlineData("企业", Languages.Chinese)]
    [InlineData("the", "fr")]
    public void IsUntranslated_ContentWordOrOtherLanguage_IsFalse(string word, string language)
    {
        Assert.False(StopwordLists.Default.IsUntranslated(word, language));
    }

    [Fact]
    public void MaxChineseUntranslatedLength_EmbeddedLists_IsTheLongestChineseWord()
    {
        Assert.Equal(3, StopwordLists.Default.MaxChineseUntranslatedLength);
    }

    [Fact]
    public void Constructor_NoChineseUntranslatedWords_MaxLengthIsZero()
    {
        var lists = new StopwordLists(new Dictionary<string, IEnumerable<string>>(), new Dictionary<string, IEnumerable<string>>(), [], new Dictionary<string, IEnumerable<string>>());

        Assert.Equal(0, lists.MaxChineseUntranslatedLength);
        Assert.False(lists.IsUntranslated("the", Languages.English));
    }
}
