using Moq;
using QaBot.Analysis.Translation;

namespace QaBot.Analysis.Tests.Translation;

public sealed class TranslationTableBuilderTests
{
    private static readonly string[] AllLanguages = [Languages.English, Languages.German, Languages.Chinese];

    [Fact]
    public void Build_CandidateAbsentFromVocabulary_IsDropped()
    {
        // The collection talks about 无人机 but never buzzes (嗡嗡).
        var vocabulary = BigramTestAnalyzer.Vocabulary(("中国的无人机全球领先", Languages.Chinese));

        var table = new TranslationTableBuilder(TestDictionaries.Create()).Build(BigramTestAnalyzer.Analyze, vocabulary, AllLanguages);
        var query = table.Translate("Who leads in drones?", Languages.English, Languages.Chinese);

        Assert.Equal(["无人机"], table.Candidates("drone", Languages.English, Languages.Chinese).Select(c => c.Text));
        Assert.Equal(["无人机"], query.Phrases.Single(p => p.Source == "drones").Candidates);
        Assert.DoesNotContain("嗡嗡", query.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SeveralCandidatesInCollection_RanksByCollectionFrequency()
    {
        // 公司 and 企业 are equally good glosses of "company"; the collection uses 企业 more often.
        var vocabulary = BigramTestAnalyzer.Vocabulary(
            ("企业", Languages.Chinese),
            ("企业", Languages.Chinese),
            ("企业 公司", Languages.Chinese));

        var table = new TranslationTableBuilder(TestDictionaries.Create()).Build(BigramTestAnalyzer.Analyze, vocabulary, AllLanguages);
        var candidates = table.Candidates("company", Languages.English, Languages.Chinese);

        Assert.Equal(["企业", "公司"], candidates.Select(c => c.Text));
        Assert.Equal([3, 1], candidates.Select(c => c.CollectionFrequency));
    }

    [Fact]
    public void Build_MaxCandidatesPerPhrase_KeepsOnlyThatMany()
    {
        var vocabulary = BigramTestAnalyzer.Vocabulary(("企业 公司", Languages.Chinese));

        var table = new TranslationTableBuilder(TestDictionaries.Create()) { MaxCandidatesPerPhrase = 1 }
            .Build(BigramTestAnalyzer.Analyze, vocabulary, AllLanguages);

        Assert.Single(table.Candidates("company", Languages.English, Languages.Chinese));
        Assert.Equal(1, table.MaxCandidatesPerPhrase);
    }

    [Fact]
    public void Build_LanguageAbsentFromCollection_IsNotTranslatedInto()
    {
        var vocabulary = BigramTestAnalyzer.Vocabulary(("无人机", Languages.Chinese), ("drohne", Languages.German));

        var table = new TranslationTableBuilder(TestDictionaries.Create())
            .Build(BigramTestAnalyzer.Analyze, vocabulary, [Languages.Chinese]);

        Assert.Equal([Languages.Chinese], table.CollectionLanguages);
        Assert.Equal(0, table.Count(Languages.English, Languages.German));
        Assert.True(table.Count(Languages.English, Languages.Chinese) > 0);
    }

    [Fact]
    public void Build_GlossaryName_IsMergedAndKeptWhenInCollection()
    {
        var vocabulary = BigramTestAnalyzer.Vocabulary(("滨海湾新区的企业", Languages.Chinese), ("商汤科技", Languages.Chinese));

        var table = new TranslationTableBuilder(TestDictionaries.Create()).Build(BigramTestAnalyzer.Analyze, vocabulary, AllLanguages);

        Assert.Equal(["滨海湾"], table.Candidates("binhai bay", Languages.English, Languages.Chinese).Select(c => c.Text));
        Assert.Equal(["商汤", "商汤科技"], table.Candidates("sensetime", Languages.German, Languages.Chinese).Select(c => c.Text));
    }

    [Fact]
    public void Build_TargetSharedByManyKeys_AnalyzesItOnce()
    {
        // "company" and "firm" both translate to 公司; the analyzer runs once per distinct target.
        var analyze = new Mock<Func<string, string, IReadOnlyList<string>>>();
        analyze.Setup(a => a(It.IsAny<string>(), It.IsAny<string>()))
            .Returns((string text, string language) => BigramTestAnalyzer.Analyze(text, language));
        var vocabulary = BigramTestAnalyzer.Vocabulary(("公司", Languages.Chinese));

        var table = new TranslationTableBuilder(TestDictionaries.Create()).Build(analyze.Object, vocabulary, [Languages.Chinese]);

        Assert.NotEmpty(table.Candidates("firm", Languages.English, Languages.Chinese));
        Assert.NotEmpty(table.Candidates("company", Languages.English, Languages.Chinese));
        analyze.Verify(a => a("公司", Languages.Chinese), Times.Once);
    }

    [Fact]
    public void Build_TargetWithoutIndexTerms_IsDropped()
    {
        var table = new TranslationTableBuilder(TestDictionaries.Create())
            .Build((_, _) => [], new Dictionary<string, int>(), AllLanguages);

        Assert.Equal(0, table.Count(Languages.English, Languages.Chinese));
    }

    [Fact]
    public void Build_GermanToChinese_FollowsTheEnglishPivot()
    {
        var vocabulary = BigramTestAnalyzer.Vocabulary(("无人机", Languages.Chinese));

        var table = new TranslationTableBuilder(TestDictionaries.Create()).Build(BigramTestAnalyzer.Analyze, vocabulary, AllLanguages);

        Assert.Equal(["无人机"], table.Candidates("drohne", Languages.German, Languages.Chinese).Select(c => c.Text));
        Assert.Empty(table.Candidates("drohne", Languages.German, Languages.English));
    }

    [Fact]
    public void Build_GermanToChinese_TakesThePivotTargetTheCollectionUses()
    {
        // "file" has five one-sense glosses before 文件 in dictionary order; the collection writes 文件.
        var dictionary = BilingualDictionary.Create(
            CedictParser.Parse(new StringReader("""
                銼 锉 [cuo4] /file/
                卷宗 卷宗 [juan4 zong1] /file/
                案卷 案卷 [an4 juan4] /file/
                縱隊 纵队 [zong4 dui4] /file/
                檔案 档案 [dang4 an4] /file/
                文件 文件 [wen2 jian4] /document/file/
                """)).Entries,
            DingParser.Parse(new StringReader("Datei {f} :: file")).Entries,
            []);
        var vocabulary = BigramTestAnalyzer.Vocabulary(("文件", Languages.Chinese), ("文件", Languages.Chinese), ("档案 文件", Languages.Chinese));

        var table = new TranslationTableBuilder(dictionary).Build(BigramTestAnalyzer.Analyze, vocabulary, AllLanguages);

        Assert.Equal(["文件", "档案"], table.Candidates("datei", Languages.German, Languages.Chinese).Select(c => c.Text));
    }

    [Fact]
    public void Build_TargetPhraseWithStopwords_IsKeptWhenItsContentWordsOccur()
    {
        var vocabulary = BigramTestAnalyzer.Vocabulary(("the state of the art", Languages.English));
        var analyze = StopwordDroppingAnalyzer(vocabulary);

        var table = new TranslationTableBuilder(StateOfTheArtDictionary()).Build(analyze, vocabulary, AllLanguages);

        Assert.Equal(["state of the art"], table.Candidates("stand der technik", Languages.German, Languages.English).Select(c => c.Text));
    }

    [Fact]
    public void Build_TargetPhraseWithAWordMissingFromVocabulary_IsDropped()
    {
        var vocabulary = BigramTestAnalyzer.Vocabulary(("the state of the union", Languages.English));
        var analyze = StopwordDroppingAnalyzer(vocabulary);

        var table = new TranslationTableBuilder(StateOfTheArtDictionary()).Build(analyze, vocabulary, AllLanguages);

        Assert.Empty(table.Candidates("stand der technik", Languages.German, Languages.English));
    }

    private static BilingualDictionary StateOfTheArtDictionary() =>
        BilingualDictionary.Create(
            [],
            DingParser.Parse(new StringReader("Stand {m} der Technik :: state of the art")).Entries,
            []);

    // Drops "of" and "the" as the index analyzer drops stopwords; the vocabulary is built without them too.
    private static Func<string, string, IReadOnlyList<string>> StopwordDroppingAnalyzer(Dictionary<string, int> vocabulary)
    {
        vocabulary.Remove("of");
        vocabulary.Remove("the");
        return (text, language) => [.. BigramTestAnalyzer.Analyze(text, language).Where(term => term is not ("of" or "the"))];
    }
}
