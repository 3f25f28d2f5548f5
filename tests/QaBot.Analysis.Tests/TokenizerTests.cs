namespace QaBot.Analysis.Tests;

public class TokenizerTests
{
    [Fact]
    public void Tokenize_MixedText_SeparatesWordsNumbersAndHanRuns()
    {
        var tokens = Tokenizer.Tokenize("gpt-4 训练成本 7800万 g1", Languages.English).ToList();

        Assert.Equal(
            [
                new Token(TokenKind.Word, "gpt"), new Token(TokenKind.Number, "4"), new Token(TokenKind.Han, "训练成本"),
                new Token(TokenKind.Number, "7800"), new Token(TokenKind.Han, "万"), new Token(TokenKind.Word, "g1"),
            ],
            tokens);
    }

    [Fact]
    public void Tokenize_ListOfNumbers_DoesNotMergeShortGroups()
    {
        var tokens = Tokenizer.Tokenize("8-10 years, 1,2", Languages.English).Select(t => t.Text).ToList();

        Assert.Equal(["8", "10", "years", "1", "2"], tokens);
    }
}
