using QaBot.Analysis.Translation;

namespace QaBot.Analysis.Tests.Translation;

public sealed class TranslationTableMinedTermsTests
{
    private static readonly string[] AllLanguages = [Languages.English, Languages.German, Languages.Chinese];

    private const string Cedict = """
        視窗 视窗 [shi4 chuang1] /window; Windows/
        網卡 网卡 [wang3 ka3] /network card/
        """;

    [Fact]
    public void Build_LatinNameWrittenInChineseText_KeepsItForTheChineseLeg()
    {
        // The Chinese text writes "Windows" (and also has 视窗 elsewhere): the English term must stay as it is.
        var passages = new[] { ("在 Windows 上安装", Languages.Chinese), ("打开视窗", Languages.Chinese), ("Install on Windows", Languages.English) };
        var dictionary = BilingualDictionary.Create(CedictParser.Parse(new StringReader(Cedict)).Entries, [], []);
        var miner = new CollectionTermMiner(dictionary.HasPhrase);
        foreach (var (text, language) in passages)
        {
            miner.Add(text, language);
        }

        var table = new TranslationTableBuilder(dictionary.WithGlossary(miner.Entries()))
            .Build(BigramTestAnalyzer.Analyze, BigramTestAnalyzer.Vocabulary(passages), AllLanguages);

        Assert.Equal("windows", table.Candidates("windows", Languages.English, Languages.Chinese)[0].Text, ignoreCase: true);
    }

    [Fact]
    public void Build_BracketedEquivalentInText_TranslatesTheTerm()
    {
        var passages = new[] { ("安装网卡（NIC）驱动", Languages.Chinese) };
        var dictionary = BilingualDictionary.Create(CedictParser.Parse(new StringReader(Cedict)).Entries, [], []);
        var miner = new CollectionTermMiner(dictionary.HasPhrase);
        miner.Add(passages[0].Item1, Languages.Chinese);

        var table = new TranslationTableBuilder(dictionary.WithGlossary(miner.Entries()))
            .Build(BigramTestAnalyzer.Analyze, BigramTestAnalyzer.Vocabulary(passages), AllLanguages);

        Assert.Equal("网卡", table.Candidates("nic", Languages.English, Languages.Chinese)[0].Text);
    }
}
