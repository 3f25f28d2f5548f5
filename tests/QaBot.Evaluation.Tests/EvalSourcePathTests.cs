namespace QaBot.Evaluation.Tests;

public sealed class EvalSourcePathTests
{
    [Theory]
    [InlineData("maint-guide/dreq.de.html", "maint-guide/dreq.de.html")]
    [InlineData("./maint-guide/dreq.de.html", "maint-guide/dreq.de.html")]
    [InlineData("maint-guide\\dreq.de.html", "maint-guide/dreq.de.html")]
    [InlineData("/000_a.txt", "000_a.txt")]
    [InlineData(" 000_a.txt ", "000_a.txt")]
    public void Normalise_Path_SlashSeparatedRelativeForm(string path, string expected)
    {
        // Act / Assert
        Assert.Equal(expected, EvalSourcePath.Normalise(path));
    }

    [Theory]
    [InlineData("000_a.txt", new[] { "000_a.txt" }, true)]
    [InlineData("developers-reference/de/l10n.html", new[] { "developers-reference/de/l10n.html" }, true)]
    [InlineData("developers-reference/de/l10n.html", new[] { "./developers-reference\\de/l10n.html" }, true)]
    [InlineData("developers-reference/en/tools.html", new[] { "developers-reference/de/tools.html" }, false)]
    [InlineData("developers-reference/en/tools.html", new[] { "tools.html" }, false)]
    public void IsAmong_ExpectedSources_MatchesOnlyTheSameRelativePath(string path, string[] expected, bool isAmong)
    {
        // Act / Assert: a bare name is a file at the corpus root, never a same-named file in a subfolder.
        Assert.Equal(isAmong, EvalSourcePath.IsAmong(path, expected));
    }
}
