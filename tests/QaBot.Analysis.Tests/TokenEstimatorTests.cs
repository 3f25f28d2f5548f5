namespace QaBot.Analysis.Tests;

public sealed class TokenEstimatorTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("   ,.;!", 0)]
    [InlineData("hello", 1)]
    [InlineData("hello world", 2)]
    [InlineData("GPT-4 model", 3)]
    [InlineData("220,000 enterprises", 3)]
    [InlineData("1.2", 2)]
    [InlineData("滨海湾", 3)]
    [InlineData("AI训练场", 4)]
    [InlineData("über Größe", 2)]
    [InlineData("訓練", 2)]
    [InlineData("\u3400\uF900", 2)]
    public void Count_Text_OnePerHanCharacterAndPerRunOfLettersOrDigits(string text, int expected)
    {
        // Act
        var count = TokenEstimator.Count(text);

        // Assert
        Assert.Equal(expected, count);
    }

    [Fact]
    public void Count_HanCharacterBetweenLatinLetters_EndsTheRun()
    {
        // Act
        var count = TokenEstimator.Count("abc中def");

        // Assert: "abc", "中", "def".
        Assert.Equal(3, count);
    }
}
