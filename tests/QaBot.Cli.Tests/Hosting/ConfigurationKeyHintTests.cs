using QaBot.Cli.Hosting;

namespace QaBot.Cli.Tests.Hosting;

public sealed class ConfigurationKeyHintTests
{
    [Theory]
    [InlineData("Chat:Model: required with Chat:Provider=openai: the model name.", "Chat:Model")]
    [InlineData("The field Retrieval:RrfK must be between 1 and 1000.", "Retrieval:RrfK")]
    [InlineData("Discord:ModeratorRoleIds:1 is 'x', not a role id.", "Discord:ModeratorRoleIds:1")]
    [InlineData("Chat:Endpoint must be an absolute http(s) address, such as http://localhost:11434/v1.", "Chat:Endpoint")]
    public void KeyIn_Failure_IsTheFirstKeyItNames(string failure, string key)
    {
        Assert.Equal(key, ConfigurationKeyHint.KeyIn(failure));
    }

    [Fact]
    public void KeyIn_NoKey_IsNull()
    {
        Assert.Null(ConfigurationKeyHint.KeyIn("see http://localhost:11434/v1 for details"));
    }

    [Fact]
    public void Explain_Failure_AddsItsOwnEnvironmentForm()
    {
        Assert.Equal(
            "Discord:ModeratorRoleIds:0 is 'x'. Set it in appsettings.json, as QABOT__Discord__ModeratorRoleIds__0, or with --config Discord:ModeratorRoleIds:0=VALUE.",
            ConfigurationKeyHint.Explain("Discord:ModeratorRoleIds:0 is 'x'."));
    }
}
