using System.Globalization;
using QaBot.Cli.Commands;
using QaBot.Testing;
using QaBot.Testing.Discord;

namespace QaBot.Cli.Tests.Commands;

/// <summary>`qabot discord` on a fresh data folder: the bot connects while the first-use ingest runs.</summary>
[Collection(ConsoleTestGroup.Name)]
public sealed class DiscordCommandLifecycleTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Discord_FatalCloseDuringFirstUseIngest_ExitsNonZeroWithOneLine()
    {
        // Arrange: a collection large enough that its ingest is still running when Discord refuses the token.
        var corpus = WriteCorpus(files: 400);
        await using var discord = new FakeDiscordServer();
        discord.Gateway.CloseOnIdentify = 4004;
        using var console = new ConsoleCapture();
        var run = QaBotCommandLine.Build()
            .Parse([
                "discord", "--corpus", corpus, "--data", _directory.Combine("data"),
                "--config", $"Discord:Token={FakeGateway.Token}",
                "--config", $"Discord:ApiBaseUrl={discord.ApiBaseUrl}",
            ])
            .InvokeAsync();

        // Act
        await discord.Gateway.NextConnectionAsync();
        // The exit is a real process event: awaited with a generous timeout, never timed.
        var exitCode = await run.WaitAsync(TimeSpan.FromSeconds(60));

        // Assert
        Assert.Equal(ExitCodes.Error, exitCode);
        var stopLines = console.Error.Split('\n').Where(line => line.Contains("4004", StringComparison.Ordinal)).ToList();
        Assert.Equal("The Discord bot stopped: Discord rejected the bot token (close code 4004). Check Discord:Token.", Assert.Single(stopLines).TrimEnd('\r'));
        Assert.DoesNotContain("running", console.Error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", console.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discord_QuestionRightAfterReadyWhileIndexing_IsNotRefusedAndGetsTheAnswerOnceReady()
    {
        // Arrange
        var corpus = WriteCorpus(files: 40);
        await using var discord = new FakeDiscordServer();
        using var console = new ConsoleCapture();
        using var stop = new CancellationTokenSource();
        var run = QaBotCommandLine.Build()
            .Parse([
                "discord", "--corpus", corpus, "--data", _directory.Combine("data"),
                "--config", $"Discord:Token={FakeGateway.Token}",
                "--config", $"Discord:ApiBaseUrl={discord.ApiBaseUrl}",
                "--config", "DiscordBot:ReadyWait=00:05:00",
            ])
            .InvokeAsync(cancellationToken: stop.Token);

        // Act
        await NextRequestAsync(discord, "PUT", "/commands");
        await discord.Gateway.DispatchAsync("MESSAGE_CREATE", FakeGateway.MessageJson(900, $"<@{FakeGateway.BotUserId}> Which lantern hangs above door number 121?", channelId: 300));
        var answer = await NextRequestAsync(discord, "POST", "/channels/900/messages", TimeSpan.FromSeconds(120));
        var content = answer.Json!["content"]!.GetValue<string>();
        // A streamed answer is posted early; its sources come with the final edit of that message.
        while (!content.Contains("topic-07.md", StringComparison.Ordinal))
        {
            var edit = await NextRequestAsync(discord, "PATCH", "", TimeSpan.FromSeconds(60));
            if (edit.Path.Contains("/channels/900/messages/", StringComparison.Ordinal) && edit.Json?["content"] is { } edited)
            {
                content = edited.GetValue<string>();
            }
        }

        await stop.CancelAsync();
        var exitCode = await run;

        // Assert
        Assert.DoesNotContain("does not cover", content, StringComparison.Ordinal);
        Assert.Contains("topic-07.md", content, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("connected and running", console.Error, StringComparison.Ordinal);
    }

    /// <summary>Small articles, one fact each: "The lantern in topic N is COLOUR."</summary>
    private string WriteCorpus(int files)
    {
        var corpus = _directory.Combine("corpus");
        Directory.CreateDirectory(corpus);
        string[] colours = ["red", "green", "blue", "amber", "violet"];
        for (var i = 0; i < files; i++)
        {
            File.WriteAllText(
                Path.Combine(corpus, string.Create(CultureInfo.InvariantCulture, $"topic-{i:00}.md")),
                string.Create(CultureInfo.InvariantCulture, $"# Topic {i}\n\nThe lantern in topic {i} is {colours[i % colours.Length]}. It hangs above door number {100 + (i * 3)}.\n"));
        }

        return corpus;
    }

    /// <summary>The next request of <paramref name="method"/> to a path ending in <paramref name="pathSuffix"/>, awaited with a generous timeout.</summary>
    private static async Task<RecordedRequest> NextRequestAsync(FakeDiscordServer discord, string method, string pathSuffix, TimeSpan? within = null)
    {
        // A held question makes no requests while it waits for the index, so the wait covers the whole ingest.
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var request = await discord.NextRequestAsync(timeout.Token);
            if (request.Method == method && request.Path.EndsWith(pathSuffix, StringComparison.Ordinal))
            {
                return request;
            }
        }
    }
}
