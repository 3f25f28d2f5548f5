using Microsoft.Extensions.Options;
using QaBot.Core.Configuration;

namespace QaBot.DiscordBot.Tests;

public sealed class DiscordBotOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.True(Annotations().Validate(null, new DiscordBotOptions()).Succeeded);
        Assert.True(new DiscordBotOptionsValidator().Validate(null, new DiscordBotOptions()).Succeeded);
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
            StateFile = "state/",
            ThreadAutoArchiveMinutes = 30,
        };

        var result = Annotations().Validate(null, options);

        Assert.Contains("DiscordBot:QueueCapacity", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("DiscordBot:Workers", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("DiscordBot:UserRateLimit", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("DiscordBot:ChannelRateLimitWindow", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("DiscordBot:MaxQuestionLength must be between 1 and 6000", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("DiscordBot:FeedbackFile", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("DiscordBot:StateFile must be a file path", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("DiscordBot:ThreadAutoArchiveMinutes must be 60, 1440, 4320 or 10080", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ReviewedFileSameAsFeedbackFile_NamesBothKeys()
    {
        var result = new DiscordBotOptionsValidator().Validate(null, new DiscordBotOptions { FeedbackFile = "votes.jsonl", ReviewedFile = "votes.jsonl" });

        Assert.Contains("DiscordBot:ReviewedFile must differ from DiscordBot:FeedbackFile", result.FailureMessage, StringComparison.Ordinal);
    }

    private static IValidateOptions<DiscordBotOptions> Annotations() => new ConfigurationKeyValidator<DiscordBotOptions>(DiscordBotOptions.SectionName, new DiscordBotOptionsAnnotations());
}
