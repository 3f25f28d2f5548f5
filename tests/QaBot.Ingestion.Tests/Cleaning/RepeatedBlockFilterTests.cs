using QaBot.Core;
using QaBot.Ingestion.Cleaning;

namespace QaBot.Ingestion.Tests.Cleaning;

public sealed class RepeatedBlockFilterTests
{
    private const string Footer = "Copyright © Beispiel-Projekt. Fehler bitte an das Team melden.";

    [Fact]
    public void FindRepeated_FooterInEveryFile_Found()
    {
        // Arrange
        var articles = Enumerable.Range(1, 6).Select(i => Article($"Eigener Text von Seite {i}.", Footer)).ToList();

        // Act
        var repeated = new RepeatedBlockFilter(minFiles: 5).FindRepeated(articles);

        // Assert
        Assert.Equal([Footer.ToLowerInvariant()], repeated);
    }

    [Fact]
    public void Filter_RepeatedFooter_DroppedOwnTextKept()
    {
        // Arrange
        var articles = Enumerable.Range(1, 6).Select(i => Article($"Eigener Text von Seite {i}.", Footer)).ToList();
        var filter = new RepeatedBlockFilter(minFiles: 5);
        var repeated = filter.FindRepeated(articles);

        // Act
        var kept = RepeatedBlockFilter.Filter(articles[0], repeated);

        // Assert
        Assert.Equal(["Eigener Text von Seite 1."], kept.Select(b => b.Text));
    }

    [Fact]
    public void FindRepeated_TextInTooFewFiles_NotFound()
    {
        // Arrange: in 4 files of 6, under the minimum of 5.
        var articles = Enumerable.Range(1, 6).Select(i => Article($"Seite {i}.", i <= 4 ? Footer : "Anders.")).ToList();

        // Act
        var repeated = new RepeatedBlockFilter(minFiles: 5).FindRepeated(articles);

        // Assert
        Assert.Empty(repeated);
    }

    [Fact]
    public void FindRepeated_TextInUnderTheFileShare_NotFound()
    {
        // Arrange: in 5 of 40 files, under a share of 20%.
        var articles = Enumerable.Range(1, 40).Select(i => Article($"Seite {i}.", i <= 5 ? Footer : $"Schluss {i}.")).ToList();

        // Act
        var repeated = new RepeatedBlockFilter(minFiles: 5, minFileShare: 0.2).FindRepeated(articles);

        // Assert
        Assert.Empty(repeated);
    }

    [Fact]
    public void Filter_RepeatedHeadingAndCode_Kept()
    {
        // Arrange: "Hinweis" headings and a common command repeat everywhere, but are structure and content.
        var articles = Enumerable.Range(1, 6)
            .Select(i => (IReadOnlyList<TextBlock>)[new("Hinweis", 1, 1, BlockKind.Heading), new("$ apt update", 2, 2, BlockKind.Code), new($"Text {i}.", 3, 3)])
            .ToList();
        var filter = new RepeatedBlockFilter(minFiles: 5);

        // Act
        var kept = RepeatedBlockFilter.Filter(articles[0], filter.FindRepeated(articles));

        // Assert
        Assert.Equal(3, kept.Count);
    }

    private static IReadOnlyList<TextBlock> Article(string body, string footer) =>
        [new(body, 1, 1), new(footer, 2, 2)];
}
