using QaBot.Analysis.Translation;

namespace QaBot.Analysis.Tests.Translation;

public sealed class BilingualDictionaryTests
{
    private readonly BilingualDictionary _dictionary = TestDictionaries.Create();

    [Theory]
    [InlineData("neural network", "神经网络")]
    [InlineData("artificial intelligence", "人工智能")]
    public void Lookup_MultiWordPhrase_ReturnsThePhraseTranslation(string phrase, string expected)
    {
        var candidates = _dictionary.Lookup(phrase, TranslationLanguages.English, TranslationLanguages.Chinese);

        Assert.Equal(expected, candidates[0].Text);
    }

    [Fact]
    public void Lookup_ShortSingleSenseGloss_RanksBeforeLaterSynonym()
    {
        var candidates = _dictionary.Lookup("drone", TranslationLanguages.English, TranslationLanguages.Chinese);

        Assert.Equal(["无人机", "嗡嗡"], candidates.Select(c => c.Text));
        Assert.True(candidates[0].Rank < candidates[1].Rank);
    }

    [Fact]
    public void Lookup_EnglishPlural_FallsBackToTheSingular()
    {
        var candidates = _dictionary.Lookup("drones", TranslationLanguages.English, TranslationLanguages.Chinese);

        Assert.Equal("无人机", candidates[0].Text);
    }

    [Fact]
    public void Lookup_SurfaceFormIsAKey_DoesNotFallBack()
    {
        // "news" must not be reduced to "new" when "news" itself is known.
        var candidates = _dictionary.Lookup("news", TranslationLanguages.English, TranslationLanguages.Chinese);

        Assert.Equal(["新闻"], candidates.Select(c => c.Text));
    }

    [Fact]
    public void Lookup_GermanInflection_FallsBackToTheBaseForm()
    {
        var candidates = _dictionary.Lookup("Unternehmens", TranslationLanguages.German, TranslationLanguages.English);

        Assert.Contains(candidates, c => c.Text == "enterprise");
    }

    [Fact]
    public void Lookup_ZhToEnglish_ReturnsGlosses()
    {
        var candidates = _dictionary.Lookup("无人机", TranslationLanguages.Chinese, TranslationLanguages.English);

        Assert.Equal(["drone", "unmanned aerial vehicle"], candidates.Select(c => c.Text));
    }

    [Fact]
    public void Lookup_GermanToChinese_GoesThroughEnglish()
    {
        var toChinese = _dictionary.Lookup("Drohne", TranslationLanguages.German, TranslationLanguages.Chinese);
        var toGerman = _dictionary.Lookup("人工智能", TranslationLanguages.Chinese, TranslationLanguages.German);

        Assert.Equal("无人机", toChinese[0].Text);
        Assert.Equal("künstliche intelligenz", toGerman[0].Text);
    }

    [Fact]
    public void Lookup_GlossaryName_RanksBeforeDictionaryGlosses()
    {
        var fromEnglish = _dictionary.Lookup("SenseTime", TranslationLanguages.English, TranslationLanguages.Chinese);
        var fromChinese = _dictionary.Lookup("商汤", TranslationLanguages.Chinese, TranslationLanguages.English);
        var fromGerman = _dictionary.Lookup("SenseTime", TranslationLanguages.German, TranslationLanguages.Chinese);

        Assert.Equal(["商汤", "商汤科技"], fromEnglish.Select(c => c.Text));
        Assert.All(fromEnglish, c => Assert.True(c.FromGlossary));
        Assert.Equal("sensetime", fromChinese[0].Text);
        Assert.Contains(fromChinese, c => c.Text == "shang tang" && !c.FromGlossary);
        Assert.Equal("商汤", fromGerman[0].Text);
    }

    [Fact]
    public void Lookup_SameLanguage_ReturnsNothing()
    {
        Assert.Empty(_dictionary.Lookup("drone", TranslationLanguages.English, TranslationLanguages.English));
    }

    [Fact]
    public void Lookup_UnsupportedLanguage_Throws()
    {
        Assert.Throws<ArgumentException>(() => _dictionary.Lookup("drone", "fr", TranslationLanguages.Chinese));
    }

    [Fact]
    public void Lookup_HeadOfADomainQualifiedGloss_FindsItBelowDirectGlosses()
    {
        var dictionary = BilingualDictionary.Create(
            CedictParser.Parse(new StringReader("""
                芯片 芯片 [xin1 pian4] /computer chip; microchip/
                晶片 晶片 [jing1 pian4] /(Tw) (computing) chip/
                """)).Entries,
            [],
            []);

        var candidates = dictionary.Lookup("chip", TranslationLanguages.English, TranslationLanguages.Chinese);

        Assert.Equal(["晶片", "芯片"], candidates.Select(c => c.Text));
        Assert.Equal("芯片", dictionary.Lookup("computer chip", TranslationLanguages.English, TranslationLanguages.Chinese)[0].Text);
    }

    [Fact]
    public void Lookup_HeadOfAnOrdinaryTwoWordGloss_IsNotAKey()
    {
        var dictionary = BilingualDictionary.Create(
            CedictParser.Parse(new StringReader("神經網絡 神经网络 [shen2 jing1 wang3 luo4] /neural network/")).Entries,
            [],
            []);

        Assert.Empty(dictionary.Lookup("network", TranslationLanguages.English, TranslationLanguages.Chinese));
    }
}
