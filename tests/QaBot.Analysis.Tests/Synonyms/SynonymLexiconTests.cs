using QaBot.Analysis.Synonyms;

namespace QaBot.Analysis.Tests.Synonyms;

public sealed class SynonymLexiconTests
{
    private readonly TextAnalyzer _analyzer = TextAnalyzer.Default;

    [Fact]
    public void Parse_HeadwordsSharingAStem_PoolTheirSynonymsAsIndexTerms()
    {
        var lexicon = SynonymLexicon.Parse(["package\tbundle|parcels", "packages\tparcel|packet"], Languages.English, _analyzer);

        Assert.Equal(["bundle", "parcel", "packet"], lexicon.SynonymsOf("package"));
    }

    [Fact]
    public void Parse_SynonymWithTheHeadwordsStemOrAStopword_IsLeftOut()
    {
        var lexicon = SynonymLexicon.Parse(["install\tinstalls|the|instal"], Languages.English, _analyzer);

        Assert.Equal(["instal"], lexicon.SynonymsOf("install"));
    }

    [Fact]
    public void Parse_GermanCompoundSynonym_KeepsTheCompoundWithoutItsParts()
    {
        var lexicon = SynonymLexicon.Parse(["rechner\tdatenverarbeitungsanlage|computer"], Languages.German, _analyzer);

        Assert.Equal(
            [_analyzer.AnalyzeWord("datenverarbeitungsanlage", Languages.German)!, _analyzer.AnalyzeWord("computer", Languages.German)!],
            lexicon.SynonymsOf(_analyzer.AnalyzeWord("rechner", Languages.German)!));
    }

    [Fact]
    public void Parse_CommentsAndLinesWithoutTab_AreSkipped()
    {
        var lexicon = SynonymLexicon.Parse(["# WordNet", "", "car auto", "car\tautomobile"], Languages.English, _analyzer);

        Assert.Equal(1, lexicon.Count);
        Assert.Equal(["automobile"], lexicon.SynonymsOf("car"));
    }

    [Fact]
    public void LoadShipped_English_ReadsWordNetSynonymsByIndexTerm()
    {
        var lexicon = SynonymLexicon.LoadShipped(Languages.English, _analyzer)!;

        Assert.True(lexicon.Count > 10_000);
        Assert.Contains("automobile", lexicon.SynonymsOf("car"));
        Assert.DoesNotContain("machine", lexicon.SynonymsOf("car"));
    }

    [Fact]
    public void LoadShipped_German_ReadsOpenThesaurusSynonymsByIndexTerm()
    {
        var lexicon = SynonymLexicon.LoadShipped(Languages.German, _analyzer)!;

        Assert.True(lexicon.Count > 10_000);
        Assert.Contains(_analyzer.AnalyzeWord("Computer", Languages.German)!, lexicon.SynonymsOf(_analyzer.AnalyzeWord("Rechner", Languages.German)!));
    }

    [Fact]
    public void LoadShipped_LanguageWithoutAList_ReturnsNull()
    {
        Assert.Null(SynonymLexicon.LoadShipped(Languages.Chinese, _analyzer));
    }

    [Fact]
    public void For_SameLanguageTwice_LoadsOnce()
    {
        var loads = 0;
        var lexicons = new SynonymLexicons(language => { loads++; return SynonymLexicon.Parse(["car\tauto"], language, _analyzer); });

        var first = lexicons.For(Languages.English);
        var second = lexicons.For(Languages.English);

        Assert.Same(first, second);
        Assert.Equal(1, loads);
    }
}
