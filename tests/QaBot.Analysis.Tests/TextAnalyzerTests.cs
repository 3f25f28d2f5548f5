namespace QaBot.Analysis.Tests;

public class TextAnalyzerTests
{
    private readonly TextAnalyzer _analyzer = TextAnalyzer.Default;

    [Fact]
    public void Analyze_TraditionalAndSimplifiedDrone_ProduceSameTerms()
    {
        var traditional = _analyzer.Analyze("無人機", Languages.Chinese);
        var simplified = _analyzer.Analyze("无人机", Languages.Chinese);

        Assert.Equal(["无人", "人机", "无人机"], simplified);
        Assert.Equal(simplified, traditional);
    }

    [Theory]
    [InlineData("over 220,000 industrial enterprises", Languages.English)]
    [InlineData("220000 enterprises", Languages.English)]
    [InlineData("über 220.000 unternehmen", Languages.German)]
    public void Analyze_NumberWithOrWithoutGroupSeparator_KeepsItWhole(string text, string language)
    {
        var terms = _analyzer.Analyze(text, language);

        Assert.Contains("220000", terms);
    }

    [Fact]
    public void Analyze_DecimalNumber_KeepsDecimalPoint()
    {
        Assert.Contains("1.2", _analyzer.Analyze("funds totaling 1.2 billion yuan", Languages.English));
        Assert.Contains("1.2", _analyzer.Analyze("1,2 milliarden yuan", Languages.German));
    }

    [Fact]
    public void Analyze_EnglishPluralAndStopwords_StemsAndDrops()
    {
        var terms = _analyzer.Analyze("How many industrial enterprises are there in the area?", Languages.English);

        Assert.Equal(["industrial", "enterprise", "area"], terms);
    }

    [Fact]
    public void Analyze_GermanInflections_MeetAtOneStem()
    {
        var singular = _analyzer.Analyze("Die Bank", Languages.German);
        var plural = _analyzer.Analyze("den Banken", Languages.German);

        Assert.Equal(["bank"], singular);
        Assert.Equal(singular, plural);
    }

    [Fact]
    public void Analyze_GermanUmlautAndSharpS_FoldToPlainLetters()
    {
        var terms = _analyzer.Analyze("Größe für Übersicht", Languages.German);

        Assert.DoesNotContain(terms, t => t.Contains('ö', StringComparison.Ordinal) || t.Contains('ß', StringComparison.Ordinal));
        Assert.Equal(["gross", "ubersicht"], terms);
    }

    [Fact]
    public void Analyze_ReferenceMarks_NotIndexedAsNumbers()
    {
        var terms = _analyzer.Analyze("Debian 14 follows the rule.[16] See [3] too", Languages.English);

        Assert.Equal(["debian", "14", "follow", "rule", "see"], terms);
    }

    [Fact]
    public void FoldKeepingCase_CapitalsFullWidthSharpSAndTraditional_FoldsWidthAndScriptOnly()
    {
        Assert.Equal("GRUB 网络 Größe", _analyzer.FoldKeepingCase("ＧＲＵＢ 網絡 Größe"));
    }

    [Fact]
    public void Analyze_CaseAndFullWidth_FoldTogether()
    {
        Assert.Equal(_analyzer.Analyze("NVIDIA", Languages.English), _analyzer.Analyze("ｎｖｉｄｉａ", Languages.English));
    }

    [Fact]
    public void Analyze_ChineseWithLatinWord_SplitsScriptsAndDropsFunctionBigrams()
    {
        var terms = _analyzer.Analyze("商汤的AI大装置", Languages.Chinese);

        Assert.Equal(["商汤", "汤的", "ai", "大装", "装置", "大"], terms.Where(t => t.Length <= 2));
    }

    [Fact]
    public void Analyze_ChineseWordOfThreeCharacters_IsIndexedBesideItsBigrams()
    {
        var terms = _analyzer.Analyze("人工智能公司的年收入", Languages.Chinese);

        Assert.Contains("人工智能", terms);
        Assert.Contains("年收入", terms);
        Assert.Contains("收入", terms);
        Assert.Contains("的年", terms);
    }

    [Fact]
    public void Analyze_OneCharacterChineseWordInsideARun_IsIndexedUnlessItIsAFunctionCharacter()
    {
        var terms = _analyzer.Analyze("不同的库名称", Languages.Chinese);

        Assert.Contains("库", terms);
        Assert.DoesNotContain("的", terms);
        Assert.Contains("名称", terms);
    }

    [Theory]
    [InlineData("Logdatei", "datei")]
    [InlineData("Protokolldateien", "protokoll")]
    [InlineData("Protokolldateien", "datei")]
    [InlineData("Blockgerät", "block")]
    [InlineData("Blockgerät", "gerat")]
    [InlineData("Papiergröße", "papi")]
    [InlineData("Papiergröße", "gross")]
    public void Analyze_GermanCompound_AddsItsStemmedPartsBesideTheCompound(string compound, string part)
    {
        var terms = _analyzer.Analyze(compound, Languages.German);

        Assert.Equal(GermanLightStemmer.Stem(GermanDecompounder.FoldWord(compound)), terms[0]);
        Assert.Contains(part, terms);
    }

    [Fact]
    public void AnalyzeQuery_ChineseQuestion_YieldsWordsNotBoundaryBigrams()
    {
        var terms = _analyzer.AnalyzeQuery("OpenAI的年收入是多少？", Languages.Chinese);

        Assert.Equal(["openai", "年收入"], terms);
    }

    [Theory]
    [InlineData("什么是动内率增？", "报告说动内率增明显。")]
    [InlineData("帕洛阿尔托在哪里？", "公司总部设在帕洛阿尔托市。")]
    public void AnalyzeQuery_RunOfCharactersNoDictionaryKnows_IsSearchedAsBigramsOfThePassage(string question, string passage)
    {
        var index = _analyzer.Analyze(passage, Languages.Chinese).ToHashSet(StringComparer.Ordinal);

        var terms = _analyzer.AnalyzeQuery(question, Languages.Chinese);

        Assert.NotEmpty(terms);
        Assert.All(terms, term => Assert.Contains(term, index));
    }

    [Fact]
    public void AnalyzeQuery_ChineseQuestionWords_AreAllIndexTermsOfTheSameText()
    {
        const string text = "人工智能公司的年收入是多少";

        var query = _analyzer.AnalyzeQuery(text, Languages.Chinese);
        var index = _analyzer.Analyze(text, Languages.Chinese);

        Assert.NotEmpty(query);
        Assert.All(query, term => Assert.Contains(term, index));
    }

    [Fact]
    public void Analyze_OnlyFunctionCharacters_ProducesNothing()
    {
        Assert.Empty(_analyzer.Analyze("是什么", Languages.Chinese));
    }

    [Fact]
    public void AnalyzeQuery_QuestionFramingWords_AreRemovedOnlyFromQueries()
    {
        const string text = "According to the article, what did Tesla say?";

        var query = _analyzer.AnalyzeQuery(text, Languages.English);
        var index = _analyzer.Analyze(text, Languages.English);

        Assert.Equal(["tesla"], query);
        Assert.Contains("article", index);
    }

    [Fact]
    public void AnalyzeQuery_RepeatedTerms_AreDistinct()
    {
        Assert.Equal(["ai", "chip"], _analyzer.AnalyzeQuery("AI chip AI chips", Languages.English));
    }

    [Theory]
    [InlineData("How many industrial enterprises are there?", Languages.English)]
    [InlineData("Wie hoch waren laut dem Artikel die geschätzten Trainingskosten für GPT-4?", Languages.German)]
    [InlineData("商汤的AI大装置包含哪三层？", Languages.Chinese)]
    [InlineData("中美AI競爭背後：美國研發，中國落地", Languages.Chinese)]
    public void DetectLanguage_ShortTexts_NamesTheirLanguage(string text, string expected)
    {
        Assert.Equal(expected, TextAnalyzer.DetectLanguage(text));
    }

    [Fact]
    public void AnalyzeWord_GermanCompound_ReturnsTheCompoundsStemWithoutItsParts()
    {
        Assert.Equal(_analyzer.Analyze("Protokolldateien", Languages.German)[0], _analyzer.AnalyzeWord("Protokolldateien", Languages.German));
        Assert.True(_analyzer.Analyze("Protokolldateien", Languages.German).Count > 1);
    }

    [Theory]
    [InlineData("the", Languages.English)]
    [InlineData("e-mail address", Languages.English)]
    public void AnalyzeWord_StopwordOrSeveralWords_ReturnsNull(string word, string language)
    {
        Assert.Null(_analyzer.AnalyzeWord(word, language));
    }
}
