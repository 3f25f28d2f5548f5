namespace QaBot.Generation.Tests;

public sealed class ChatOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_NoProviderIsValid()
    {
        // Act
        var result = new ChatOptionsValidator().Validate(null, new ChatOptions());

        // Assert
        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_OpenAiCompatibleServerWithoutKey_Valid()
    {
        // Act
        var result = new ChatOptionsValidator().Validate(null, new ChatOptions { Provider = "openai", Endpoint = "http://localhost:11434/v1", Model = "llama3.1" });

        // Assert
        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("openai", null, "gpt-4o-mini", null, null, "Chat:ApiKey: required with Chat:Provider=openai")]
    [InlineData("openai", "http://localhost:11434/v1", null, null, null, "Chat:Model: required with Chat:Provider=openai")]
    [InlineData("azure-openai", "https://x.openai.azure.com/", null, "key", null, "Chat:Deployment: required with Chat:Provider=azure-openai")]
    [InlineData("azure-openai", null, null, "key", "dep", "Chat:Endpoint: required with Chat:Provider=azure-openai")]
    [InlineData("openai", "localhost:11434", "m", null, null, "Chat:Endpoint: 'localhost:11434' is not an http(s) URL")]
    [InlineData("anthropic", null, null, null, null, "Chat:Provider: 'anthropic' is not a provider; use none, openai or azure-openai.")]
    public void Validate_IncompleteProviderSettings_FailureNamesTheKey(string provider, string? endpoint, string? model, string? key, string? deployment, string expected)
    {
        // Act
        var result = new ChatOptionsValidator().Validate(null, new ChatOptions { Provider = provider, Endpoint = endpoint, Model = model, ApiKey = key, Deployment = deployment });

        // Assert
        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith(expected, StringComparison.Ordinal));
    }
}
