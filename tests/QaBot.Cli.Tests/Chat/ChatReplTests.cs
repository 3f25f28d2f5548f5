using Moq;
using QaBot.Cli.Chat;
using QaBot.Core;

namespace QaBot.Cli.Tests.Chat;

public sealed class ChatReplTests
{
    private readonly Mock<IAnswerService> _answers = new(MockBehavior.Strict);

    public ChatReplTests()
    {
        // The REPL streams; these tests script whole answers, delivered the way a non-streaming service does.
        _answers.Setup(a => a.StreamAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>()))
            .Returns((Question question, CancellationToken cancellationToken) => WholeAnswerAsync(question, cancellationToken));
    }

    [Fact]
    public async Task RunAsync_PipedQuestions_EachAnsweredWithSourcesInOneConversation()
    {
        // Arrange
        _answers.Setup(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>())).ReturnsAsync(Answers.Covered());

        // Act
        var (output, repl) = await RunAsync("How many enterprises?\n\n   \nAnd in 2024?\n");

        // Assert
        Assert.Equal(2, CountOf(output, "Sources:"));
        Assert.Contains("  [1] 004_f9dad41751f58670.txt:1 — 当AI寻找场景", output, StringComparison.Ordinal);
        Assert.DoesNotContain("> ", output, StringComparison.Ordinal);
        Assert.Equal(["How many enterprises?", "And in 2024?"], repl.History.Select(h => h.Question));
        var conversations = _answers.Invocations.Select(i => ((Question)i.Arguments[0]).ConversationId).Distinct().ToList();
        Assert.StartsWith("repl:", Assert.Single(conversations), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_StreamingAnswer_PiecesPrintedInOrderThenTheCheckedSourcesAndDiagnosticsUnderDebug()
    {
        // Arrange
        var answer = Answers.Covered("There are over 220,000 industrial enterprises [1].") with
        {
            AnsweredBy = "openai:fake",
            Diagnostics = new AnswerDiagnostics("How many enterprises are in Binhai?", ["[9]"], [], 120, 30),
        };
        _answers.Setup(a => a.StreamAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>()))
            .Returns(new AnswerUpdate[] { new AnswerTextDelta("There are over "), new AnswerTextDelta("220,000 industrial enterprises [1]."), new AnswerCompleted(answer) }.ToAsyncEnumerable());

        // Act
        var (output, _) = await RunAsync("And in Binhai?\n/debug\n");

        // Assert
        Assert.StartsWith("There are over 220,000 industrial enterprises [1].\n\nSources:\n  [1] 004_f9dad41751f58670.txt:1 — 当AI寻找场景\n(answered by openai:fake, ", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("condensed follow-up: How many enterprises are in Binhai?", output, StringComparison.Ordinal);
        Assert.Contains("removed markers (no such passage): [9]", output, StringComparison.Ordinal);
        Assert.Contains("tokens: 120 prompt, 30 completion", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_AnswerWithGlossAndUnverifiedMark_PrintsTheSameLayoutAsDiscord()
    {
        // Arrange
        var answer = Answers.Covered("“Die Kurse stiegen.” [1] They tripled in 2031 [1]. (unverified)") with
        {
            Citations = [new Citation(1, "b.txt", 4, 4, "Börse") { HeadingPath = ["2.1 Kurse"] }],
            Glosses = [new WordGloss(1, [new GlossPair("Kurse", "prices")])],
        };
        _answers.Setup(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>())).ReturnsAsync(answer);

        // Act
        var (output, _) = await RunAsync("did prices rise?\n");

        // Assert: the Discord test of the same answer (StreamingTests) expects these parts in this order.
        Assert.StartsWith(
            "“Die Kurse stiegen.” [1] They tripled in 2031 [1]. (unverified)\n\nWord gloss (dictionary, not a translation):\n  [1] Kurse = prices\n\nSources:\n  [1] b.txt:4 (§2.1 \"Kurse\") — Börse\n(extractive answer: ",
            output.ReplaceLineEndings("\n"),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_QuestionWithSurroundingSpaces_AskedTrimmed()
    {
        // Arrange
        _answers.Setup(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>())).ReturnsAsync(Answers.Covered());

        // Act
        await RunAsync("   What is WAIC?   \n");

        // Assert
        _answers.Verify(a => a.AnswerAsync(It.Is<Question>(q => q.Text == "What is WAIC?"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task RunAsync_SourcesCommand_ShowsThePassagesOfTheLastAnswer()
    {
        // Arrange
        _answers.Setup(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>())).ReturnsAsync(Answers.Covered());

        // Act
        var (output, _) = await RunAsync("Q?\n/sources\n");

        // Assert
        Assert.Contains("#1 004_f9dad41751f58670.txt:1 — 当AI寻找场景 › Group 1", output, StringComparison.Ordinal);
        Assert.Contains("#2 000_bace5807803ee532.txt:30-32 — The commercialization dilemma", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/sources")]
    [InlineData("/debug")]
    public async Task RunAsync_CommandBeforeAnyAnswer_SaysThereIsNoAnswerYet(string command)
    {
        // Act
        var (output, _) = await RunAsync(command + "\n");

        // Assert
        Assert.Contains("No answer yet.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_DebugCommand_ShowsRanksAndCoverageOfTheLastAnswer()
    {
        // Arrange
        _answers.Setup(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>())).ReturnsAsync(Answers.Covered());

        // Act
        var (output, _) = await RunAsync("Q?\n/debug\n");

        // Assert
        Assert.Contains("coverage 0.75 of 4 content terms; answerability 0.82; relevant: True", output, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(output, "fused (reciprocal rank fusion):"));
    }

    [Fact]
    public async Task RunAsync_DebugOn_DebugAfterEveryAnswerUntilOff()
    {
        // Arrange
        _answers.Setup(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>())).ReturnsAsync(Answers.Covered());

        // Act
        var (output, _) = await RunAsync("/debug on\nQ1?\nQ2?\n/debug OFF\nQ3?\n");

        // Assert
        Assert.Contains("Debug output after each answer is on.", output, StringComparison.Ordinal);
        Assert.Contains("Debug output after each answer is off.", output, StringComparison.Ordinal);
        Assert.Equal(3, CountOf(output, "Sources:"));
        Assert.Equal(2, CountOf(output, "fused (reciprocal rank fusion):"));
    }

    [Fact]
    public async Task RunAsync_HistoryCommand_NumbersQuestionsAndMarksRefusals()
    {
        // Arrange
        _answers.Setup(a => a.AnswerAsync(It.Is<Question>(q => q.Text == "Covered?"), It.IsAny<CancellationToken>())).ReturnsAsync(Answers.Covered());
        _answers.Setup(a => a.AnswerAsync(It.Is<Question>(q => q.Text == "Capital of Australia?"), It.IsAny<CancellationToken>())).ReturnsAsync(Answers.Refused());

        // Act
        var (output, _) = await RunAsync("/history\nCovered?\nCapital of Australia?\n/history\n");

        // Assert
        Assert.Contains("No questions yet.", output, StringComparison.Ordinal);
        Assert.Contains("1. Covered?\n2. Capital of Australia?  (not covered)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_HelpCommand_ListsEveryCommand()
    {
        // Act
        var (output, _) = await RunAsync("/HELP\n");

        // Assert
        foreach (var command in new[] { "/sources", "/debug", "/history", "/help", "/exit" })
        {
            Assert.Contains(command, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RunAsync_UnknownCommand_SaysSoAndContinues()
    {
        // Arrange
        _answers.Setup(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>())).ReturnsAsync(Answers.Covered());

        // Act
        var (output, repl) = await RunAsync("/frobnicate now\nQ?\n");

        // Assert
        Assert.Contains("Unknown command /frobnicate. /help lists the commands.", output, StringComparison.Ordinal);
        Assert.Single(repl.History);
    }

    [Theory]
    [InlineData("/exit")]
    [InlineData("/quit")]
    [InlineData("/Exit")]
    public async Task RunAsync_ExitCommand_StopsReadingFurtherQuestions(string exit)
    {
        // Arrange
        _answers.Setup(a => a.AnswerAsync(It.IsAny<Question>(), It.IsAny<CancellationToken>())).ReturnsAsync(Answers.Covered());

        // Act
        var (_, repl) = await RunAsync($"First?\n{exit}\nNever asked?\n");

        // Assert
        Assert.Equal(["First?"], repl.History.Select(h => h.Question));
        _answers.Verify(a => a.AnswerAsync(It.Is<Question>(q => q.Text == "Never asked?"), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task RunAsync_EndOfInput_ReturnsWithoutAsking()
    {
        // Act
        var (output, repl) = await RunAsync(string.Empty);

        // Assert
        Assert.Empty(output);
        Assert.Empty(repl.History);
        _answers.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task RunAsync_AnswerServiceThrows_PoliteLineAndTheSessionContinues()
    {
        // Arrange
        _answers.Setup(a => a.AnswerAsync(It.Is<Question>(q => q.Text == "Breaks?"), It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("database is locked"));
        _answers.Setup(a => a.AnswerAsync(It.Is<Question>(q => q.Text == "Works?"), It.IsAny<CancellationToken>())).ReturnsAsync(Answers.Covered());

        // Act
        var (output, repl) = await RunAsync("Breaks?\nWorks?\n");

        // Assert
        Assert.Contains("Sorry, that question could not be answered: database is locked", output, StringComparison.Ordinal);
        Assert.Contains("Sources:", output, StringComparison.Ordinal);
        Assert.Equal(["Works?"], repl.History.Select(h => h.Question));
    }

    [Fact]
    public async Task RunAsync_AnswerCancelledWhileTheSessionIsNot_SaysCancelledAndContinues()
    {
        // Arrange
        _answers.Setup(a => a.AnswerAsync(It.Is<Question>(q => q.Text == "Slow?"), It.IsAny<CancellationToken>())).ThrowsAsync(new OperationCanceledException());
        _answers.Setup(a => a.AnswerAsync(It.Is<Question>(q => q.Text == "Next?"), It.IsAny<CancellationToken>())).ReturnsAsync(Answers.Covered());

        // Act
        var (output, repl) = await RunAsync("Slow?\nNext?\n");

        // Assert
        Assert.Contains("(cancelled)", output, StringComparison.Ordinal);
        Assert.Equal(["Next?"], repl.History.Select(h => h.Question));
    }

    [Fact]
    public async Task RunAsync_SessionCancelled_StopsBeforeReading()
    {
        // Arrange
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        using var output = new StringWriter();
        var repl = new ChatRepl(_answers.Object, new StringReader("Q?\n"), output, interactive: false);

        // Act
        await repl.RunAsync(cancellation.Token);

        // Assert
        Assert.Empty(repl.History);
        _answers.VerifyNoOtherCalls();
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

    private async Task<(string Output, ChatRepl Repl)> RunAsync(string input)
    {
        using var output = new StringWriter { NewLine = "\n" };
        var repl = new ChatRepl(_answers.Object, new StringReader(input), output, interactive: false);
        await repl.RunAsync(CancellationToken.None);
        return (output.ToString().ReplaceLineEndings("\n"), repl);
    }

    private async IAsyncEnumerable<AnswerUpdate> WholeAnswerAsync(Question question, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var answer = await _answers.Object.AnswerAsync(question, cancellationToken);
        yield return new AnswerTextDelta(answer.Text);
        yield return new AnswerCompleted(answer);
    }
}
