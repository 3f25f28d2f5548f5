using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QaBot.Discord.Gateway;
using QaBot.Testing.Discord;

namespace QaBot.Discord.Tests;

public sealed class DiscordOptionsTests
{
    [Fact]
    public void AddDiscordClient_ConfigurationSection_BindsEveryKey()
    {
        using var provider = BuildProvider(new Dictionary<string, string?>
        {
            ["Discord:Token"] = FakeGateway.Token,
            ["Discord:GuildId"] = "500",
            ["Discord:AllowedChannels:0"] = "300",
            ["Discord:AllowedChannels:1"] = "301",
            ["Discord:AllowedGuilds:0"] = "500",
            ["Discord:UserAgentUrl"] = "https://bots.example/qabot",
            ["Discord:GatewayUrl"] = "wss://staging.example/",
            ["Discord:ApiBaseUrl"] = "https://staging.example/api/v10/",
            ["Discord:Intents"] = "Guilds, GuildMessages, DirectMessages, MessageContent",
        });

        var options = provider.GetRequiredService<IOptions<DiscordOptions>>().Value;

        Assert.Equal(FakeGateway.Token, options.Token);
        Assert.Equal(500UL, options.GuildId);
        Assert.Equal([300UL, 301UL], options.AllowedChannels);
        Assert.Equal([500UL], options.AllowedGuilds);
        Assert.Equal(new Uri("https://bots.example/qabot"), options.UserAgentUrl);
        Assert.Equal(new Uri("wss://staging.example/"), options.GatewayUrl);
        Assert.Equal(new Uri("https://staging.example/api/v10/"), options.ApiBaseUrl);
        Assert.Equal(37377, (int)options.Intents);
    }

    [Fact]
    public void AddDiscordClient_NoConfiguration_DefaultsToDiscord()
    {
        using var provider = BuildProvider(new Dictionary<string, string?> { ["Discord:Token"] = FakeGateway.Token });

        var options = provider.GetRequiredService<IOptions<DiscordOptions>>().Value;

        Assert.Equal(new Uri("https://discord.com/api/v10/"), options.ApiBaseUrl);
        Assert.Null(options.GatewayUrl);
        Assert.Null(options.UserAgentUrl);
        Assert.Empty(options.AllowedGuilds);
        Assert.Equal(4609, (int)options.Intents);
    }

    [Fact]
    public void AddDiscordClient_MissingToken_FailsNamingTheKey()
    {
        using var provider = BuildProvider([]);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DiscordOptions>>().Value);

        Assert.Contains("Discord:Token", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bot abc", "Discord:Token")]
    [InlineData("abc def", "Discord:Token")]
    public void Validate_BadToken_FailsNamingTheKey(string token, string expectedKey)
    {
        var result = new DiscordOptionsValidator().Validate(null, new DiscordOptions { Token = token });

        Assert.True(result.Failed);
        Assert.Contains(expectedKey, result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(token, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadUrlsAndIntents_NamesEachKey()
    {
        var options = new DiscordOptions
        {
            Token = "t",
            GatewayUrl = new Uri("https://not-a-websocket.example/"),
            ApiBaseUrl = new Uri("ftp://example/"),
            Intents = GatewayIntents.None,
            EventQueueCapacity = 0,
        };

        var result = new DiscordOptionsValidator().Validate(null, options);

        Assert.Contains("Discord:GatewayUrl", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Discord:ApiBaseUrl", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Discord:Intents", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Discord:EventQueueCapacity", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_WithToken_RedactsIt()
    {
        var text = new DiscordOptions { Token = FakeGateway.Token }.ToString();

        Assert.DoesNotContain(FakeGateway.Token, text, StringComparison.Ordinal);
        Assert.Contains("<redacted>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AddDiscordClient_ModeratorRoleIds_BindsOneIdPerEntry()
    {
        using var provider = BuildProvider(new Dictionary<string, string?>
        {
            ["Discord:Token"] = FakeGateway.Token,
            ["Discord:ModeratorRoleIds:0"] = "600",
            ["Discord:ModeratorRoleIds:1"] = " 601 ",
            ["Discord:ModeratorRoleIds:2"] = "",
        });

        var options = provider.GetRequiredService<IOptions<DiscordOptions>>().Value;

        Assert.Equal([600UL, 601UL], options.ModeratorRoles.Order());
    }

    [Theory]
    [InlineData("mods")]
    [InlineData("600,601")]
    [InlineData("0")]
    [InlineData("-600")]
    public void AddDiscordClient_ModeratorRoleIdNotANumber_FailsNamingTheEntryAndValue(string value)
    {
        using var provider = BuildProvider(new Dictionary<string, string?>
        {
            ["Discord:Token"] = FakeGateway.Token,
            ["Discord:ModeratorRoleIds:0"] = "600",
            ["Discord:ModeratorRoleIds:1"] = value,
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DiscordOptions>>().Value);

        var failure = Assert.Single(error.Failures);
        Assert.StartsWith($"Discord:ModeratorRoleIds:1 is '{value}', not a role id", failure, StringComparison.Ordinal);
    }

    private static ServiceProvider BuildProvider(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddDiscordClient();
        return services.BuildServiceProvider();
    }
}
