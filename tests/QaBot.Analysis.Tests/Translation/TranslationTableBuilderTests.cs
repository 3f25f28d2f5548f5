using Moq;
using QaBot.Analysis.Translation;

namespace QaBot.Analysis.Tests.Translation;

public sealed class TranslationTableBuilderTests
{
    private static readonly string[] AllLanguages = [TranslationLanguages.English, TranslationLanguages.German, TranslationLanguages.Chinese];

    [Fact]
    public void Build_CandidateAbsentFromVocabulary_IsDropped()
    {
        // The collection talks about 无人机 but never buzzes (嗡嗡).
        var vocabulary = BigramTestAnalyzer.Vocabulary(("中国的无人机全球领先", TranslationLanguages.Chinese));

        var table = new TranslationTableBuilder(TestDictionaries.Create()).Build(BigramTestAnalyzer.Analyze, vocabulary, AllLanguages);
        var query = table.Translate("Who leads in drones?", TranslationLanguages.English, TranslationLanguages.Chinese);

        Assert.Equal(["无人机"], table.Candidates("drone", TranslationLanguages.English, TranslationLanguages.Chinese).Select(c => c.Text));
        Assert.Equal("无人机", query.Text);
        Assert.DoesNotContain("嗡嗡", query.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SeveralCandidatesInCollection_RanksByCollectionFrequency()
    {
        // 公司 and 企业 are equally good glosses of "company"; the collection uses 企业 more often.
        var vocabulary = BigramTestAnalyzer.Vocabulary(
            ("企业", TranslationLanguages.Chinese),
            ("企业", TranslationLanguages.Chinese),
            ("企业 公司", TranslationLanguages.Chinese));

        var table = new TranslationTableBuilder(TestDictionaries.Create()).Build(BigramTestAnalyzer.Analyze, vocabulary, AllLanguages);
        var candidates = table.Candidates("company", TranslationLanguages.English, TranslationLanguages.Chinese);

        Assert.Equal(["企业", "公司"], candidates.Select(c => c.Text));
        Assert.Equal([3, 1], candidates.Select(c => c.CollectionFrequency));
    }

    [Fact]
    public void Build_MaxCandidatesPerPhrase_KeepsOnlyThatMany()
    {
        var vocabulary = BigramTestAnalyzer.Vocabulary(("企业 公司", TranslationLanguages.Chinese));

        var table = new TranslationTableBuilder(TestDictionaries.Create()) { MaxCandidatesPerPhrase = 1 }
            .Build(BigramTestAnalyzer.Analyze, vocabulary, AllLanguages);

        Assert.Single(table.Candidates("company", TranslationLanguages.English, TranslationLanguages.Chinese));
        Assert.Equal(1, table.MaxCandidatesPerPhrase);
    }

    [Fact]
    public void Build_LanguageAbsentFromCollection_IsNotTranslatedInto()
    {
        var vocabulary = BigramTestAnalyzer.Vocabulary(("无人机", TranslationLanguages.Chinese), ("drohne", TranslationLanguages.German));

        var table = new TranslationTableBuilder(TestDictionaries.Create())
            .Build(BigramTestAnalyzer.Analyze, vocabulary, [TranslationLanguages.Chinese]);

        Assert.Equal([TranslationLanguages.Chinese], table.CollectionLanguages);
        Assert.Equal(0, table.Count(TranslationLanguages.English, TranslationLanguages.German));
        Assert.True(table.Count(TranslationLanguages.English, TranslationLanguages.Chinese) > 0);
    }

    [Fact]
    public void Build_GlossaryName_IsMergedAndKeptWhenInCollection()
    {
        var vocabulary = BigramTestAnalyzer.Vocabulary(("滨海湾新区的企业", TranslationLanguages.Chinese), ("商汤科技", TranslationLanguages.Chinese));

        var table = new TranslationTableBuilder(TestDictionaries.Create()).Build(BigramTestAnalyzer.Analyze, vocabulary, AllLanguages);

        Assert.Equal(["滨海湾"], table.Candidates("binhai bay", TranslationLanguages.English, TranslationLanguages.Chinese).Select(c => c.Text));
        Assert.Equal(["商汤", "商汤科技"], table.Candidates("sensetime", TranslationLanguages.German, TranslationLanguages.Chinese).Select(c => c.Text));
    }

    [Fact]
    public void Build_TargetSharedByManyKeys_AnalyzesItOnce()
    {
        // "company" and "firm" both translate to 公司; the analyzer runs once per distinct target.
        var analyze = new Mock<Func<string, string, IReadOnlyList<string>>>();
        analyze.Setup(a => a(It.IsAny<string>(), It.IsAny<string>()))
            .Returns((string text, string language) => BigramTestAnalyzer.Analyze(text, language));
        var vocabulary = BigramTestAnalyzer.Vocabulary(("公司", TranslationLanguages.Chinese));

        var table = new TranslationTableBuilder(TestDictionaries.Create()).Build(analyze.Object, vocabulary, [TranslationLanguages.Chinese]);

        Assert.NotEmpty(table.Candidates("firm", TranslationLanguages.English, TranslationLanguages.Chinese));
        Assert.NotEmpty(table.Candidates("company", TranslationLanguages.English, TranslationLanguages.Chinese));
        analyze.Verify(a => a("公司", TranslationLanguages.Chinese), Times.Once);
    }

    [Fact]
    public void Build_TargetWithoutIndexTerms_IsDropped()
    {
        var table = new TranslationTableBuilder(TestDictionaries.Create())
            .Build((_, _) => [], new Dictionary<string, int>(), AllLanguages);

        Assert.Equal(0, table.Count(TranslationLanguages.English, TranslationLanguages.Chinese));
    }

    [Fact]
    public void Build_GermanToChinese_FollowsTheEnglishPivot()
    {
        var vocabulary = BigramTestAnalyzer.Vocabulary(("无人机", TranslationLanguages.Chinese));

        var table = new TranslationTableBuilder(TestDictionaries.Create()).Build(BigramTestAnalyzer.Analyze, vocabulary, AllLanguages);

        Assert.Equal(["无人机"], table.Candidates("drohne", TranslationLanguages.German, TranslationLanguages.Chinese).Select(c => c.Text));
        Assert.Empty(table.Candidates("drohne", TranslationLanguages.German, TranslationLanguages.English));
    }

    [Fact]
    public void Build_TargetPhraseWithStopwords_IsKeptWhenItsContentWordsOccur()
    {
        var vocabulary = BigramTestAnalyzer.Vocabulary(("the state of the art", TranslationLanguages.English));
        var analyze = StopwordDroppingAnalyzer(vocabulary);

        var table = new TranslationTableBuilder(StateOfTheArtDictionary()).Build(analyze, vocabulary, AllLanguages);

        Assert.Equal(["state of the art"], table.Candidates("stand der technik", TranslationLanguages.German, TranslationLanguages.English).Select(c => c.Text));
    }

    [Fact]
    public void Build_TargetPhraseWithAWordMissingFromVocabulary_IsDropped()
    {
        var vocabulary = BigramTestAnalyzer.Vocabulary(("the state of the union", TranslationLanguages.English));
        var analyze = StopwordDroppingAnalyzer(vocabulary);

        var table = new TranslationTableBuilder(StateOfTheArtDictionary()).Build(analyze, vocabulary, AllLanguages);

        Assert.Empty(table.Candidates("stand der technik", TranslationLanguages.German, TranslationLanguages.English));
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
