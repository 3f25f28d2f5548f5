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

    [Fact]
    public void Split_CutInsideACodeBlock_ClosesAndReopensTheFenceWithItsLanguage()
    {
        var code = string.Join("\n", Enumerable.Range(0, 150).Select(i => $"    print(\"line {i} of the example\")"));
        var text = $"Run this:\n\n```python\n{code}\n```\n\nThat is all.";

        var parts = AnswerMessageSplitter.Split(text);

        Assert.True(parts.Count >= 2);
        Assert.All(parts, part => Assert.InRange(part.Length, 1, 2000));
        Assert.All(parts, part => Assert.Equal(0, part.Split('\n').Count(line => line.TrimStart().StartsWith("```", StringComparison.Ordinal)) % 2));
        Assert.All(parts.Skip(1).SkipLast(1), part => Assert.StartsWith("```python\n", part, StringComparison.Ordinal));
        var lines = parts.SelectMany(part => part.Split('\n')).Where(line => line.Contains("print", StringComparison.Ordinal)).ToList();
        Assert.Equal(code.Split('\n'), lines);
    }
}
