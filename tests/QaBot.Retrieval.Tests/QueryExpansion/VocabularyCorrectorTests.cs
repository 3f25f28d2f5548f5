using QaBot.Core;
using QaBot.Retrieval.QueryExpansion;

namespace QaBot.Retrieval.Tests.QueryExpansion;

public sealed class VocabularyCorrectorTests
{
    private readonly VocabularyCorrector _corrector = new(
    [
        new VocabularyTerm("industrial", 40),
        new VocabularyTerm("enterprise", 25),
        new VocabularyTerm("kernel", 30),
        new VocabularyTerm("kennel", 2),
        new VocabularyTerm("many", 90),
        new VocabularyTerm("zenith", 1),
        new VocabularyTerm("grub", 30),
        new VocabularyTerm("boot", 50),
    ]);

    [Theory]
    [InlineData("industral", "industrial")]
    [InlineData("enterprize", "enterprise")]
    [InlineData("kernal", "kernel")]
    [InlineData("grup", "grub")]
    [InlineData("entrprize", "enterprise")]
    public void Correct_AbsentTermNearACommonOne_ReturnsTheCommonTerm(string typed, string expected)
    {
        Assert.Equal(expected, _corrector.Correct(typed));
    }

    [Theory]
    [InlineData("mny")]
    [InlineData("kernel")]
    [InlineData("zenith")]
    [InlineData("xylophone")]
    public void Correct_ShortPresentOrUnmatchedTerm_ReturnsNull(string typed)
    {
        Assert.Null(_corrector.Correct(typed));
    }

    [Theory]
    [InlineData(3, 0)]
    [InlineData(4, 1)]
    [InlineData(7, 1)]
    [InlineData(8, 2)]
    [InlineData(12, 2)]
    public void MaxEdits_Lengths_OneEditFromFourLettersTwoFromEight(int length, int expected)
    {
        Assert.Equal(expected, VocabularyCorrector.MaxEdits(length));
    }

    [Fact]
    public void Correct_FourLetterTermTwoEditsAway_ReturnsNull()
    {
        Assert.Null(_corrector.Correct("grxx"));
    }

    [Fact]
    public void Correct_TermTwoEditsAwayButShorterThanEight_ReturnsNull()
    {
        Assert.Null(_corrector.Correct("kurnal"));
    }

    [Theory]
    [InlineData("kernel", "kernal", 1)]
    [InlineData("industrial", "industral", 1)]
    [InlineData("abc", "xyz", int.MaxValue)]
    public void BoundedLevenshtein_Pairs_ReturnsDistanceWithinTwo(string a, string b, int expected)
    {
        Assert.Equal(expected, VocabularyCorrector.BoundedLevenshtein(a, b, 2));
    }
}
