using Microsoft.Extensions.Configuration;
using QaBot.Core.Configuration;

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
        Assert.True(Annotations().Validate(null, new ChatOptions()).Succeeded);
    }

    [Fact]
    public void Validate_OpenAiCompatibleServerWithoutKey_Valid()
    {
        // Act
        var result = new ChatOptionsValidator().Validate(null, new ChatOptions { Provider = ChatProvider.OpenAI, Endpoint = new Uri("http://localhost:11434/v1"), Model = "llama3.1" });

        // Assert
        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData(ChatProvider.OpenAI, null, "gpt-4o-mini", null, null, "Chat:ApiKey: required with Chat:Provider=openai")]
    [InlineData(ChatProvider.OpenAI, "http://localhost:11434/v1", null, null, null, "Chat:Model: required with Chat:Provider=openai")]
    [InlineData(ChatProvider.AzureOpenAI, "https://x.openai.azure.com/", null, "key", null, "Chat:Deployment: required with Chat:Provider=azure-openai")]
    [InlineData(ChatProvider.AzureOpenAI, null, null, "key", "dep", "Chat:Endpoint: required with Chat:Provider=azure-openai")]
    public void Validate_IncompleteProviderSettings_FailureNamesTheKey(ChatProvider provider, string? endpoint, string? model, string? key, string? deployment, string expected)
    {
        // Act
        var result = new ChatOptionsValidator().Validate(null, new ChatOptions { Provider = provider, Endpoint = endpoint is null ? null : new Uri(endpoint), Model = model, ApiKey = key, Deployment = deployment });

        // Assert
        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("localhost:11434")]
    [InlineData("v1/chat")]
    [InlineData("ftp://example.com/")]
    public void Annotations_EndpointNotAnHttpUrl_FailureNamesTheKey(string endpoint)
    {
        // Arrange: bound as configuration binds it, relative addresses included.
        var options = Bind(("Chat:Endpoint", endpoint));

        // Act
        var result = Annotations().Validate(null, options);

        // Assert
        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith("Chat:Endpoint must be an absolute http(s) address", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("openai", ChatProvider.OpenAI)]
    [InlineData("Azure-OpenAI", ChatProvider.AzureOpenAI)]
    [InlineData("AzureOpenAI", ChatProvider.AzureOpenAI)]
    [InlineData("", ChatProvider.None)]
    public void Bind_ProviderName_IsTheEnumMember(string value, ChatProvider expected)
    {
        Assert.Equal(expected, Bind(("Chat:Provider", value)).Provider);
    }

    [Fact]
    public void Bind_UnknownProvider_FailsNamingTheValueAndTheAllowedOnes()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => Bind(("Chat:Provider", "anthropic")));

        Assert.Contains("'Chat:Provider'", exception.Message, StringComparison.Ordinal);
        var conversion = Assert.IsType<FormatException>(exception.InnerException);
        Assert.Equal("'anthropic' is not one of none, openai, azure-openai.", conversion.Message);
    }

    private static ConfigurationKeyValidator<ChatOptions> Annotations() => new(ChatOptions.SectionName, new ChatOptionsAnnotations());

    private static ChatOptions Bind(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
        var options = new ChatOptions();
        configuration.GetSection(ChatOptions.SectionName).Bind(options);
        return options;
    }
}
