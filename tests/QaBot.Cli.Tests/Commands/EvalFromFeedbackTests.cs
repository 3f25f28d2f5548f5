using QaBot.Cli.Commands;
using QaBot.Evaluation;
using QaBot.Testing;

namespace QaBot.Cli.Tests.Commands;

[Collection(ConsoleTestGroup.Name)]
public sealed class EvalFromFeedbackTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Eval_FromFeedback_WritesCandidatesAnEvalRunCanRead()
    {
        // Arrange
        var feedback = _directory.WriteFile("feedback.jsonl", string.Join("\n",
            Line("700", "up", "v1"),
            Line("700", "up", "v2"),
            Line("701", "up", "v1"),
            Line("701", "down", "v1")) + "\n");
        var output = _directory.Combine("candidates.jsonl");
        using var console = new ConsoleCapture();

        // Act
        var exitCode = await InvokeAsync("eval", "--from-feedback", feedback, "--out", output);

        // Assert
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("Wrote 2 candidate questions (1 confirmed by 👍, 1 to review)", console.Out, StringComparison.Ordinal);
        var questions = EvalSetReader.Read(output);
        Assert.Equal(["fb-700", "fb-701"], questions.Select(q => q.Id));
        Assert.Equal(["002_04e0f95e4107c13c.txt"], questions[0].Sources);
    }

    [Fact]
    public async Task Eval_FromFeedbackMissingFile_ExitCode1NamingTheFile()
    {
        // Arrange
        var missing = _directory.Combine("no-feedback.jsonl");
        using var console = new ConsoleCapture();

        // Act
        var exitCode = await InvokeAsync("eval", "--from-feedback", missing, "--out", _directory.Combine("out.jsonl"));

        // Assert
        Assert.Equal(ExitCodes.Error, exitCode);
        Assert.Contains(missing, console.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("eval")]
    [InlineData("eval", "--from-feedback", "f.jsonl")]
    [InlineData("eval", "--set", "s.jsonl", "--from-feedback", "f.jsonl", "--out", "o.jsonl")]
    public async Task Eval_NeitherOrBothModesOrNoOut_ExplainsTheUsage(params string[] args)
    {
        // Arrange
        using var console = new ConsoleCapture();

        // Act
        var exitCode = await InvokeAsync(args);

        // Assert
        Assert.NotEqual(ExitCodes.Success, exitCode);
        Assert.Contains("--from-feedback", console.Error, StringComparison.Ordinal);
    }

    private static string Line(string answerId, string vote, string voter) =>
        $$"""{"answer_id":"{{answerId}}","vote":"{{vote}}","voter":"{{voter}}","question":"By how much did Nvidia's share price rise in 2023?","answer":"By 239% [1].","refused":false,"sources":[{"path":"002_04e0f95e4107c13c.txt","start_line":4,"end_line":9,"title":"Nvidia"}],"voted_at":"2026-11-01T12:00:00+00:00"}""";

    private static Task<int> InvokeAsync(params string[] args) => QaBotCommandLine.Build().Parse(args).InvokeAsync();
}
