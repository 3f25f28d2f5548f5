using QaBot.Analysis.Translation;

namespace QaBot.Analysis.Tests.Translation;

public sealed class VocabularyChangeTests
{
    private static readonly Dictionary<string, int> Before = new(StringComparer.Ordinal)
    {
        ["protokoll"] = 2, ["utility"] = 1, ["软件"] = 3, ["paket"] = 5, ["gone"] = 1, ["100000"] = 1,
    };

    private static readonly Dictionary<string, int> After = new(StringComparer.Ordinal)
    {
        ["protokoll"] = 3, ["utility"] = 2, ["软件"] = 4, ["paket"] = 5, ["new"] = 1, ["100000"] = 2,
    };

    [Fact]
    public void Between_TwoVocabularies_ListsChangedAddedAndRemovedTerms()
    {
        var change = VocabularyChange.Between(Before, After, TextAnalyzer.Default.Fold);

        Assert.Equal(["100000", "gone", "new", "protokoll", "utility", "软件"], change.Terms);
    }

    [Theory]
    [InlineData("Protokolldateien", true)] // a compound's part
    [InlineData("utilities", true)] // -ies of a term in -y
    [InlineData("軟件", true)] // Traditional spelling of a changed term
    [InlineData("pro 100.000 Einwohner", true)] // German drops the group separator: the term is 100000
    [InlineData("Paketverwaltung", false)] // its terms kept their frequency
    [InlineData("网络", false)]
    [InlineData("network card", false)]
    public void MayAffect_Target_SaysWhetherItMayAnalyzeToAChangedTerm(string target, bool expected)
    {
        var change = VocabularyChange.Between(Before, After, TextAnalyzer.Default.Fold);

        Assert.Equal(expected, change.MayAffect(target));
    }

    [Fact]
    public void MayAffect_NothingChanged_IsFalseForEveryTarget()
    {
        var change = VocabularyChange.Between(Before, Before, TextAnalyzer.Default.Fold);

        Assert.Empty(change.Terms);
        Assert.False(change.MayAffect("Protokolldateien"));
    }
}
