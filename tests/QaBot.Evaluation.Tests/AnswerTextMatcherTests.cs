namespace QaBot.Evaluation.Tests;

public sealed class AnswerTextMatcherTests
{
    private readonly AnswerTextMatcher _matcher = AnswerTextMatcher.Default;

    [Fact]
    public void SatisfiesAll_SimplifiedAnswerInTraditionalPassage_Matches()
    {
        // Act / Assert: 软件包 (Simplified) against 軟件包 (Traditional) in the passage.
        Assert.True(_matcher.SatisfiesAll("這個軟件包需要測試。", [["软件包"]]));
    }

    [Fact]
    public void SatisfiesAll_TraditionalAnswerInSimplifiedPassage_Matches()
    {
        // Act / Assert
        Assert.True(_matcher.SatisfiesAll("使用 lintian 检查软件包。", [["檢查軟件包"]]));
    }

    [Fact]
    public void SatisfiesAll_FullWidthAndUpperCase_MatchesAfterNfkcAndCaseFolding()
    {
        // Act / Assert: full-width Latin letters fold to ASCII under NFKC.
        Assert.True(_matcher.SatisfiesAll("Setzen Sie ＤＥＳＴＤＩＲ im Makefile.", [["destdir"]]));
    }

    [Fact]
    public void SatisfiesAll_CommandBrokenAcrossLines_MatchesWithWhiteSpaceCollapsed()
    {
        // Act / Assert
        Assert.True(_matcher.SatisfiesAll("Run lintian -i\n   -I --show-overrides on it.", [["-i -I  --show-overrides"]]));
    }

    [Fact]
    public void SatisfiesAll_OneGroupWithoutAnyAlternative_False()
    {
        // Act / Assert
        Assert.False(_matcher.SatisfiesAll("Minimum 2048 bit.", [["2048"], ["4096", "4 096"]]));
    }

    [Fact]
    public void SatisfiesAll_EveryGroupMatchedByOneAlternative_True()
    {
        // Act / Assert
        Assert.True(_matcher.SatisfiesAll("Mindestens 2048 Bit, besser 4096 Bit.", [["2048"], ["4 096", "4096"]]));
    }

    [Fact]
    public void SatisfiesAll_NoGroups_False()
    {
        // Act / Assert: nothing to look for is not evidence.
        Assert.False(_matcher.SatisfiesAll("anything", []));
    }
}
