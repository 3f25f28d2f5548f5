namespace QaBot.DiscordBot.Tests;

public sealed class DiscordBotOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        var result = new DiscordBotOptionsValidator().Validate(null, new DiscordBotOptions());

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_BadValues_NamesEachKey()
    {
        var options = new DiscordBotOptions
        {
            QueueCapacity = 0,
            Workers = 0,
            UserRateLimit = 0,
            ChannelRateLimitWindow = TimeSpan.Zero,
            MaxQuestionLength = 6001,
            FeedbackFile = " ",
            ThreadAutoArchiveMinutes = 30,
        };

        var result = new DiscordBotOptionsValidator().Validate(null, options);

        Assert.Contains("DiscordBot:QueueCapacity", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("DiscordBot:Workers", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("DiscordBot:UserRateLimit", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("DiscordBot:ChannelRateLimit", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("DiscordBot:MaxQuestionLength must be between 1 and 6000", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("DiscordBot:FeedbackFile", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("DiscordBot:ThreadAutoArchiveMinutes", result.FailureMessage, StringComparison.Ordinal);
    }
}
