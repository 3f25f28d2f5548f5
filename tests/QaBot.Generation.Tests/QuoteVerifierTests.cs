using static QaBot.Generation.Tests.Passages;

namespace QaBot.Generation.Tests;

public sealed class QuoteVerifierTests
{
    private static readonly IReadOnlyList<QaBot.Core.RetrievedPassage> Cited = ThreePassages().Passages;

    [Fact]
    public void FindUnverified_QuoteInItsPassageVerbatim_NothingReported()
    {
        // Act
        var unverified = QuoteVerifier.FindUnverified("The article says \"has over 220,000  industrial enterprises\" [1].", Cited);

        // Assert
        Assert.Empty(unverified);
    }

    [Fact]
    public void FindUnverified_MarkerStandingForTwoChunksOfTheSameLines_QuoteInEitherVerified()
    {
        var first = Passage(1, "004.txt", "Binhai has 220,000 enterprises.", "Binhai", 1, 1);
        var second = Passage(2, "004.txt", "Funds total 1.2 billion yuan.", "Binhai", 1, 1);

        var unverified = QuoteVerifier.FindUnverified("It says \"Funds total 1.2 billion yuan\" [1] and \"Binhai has 99 enterprises\" [1].", [[first, second]]);

        Assert.Equal(["\"Binhai has 99 enterprises\" [1]"], unverified);
    }

    [Fact]
    public void FindUnverified_QuoteChangedByTheModel_Reported()
    {
        // Act
        var unverified = QuoteVerifier.FindUnverified("It says “has over 300,000 industrial enterprises” [1] and \"took place in Berlin in 2024\" [2].", Cited);

        // Assert
        Assert.Equal(["\"has over 300,000 industrial enterprises\" [1]"], unverified);
    }

    [Fact]
    public void FindUnverified_QuoteCitingTheWrongPassage_Reported()
    {
        // Act
        var unverified = QuoteVerifier.FindUnverified("\"took place in Berlin in 2024\" [1]", Cited);

        // Assert
        Assert.Single(unverified);
    }
}
