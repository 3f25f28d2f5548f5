using static QaBot.Generation.Tests.Passages;

namespace QaBot.Generation.Tests;

public sealed class CitationMarkerRewriterTests
{
    private static readonly QaBot.Core.RetrievalResult Retrieval = ThreePassages();

    [Fact]
    public void Push_ValidMarkers_RenumberedInOrderOfFirstCitation()
    {
        // Arrange
        var rewriter = new CitationMarkerRewriter(Retrieval.Passages);

        // Act
        var text = rewriter.Push("Berlin hosted it [2]. Binhai has 220,000 [1]. Again Berlin [2].") + rewriter.Complete();

        // Assert
        Assert.Equal("Berlin hosted it [1]. Binhai has 220,000 [2]. Again Berlin [1].", text);
        Assert.Equal(["002.txt", "004.txt"], rewriter.Cited.Select(p => p.Chunk.SourcePath));
        Assert.Empty(rewriter.Removed);
    }

    [Fact]
    public void Push_TwoChunksOfTheSameLines_ShareOneNumberAndOneSource()
    {
        // Arrange: an article written as one long line, so both chunks cite 004.txt:1-1.
        var first = Passage(1, "004.txt", "Binhai has 220,000 enterprises.", "Binhai", 1, 1);
        var second = Passage(2, "004.txt", "Funds total 1.2 billion yuan.", "Binhai", 1, 1);
        var rewriter = new CitationMarkerRewriter([first, second]);

        // Act
        // The last markers arrive in pieces of their own, as a stream sends them.
        var text = rewriter.Push("Funds [2]. Enterprises [1]. Both [1]") + rewriter.Push("[2]") + rewriter.Push(".") + rewriter.Complete();

        // Assert
        Assert.Equal("Funds [1]. Enterprises [1]. Both [1].", text);
        Assert.Equal([second], rewriter.Cited);
        Assert.Equal([second, first], rewriter.PassagesByNumber[0]);
    }

    [Fact]
    public void Push_MarkerOfNoPassage_RemovedWithItsSpaceAndRecorded()
    {
        // Arrange
        var rewriter = new CitationMarkerRewriter(Retrieval.Passages);

        // Act
        var text = rewriter.Push("Binhai has 220,000 enterprises [1] [7]. Made up [0].") + rewriter.Complete();

        // Assert
        Assert.Equal("Binhai has 220,000 enterprises [1]. Made up.", text);
        Assert.Equal(["[7]", "[0]"], rewriter.Removed);
        Assert.Single(rewriter.Cited);
    }

    [Fact]
    public void Push_MarkerSplitAcrossPieces_HeldBackUntilComplete()
    {
        // Arrange
        var rewriter = new CitationMarkerRewriter(Retrieval.Passages);

        // Act
        var emitted = new List<string> { rewriter.Push("It is 220,000 ["), rewriter.Push("3"), rewriter.Push("] and ["), rewriter.Push("12]"), rewriter.Push(" more.") };
        emitted.Add(rewriter.Complete());

        // Assert
        Assert.Equal("It is 220,000", emitted[0]);
        Assert.Equal(string.Empty, emitted[1]);
        Assert.Equal("It is 220,000 [1] and more.", string.Concat(emitted));
        Assert.Equal(["[12]"], rewriter.Removed);
    }

    [Fact]
    public void Push_ListMarkerWithOneInvalidNumber_KeepsTheValidOnes()
    {
        // Arrange
        var rewriter = new CitationMarkerRewriter(Retrieval.Passages);

        // Act
        var text = rewriter.Push("Both [2, 9, 1].") + rewriter.Complete();

        // Assert
        Assert.Equal("Both [1][2].", text);
        Assert.Equal(["[9]"], rewriter.Removed);
        Assert.Equal(["002.txt", "004.txt"], rewriter.Cited.Select(p => p.Chunk.SourcePath));
    }

    [Theory]
    [InlineData("An array a[i] stays.")]
    [InlineData("Brackets [like this] stay.")]
    [InlineData("Unclosed [2")]
    public void Complete_BracketsThatAreNoMarkers_KeptAsWritten(string text)
    {
        // Arrange
        var rewriter = new CitationMarkerRewriter(Retrieval.Passages);

        // Act
        var output = rewriter.Push(text) + rewriter.Complete();

        // Assert
        Assert.Equal(text, output);
        Assert.Empty(rewriter.Cited);
    }
}
