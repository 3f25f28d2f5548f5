using QaBot.Analysis;
using QaBot.Core;
using QaBot.Generation.Claims;

namespace QaBot.Generation.Tests.Claims;

public sealed class ClaimCheckerTests
{
    private readonly ClaimChecker _checker = new(TextAnalyzer.Default);

    [Fact]
    public void Check_EnglishSentenceGermanPassage_NumbersMatchAcrossNotations()
    {
        var passage = Passage("Die Region stellt Fonds von 1,2 Mrd. Yuan bereit.", "de");

        var check = _checker.Check("The region provides funds of 1.2 billion yuan [1].", [passage], null);

        Assert.True(check.HasClaims);
        Assert.True(check.IsVerified);
    }

    [Fact]
    public void Check_EnglishSentenceChinesePassage_AmountInYiMatches()
    {
        var passage = Passage("滨海湾新区设立12亿元基金。", "zh");

        var check = _checker.Check("The area set up a fund of 1.2 billion yuan [1].", [passage], null);

        Assert.True(check.IsVerified);
    }

    [Fact]
    public void Check_InventedNumber_ReportedAsMissing()
    {
        var passage = Passage("The area has over 220,000 industrial enterprises.", "en");

        var check = _checker.Check("The area has over 300,000 industrial enterprises [1].", [passage], null);

        Assert.False(check.IsVerified);
        Assert.Equal(["300,000"], check.Missing);
    }

    [Fact]
    public void Check_NameNotInThePassage_ReportedAsMissing()
    {
        var passage = Passage("Nvidia sells most training chips.", "en");

        var check = _checker.Check("Most training chips come from Nvidia and Cerebras [1].", [passage], null);

        Assert.Equal(["Cerebras"], check.Missing);
    }

    [Fact]
    public void Check_NameInsideAnotherWord_NotFound()
    {
        var passage = Passage("The metadata is stored in a file.", "en");

        var check = _checker.Check("It is stored by Meta [1].", [passage], null);

        Assert.Equal(["Meta"], check.Missing);
    }

    [Fact]
    public void Check_SentenceWithoutNumbersOrNames_HasNoClaims()
    {
        var check = _checker.Check("the passages describe the process [1].", [Passage("Anything.", "en")], null);

        Assert.False(check.HasClaims);
        Assert.True(check.IsVerified);
    }

    private static RetrievedPassage Passage(string text, string language) =>
        new(new Chunk("a.txt", 0, "Title", null, null, 1, 1, language, text), 1, 1, []);
}
