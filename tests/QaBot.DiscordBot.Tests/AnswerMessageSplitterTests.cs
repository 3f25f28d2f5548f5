namespace QaBot.DiscordBot.Tests;

public sealed class AnswerMessageSplitterTests
{
    [Fact]
    public void Split_ShortText_ReturnsItWhole()
    {
        var parts = AnswerMessageSplitter.Split("  short answer \n");

        Assert.Equal(["short answer"], parts);
    }

    [Fact]
    public void Split_Paragraphs_CutsAtTheLastParagraphBreak()
    {
        var first = new string('a', 1200);
        var second = new string('b', 1200);

        var parts = AnswerMessageSplitter.Split($"{first}\n\n{second}");

        Assert.Equal([first, second], parts);
    }

    [Fact]
    public void Split_OneLongParagraph_CutsAfterASentence()
    {
        var text = string.Join(" ", Enumerable.Repeat("Retrieval finds passages first.", 100));

        var parts = AnswerMessageSplitter.Split(text);

        Assert.All(parts, part => Assert.InRange(part.Length, 1, 2000));
        Assert.All(parts, part => Assert.EndsWith("first.", part, StringComparison.Ordinal));
        Assert.Equal(text, string.Join(" ", parts));
    }

    [Fact]
    public void Split_NoBoundaries_HardCutsAtTheLimit()
    {
        var text = new string('x', 4500);

        var parts = AnswerMessageSplitter.Split(text);

        Assert.Equal([2000, 2000, 500], parts.Select(part => part.Length));
    }
}
