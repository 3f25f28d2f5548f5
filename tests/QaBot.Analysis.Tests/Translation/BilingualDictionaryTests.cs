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
        var candidates = _dictionary.Lookup(phrase, Languages.English, Languages.Chinese);

        Assert.Equal(expected, candidates[0].Text);
    }

    [Fact]
    public void Lookup_ShortSingleSenseGloss_RanksBeforeLaterSynonym()
    {
        var candidates = _dictionary.Lookup("drone", Languages.English, Languages.Chinese);

        Assert.Equal(["无人机", "嗡嗡"], candidates.Select(c => c.Text));
        Assert.True(candidates[0].Rank < candidates[1].Rank);
    }

    [Fact]
    public void Lookup_EnglishPlural_FallsBackToTheSingular()
    {
        var candidates = _dictionary.Lookup("drones", Languages.English, Languages.Chinese);

        Assert.Equal("无人机", candidates[0].Text);
    }

    [Fact]
    public void Lookup_SurfaceFormIsAKey_DoesNotFallBack()
    {
        // "news" must not be reduced to "new" when "news" itself is known.
        var candidates = _dictionary.Lookup("news", Languages.English, Languages.Chinese);

        Assert.Equal(["新闻"], candidates.Select(c => c.Text));
    }

    [Fact]
    public void Lookup_GermanInflection_FallsBackToTheBaseForm()
    {
        var candidates = _dictionary.Lookup("Unternehmens", Languages.German, Languages.English);

        Assert.Contains(candidates, c => c.Text == "enterprise");
    }

    [Fact]
    public void Lookup_ZhToEnglish_ReturnsGlosses()
    {
        var candidates = _dictionary.Lookup("无人机", Languages.Chinese, Languages.English);

        Assert.Equal(["drone", "unmanned aerial vehicle"], candidates.Select(c => c.Text));
    }

    [Fact]
    public void Lookup_GermanToChinese_GoesThroughEnglish()
    {
        var toChinese = _dictionary.Lookup("Drohne", Languages.German, Languages.Chinese);
        var toGerman = _dictionary.Lookup("人工智能", Languages.Chinese, Languages.German);

        Assert.Equal("无人机", toChinese[0].Text);
        Assert.Equal("künstliche intelligenz", toGerman[0].Text);
    }

    [Fact]
    public void Lookup_GlossaryName_RanksBeforeDictionaryGlosses()
    {
        var fromEnglish = _dictionary.Lookup("SenseTime", Languages.English, Languages.Chinese);
        var fromChinese = _dictionary.Lookup("商汤", Languages.Chinese, Languages.English);
        var fromGerman = _dictionary.Lookup("SenseTime", Languages.German, Languages.Chinese);

        Assert.Equal(["商汤", "商汤科技"], fromEnglish.Select(c => c.Text));
        Assert.All(fromEnglish, c => Assert.True(c.FromGlossary));
        Assert.Equal("sensetime", fromChinese[0].Text);
        Assert.Contains(fromChinese, c => c.Text == "shang tang" && !c.FromGlossary);
        Assert.Equal("商汤", fromGerman[0].Text);
    }

    [Fact]
    public void Lookup_EnglishWrittenWithAndWithoutHyphens_OneKeyForBothDictionaries()
    {
        // CC-CEDICT glosses 过时 as "out of date", Ding writes "out-of-date": the German–Chinese pivot must meet.
        var dictionary = BilingualDictionary.Create(
            CedictParser.Parse(new StringReader("過時 过时 [guo4 shi2] /out of date/old-fashioned/\n")).Entries,
            DingParser.Parse(new StringReader("veraltet :: out-of-date\n")).Entries,
            []);

        Assert.Contains("veraltet", dictionary.Lookup("过时", Languages.Chinese, Languages.German).Select(c => c.Text));
        Assert.Contains("过时", dictionary.Lookup("veraltet", Languages.German, Languages.Chinese).Select(c => c.Text));
        Assert.Contains("veraltet", dictionary.Lookup("out-of-date", Languages.English, Languages.German).Select(c => c.Text));
    }

    [Fact]
    public void Lookup_SameLanguage_ReturnsNothing()
    {
        Assert.Empty(_dictionary.Lookup("drone", Languages.English, Languages.English));
    }

    [Fact]
    public void Lookup_UnsupportedLanguage_Throws()
    {
        Assert.Throws<ArgumentException>(() => _dictionary.Lookup("drone", "fr", Languages.Chinese));
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

        var candidates = dictionary.Lookup("chip", Languages.English, Languages.Chinese);

        Assert.Equal(["晶片", "芯片"], candidates.Select(c => c.Text));
        Assert.Equal("芯片", dictionary.Lookup("computer chip", Languages.English, Languages.Chinese)[0].Text);
    }

    [Fact]
    public void Lookup_HeadOfAnOrdinaryTwoWordGloss_IsNotAKey()
    {
        var dictionary = BilingualDictionary.Create(
            CedictParser.Parse(new StringReader("神經網絡 神经网络 [shen2 jing1 wang3 luo4] /neural network/")).Entries,
            [],
            []);

        Assert.Empty(dictionary.Lookup("network", Languages.English, Languages.Chinese));
    }

    [Fact]
    public void Lookup_DingGlossWithObjectPlaceholder_IsKeyedAndTranslatedWithoutIt()
    {
        var dictionary = BilingualDictionary.Create(
            [],
            DingParser.Parse(new StringReader("entfernen {vt} | entfernend :: to remove sth. | removing sth.\ninstallieren {vt} :: to install sb/sth")).Entries,
            []);

        Assert.Contains(dictionary.Lookup("remove", Languages.English, Languages.German), c => c.Text == "entfernen");
        Assert.Contains(dictionary.Lookup("install", Languages.English, Languages.German), c => c.Text == "installieren");
        Assert.Equal(["remove"], dictionary.Lookup("entfernen", Languages.German, Languages.English).Select(c => c.Text));
    }

    [Theory]
    [InlineData("prüfe", "check")]
    [InlineData("aktiviert", "activate")]
    public void Lookup_GermanVerbFormOfAQuestion_FallsBackToTheInfinitive(string word, string expected)
    {
        var dictionary = BilingualDictionary.Create(
            [],
            DingParser.Parse(new StringReader("prüfen {vt} :: to check\naktivieren {vt} :: to activate")).Entries,
            []);

        Assert.Equal([expected], dictionary.Lookup(word, Languages.German, Languages.English).Select(c => c.Text));
    }
}
