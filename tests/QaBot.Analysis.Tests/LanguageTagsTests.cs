namespace QaBot.Analysis.Tests;

public class LanguageTagsTests
{
    [Fact]
    public void TermsFor_TraditionalChineseText_NamesChineseAndTraditional()
    {
        var terms = LanguageTags.Default.TermsFor(Languages.Chinese, "中美AI競爭背後：美國研發，中國落地");

        Assert.Contains(TextAnalyzer.Default.Analyze("Chinese", Languages.English)[0], terms);
        Assert.Contains(TextAnalyzer.Default.Analyze("traditional", Languages.English)[0], terms);
        Assert.Contains("繁体", terms);
        Assert.DoesNotContain(TextAnalyzer.Default.Analyze("simplified", Languages.English)[0], terms);
    }

    [Fact]
    public void TermsFor_SimplifiedChineseText_NamesSimplified()
    {
        var terms = LanguageTags.Default.TermsFor(Languages.Chinese, "中美AI竞争背后：美国研发，中国落地");

        Assert.Contains(TextAnalyzer.Default.Analyze("simplified", Languages.English)[0], terms);
        Assert.DoesNotContain(TextAnalyzer.Default.Analyze("traditional", Languages.English)[0], terms);
    }

    [Fact]
    public void TermsFor_GermanText_MatchesAnEnglishQuestionAboutTheGermanArticle()
    {
        var tags = LanguageTags.Default.TermsFor(Languages.German, "die vereinigten staaten");
        var question = TextAnalyzer.Default.AnalyzeQuery("What does the German article say?", Languages.English);

        Assert.Contains(question, tags.Contains);
    }
}
