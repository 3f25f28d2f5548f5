using QaBot.Cli.Commands;
using QaBot.Testing;
using QaBot.Testing.Discord;

namespace QaBot.Cli.Tests.Commands;

/// <summary>`qabot discord` end to end: the real host, index and answers, against the in-process fake Discord on loopback.</summary>
[Collection(ConsoleTestGroup.Name)]
public sealed class DiscordCommandTests(IngestedCorpusFixture fixture) : IClassFixture<IngestedCorpusFixture>, IDisposable
{
    private const string BinhaiQuestion = "How many industrial enterprises are in the East Guangdong Binhai Bay New Area?";
    private const string Article004 = "004_f9dad41751f58670.txt";

    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Discord_NoToken_ExitCode2AndMessageNamesTheSetting()
    {
        // Arrange
        using var console = new ConsoleCapture();

        // Act: an empty value wins over any QABOT__Discord__Token in the environment.
        var exitCode = await QaBotCommandLine.Build()
            .Parse(["discord", "--data", _directory.Combine("data"), "--config", "Discord:Token="])
            .InvokeAsync();

        // Assert
        Assert.Equal(ExitCodes.ConfigurationError, exitCode);
        Assert.Contains("Discord:Token is missing", console.Error, StringComparison.Ordinal);
        Assert.Contains("QABOT__Discord__Token", console.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_directory.Combine("data")), "nothing may be ingested without a token");
    }

    [Fact]
    public async Task Discord_TokenForTheFake_RegistersAskAnswersAMentionWithSourcesRecordsAVoteAndStopsCleanly()
    {
        // Arrange
        await using var discord = new FakeDiscordServer();
        var votes = _directory.Combine("feedback", "votes.jsonl");
        using var console = new ConsoleCapture();
        using var stop = new CancellationTokenSource();
        var run = QaBotCommandLine.Build()
            .Parse([
                "discord", "--corpus", fixture.CorpusPath, "--data", fixture.DataPath,
                "--config", $"Discord:Token={FakeGateway.Token}",
                "--config", $"Discord:ApiBaseUrl={discord.ApiBaseUrl}",
                "--config", "Discord:GuildId=500",
                "--config", $"DiscordBot:FeedbackFile={votes}",
            ])
            .InvokeAsync(cancellationToken: stop.Token);

        // Act
        var registration = await NextRequestAsync(discord, "PUT", "/commands");
        await discord.Gateway.DispatchAsync("MESSAGE_CREATE", FakeGateway.MessageJson(900, $"<@{FakeGateway.BotUserId}> {BinhaiQuestion}"));
        var thread = await NextRequestAsync(discord, "POST", "/channels/300/messages/900/threads");
        var answer = await NextRequestAsync(discord, "POST", "/channels/900/messages");
        await discord.Gateway.DispatchAsync("INTERACTION_CREATE", $$"""
            {"id":"901","application_id":"{{FakeGateway.ApplicationId}}","type":3,"token":"itoken-901","version":1,"channel_id":"900","guild_id":"500",
             "member":{"user":{"id":"400","username":"ada"},"roles":[]},"data":{"custom_id":"fb:down:900","component_type":2} }
            """);
        await NextRequestAsync(discord, "POST", "/interactions/901/itoken-901/callback");
        await stop.CancelAsync();
        var exitCode = await run;
        var close = await discord.Gateway.NextCloseAsync();

        // Assert
        Assert.Equal("/api/v10/applications/200/guilds/500/commands", registration.Path);
        Assert.Equal("ask", registration.Json!.AsArray()[0]!["name"]!.GetValue<string>());
        Assert.Equal(BinhaiQuestion, thread.Json!["name"]!.GetValue<string>());
        var content = answer.Json!["content"]!.GetValue<string>();
        Assert.Contains("**Sources**", content, StringComparison.Ordinal);
        Assert.Contains($"`{Article004}:", content, StringComparison.Ordinal);
        Assert.Empty(answer.Json["allowed_mentions"]!["parse"]!.AsArray());
        // The host wires the feedback sink to DiscordBot:FeedbackFile.
        Assert.Contains("\"vote\":\"down\"", Assert.Single(File.ReadAllLines(votes)), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(1000, close.CloseCode);
        Assert.DoesNotContain(FakeGateway.Token, console.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeGateway.Token, console.Out, StringComparison.Ordinal);
    }

    private static async Task<RecordedRequest> NextRequestAsync(FakeDiscordServer discord, string method, string pathSuffix)
    {
        while (true)
        {
            var request = await discord.NextRequestAsync();
            if (request.Method == method && request.Path.EndsWith(pathSuffix, StringComparison.Ordinal))
            {
                return request;
            }
        }
    }
}
