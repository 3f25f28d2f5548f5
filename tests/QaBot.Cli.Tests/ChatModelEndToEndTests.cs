using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using QaBot.Cli.Chat;
using QaBot.Cli.Commands;
using QaBot.Cli.Hosting;
using QaBot.Core;
using QaBot.Testing;

namespace QaBot.Cli.Tests;

/// <summary>
/// From configuration to the printed, cited answer: <c>Chat:Provider=openai</c> with <c>Chat:Endpoint</c> at a fake
/// OpenAI-compatible server on loopback, the real Semantic Kernel connector, the real index of the corpus.
/// </summary>
[Collection(ConsoleTestGroup.Name)]
public sealed class ChatModelEndToEndTests(IngestedCorpusFixture fixture) : IClassFixture<IngestedCorpusFixture>, IAsyncDisposable
{
    private const string BinhaiQuestion = "How many industrial enterprises are there in the East Guangdong Binhai Bay New Area?";
    private const string WaicQuestion = "Which edition of the World Artificial Intelligence Conference was WAIC 2021?";
    private readonly FakeOpenAiServer _server = new(Reply);

    [Fact]
    public async Task Ask_ChatModelConfigured_StreamsTheAnswerWithoutInvalidMarkersAndListsExactlyTheCitedPassages()
    {
        // Arrange
        using var console = new ConsoleCapture();

        // Act
        var exitCode = await QaBotCommandLine.Build().Parse(["ask", .. Arguments(), BinhaiQuestion]).InvokeAsync();

        // Assert
        Assert.True(exitCode == ExitCodes.Success, console.Error);
        var lines = console.Out.ReplaceLineEndings("\n").Trim().Split('\n');
        Assert.Equal("Over 220,000 industrial enterprises are in the area [1]. It also has a moon base.", lines[0]);
        Assert.Equal("Sources:", lines[2]);
        // The article is one long line, so its chunk is cited by column span.
        Assert.Matches(@"^  \[1\] 004_f9dad41751f58670\.txt:1:1-1:\d+ — 当AI寻找场景,东莞滨海湾亮出「产业生态」解法$", lines[3]);
        Assert.StartsWith("(answered by openai:fake-model, ", lines[4], StringComparison.Ordinal);
        Assert.Equal(5, lines.Length);
        var answerRequest = Assert.Single(_server.Requests, r => r.Prompt.Contains("### passage 1:", StringComparison.Ordinal));
        Assert.True(answerRequest.Stream);
    }

    [Fact]
    public async Task Ask_UnanswerableQuestionWithChatModel_RefusesWithoutSourcesAndWithoutAnswerCall()
    {
        // Arrange
        using var console = new ConsoleCapture();

        // Act
        var exitCode = await QaBotCommandLine.Build().Parse(["ask", .. Arguments(), "What is the capital of Australia?"]).InvokeAsync();

        // Assert
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.StartsWith("The document collection does not cover this question", console.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Sources:", console.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(_server.Requests, r => r.Prompt.Contains("### passage", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ask_ProviderFails_OneClearLineOnStandardErrorAndNoStackTrace()
    {
        // Arrange
        _server.Responder = _ => FakeChatReply.Status(500);
        using var console = new ConsoleCapture();

        // Act
        var exitCode = await QaBotCommandLine.Build().Parse(["ask", .. Arguments(), BinhaiQuestion]).InvokeAsync();

        // Assert
        Assert.Equal(ExitCodes.Error, exitCode);
        var errorLines = console.Error.ReplaceLineEndings("\n").Trim().Split('\n');
        Assert.Equal("Error: The chat model failed to answer (HTTP 500). Try again later.", errorLines[^1]);
        Assert.Contains(errorLines, l => l.StartsWith("fail: QaBot.Generation.", StringComparison.Ordinal) && l.Contains("HTTP 500", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", console.Out + console.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_PromptsFolderMissing_StopsAtStartUpNamingTheFolderAndTheKey()
    {
        // Arrange
        using var console = new ConsoleCapture();
        var missing = Path.Combine(fixture.DataPath, "no-prompts-here");

        // Act
        var exitCode = await QaBotCommandLine.Build().Parse(["ask", .. Arguments(), "--config", $"Chat:PromptsPath={missing}", BinhaiQuestion]).InvokeAsync();

        // Assert
        Assert.Equal(ExitCodes.Error, exitCode);
        Assert.Contains(missing, console.Error, StringComparison.Ordinal);
        Assert.Contains("Chat:PromptsPath", console.Error, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Ask_OpenAiProviderWithoutModel_ConfigurationErrorNamingTheKey()
    {
        // Arrange
        using var console = new ConsoleCapture();

        // Act
        var exitCode = await QaBotCommandLine.Build().Parse(["ask", "--corpus", fixture.CorpusPath, "--data", fixture.DataPath, "--config", "Chat:Provider=openai", BinhaiQuestion]).InvokeAsync();

        // Assert
        Assert.Equal(ExitCodes.ConfigurationError, exitCode);
        Assert.Contains("Chat:Model: required with Chat:Provider=openai", console.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_FollowUp_CondensedShownUnderDebugAndRetrievesTheRightArticle()
    {
        // Arrange
        using var host = QaBotHost.Build(QaBotCommandLine.Build().Parse(["chat", .. Arguments()]));
        await host.StartAsync();
        var output = new StringWriter();
        var repl = new ChatRepl(host.Services.GetRequiredService<IAnswerService>(), new StringReader($"{BinhaiQuestion}\nAnd which edition was the 2021 one?\n/debug\n"), output, interactive: false);

        // Act
        await repl.RunAsync(CancellationToken.None);
        await host.StopAsync();

        // Assert
        var followUp = repl.History[1].Answer;
        Assert.False(followUp.Refused, followUp.Text);
        Assert.Equal(WaicQuestion, followUp.Diagnostics.StandaloneQuestion);
        Assert.Equal("001_af5985cb6347c87b.txt", followUp.Retrieval.Passages[0].Chunk.SourcePath);
        Assert.Equal(["001_af5985cb6347c87b.txt"], followUp.CitedSources);
        Assert.Contains($"condensed follow-up: {WaicQuestion}", output.ToString(), StringComparison.Ordinal);
        var condense = Assert.Single(_server.Requests, r => r.Prompt.Contains("Follow-up question:", StringComparison.Ordinal));
        Assert.Contains($"User: {BinhaiQuestion}", condense.Prompt, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private string[] Arguments() =>
    [
        "--corpus", fixture.CorpusPath, "--data", fixture.DataPath,
        "--config", "Chat:Provider=openai",
        "--config", $"Chat:Endpoint={_server.BaseUrl}",
        "--config", "Chat:Model=fake-model",
        "--config", "Chat:MaxRetries=0",
    ];

    /// <summary>The fake model: condenses the follow-up, echoes the question as its "translations", answers citing [1] and an invented [9].</summary>
    private static FakeChatReply Reply(FakeChatRequest request)
    {
        var prompt = request.Prompt;
        if (prompt.Contains("Follow-up question:", StringComparison.Ordinal))
        {
            return FakeChatReply.Text(WaicQuestion);
        }

        if (prompt.Contains("Languages:", StringComparison.Ordinal))
        {
            var question = prompt[(prompt.LastIndexOf("Question:", StringComparison.Ordinal) + "Question:".Length)..].Trim();
            return FakeChatReply.Text($"de: {question}\nzh: {question}");
        }

        return prompt.Contains("WAIC 2021", StringComparison.Ordinal)
            ? FakeChatReply.Text("It was the fourth edition [", "1].")
            : FakeChatReply.Text("Over 220,000 industrial ", "enterprises are in the area [1]", ". It also has a moon base [", "9].");
    }
}
