using QaBot.Core;

namespace QaBot.Evaluation.Tests;

public sealed class EvaluatorTests
{
    [Fact]
    public async Task RunAsync_Questions_EachAskedOnceInItsOwnConversationInOrder()
    {
        // Arrange
        var answers = new ScriptedAnswerService();
        var questions = new[] { EvalSample.Question("q1", "factual", ["a.txt"], [["x"]]), EvalSample.Question("q2", "factual", ["b.txt"], [["y"]]) };

        // Act
        await new Evaluator(answers).RunAsync(questions, new Dictionary<string, string>(), CancellationToken.None);

        // Assert
        Assert.Equal([new Question("Question q1?", "eval:q1"), new Question("Question q2?", "eval:q2")], answers.Asked);
    }

    [Fact]
    public async Task RunAsync_Answers_OutcomesFromRetrievalCitationsAndRefusal()
    {
        // Arrange
        var answers = new ScriptedAnswerService
        {
            ["Question q1?"] = Answer("There are 220,000 [1].", refused: false, coverage: 0.8, retrieved: ["b.txt", "a.txt", "a.txt"], cited: ["a.txt"]),
            ["Question q2?"] = Answer("Not covered.", refused: true, coverage: 0.1, retrieved: ["c.txt"], cited: []),
        };
        var questions = new[]
        {
            EvalSample.Question("q1", "factual", ["a.txt"], [["220,000"]]),
            EvalSample.Question("q2", "unanswerable", [], []),
        };
        var settings = new Dictionary<string, string> { ["k"] = "v" };

        // Act
        var report = await new Evaluator(answers).RunAsync(questions, settings, CancellationToken.None);

        // Assert
        var q1 = report.Questions[0];
        Assert.Equal(["b.txt", "a.txt", "a.txt"], q1.RetrievedSources);
        Assert.Equal(["a.txt"], q1.CitedSources);
        Assert.Equal((2, false, 0.8, "There are 220,000 [1]."), (q1.HitRank, q1.Refused, q1.Coverage, q1.Answer));
        Assert.True(q1.AnswerIsCorrect);
        Assert.True(q1.LatencyMs >= 0);
        var q2 = report.Questions[1];
        Assert.Equal((null, true), (q2.HitRank, q2.Refused));
        Assert.Equal(1.0, report.Overall.RefusalRate);
        Assert.Equal(0.5, report.Overall.Mrr);
        Assert.Equal(1.0, report.Overall.AnswerAccuracy);
        Assert.Same(settings, report.Settings);
    }

    [Fact]
    public async Task RunAsync_Cancelled_PassesTheTokenOn()
    {
        // Arrange
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        var questions = new[] { EvalSample.Question("q1", "factual", ["a.txt"], [["x"]]) };

        // Act / Assert
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new Evaluator(new ScriptedAnswerService()).RunAsync(questions, new Dictionary<string, string>(), cancellation.Token));
    }

    private static Answer Answer(string text, bool refused, double coverage, IReadOnlyList<string> retrieved, IReadOnlyList<string> cited)
    {
        var passages = retrieved.Select((source, i) => new RetrievedPassage(new Chunk(source, i, "T", null, null, 1, 2, "en", "text"), i + 1, 1.0 / (i + 1), [])).ToList();
        var retrieval = new RetrievalResult(passages, new RetrievalEvidence(3, coverage, 1, [], []), !refused, [], TimeSpan.Zero);
        var citations = cited.Select((source, i) => new Citation(i + 1, source, 1, 2, "T")).ToList();
        return new Answer(text, citations, refused, retrieval, "fake", TimeSpan.Zero);
    }

    /// <summary>Answers from a script keyed by question text; an unscripted question gets an empty refusal.</summary>
    private sealed class ScriptedAnswerService : Dictionary<string, Answer>, IAnswerService
    {
        public List<Question> Asked { get; } = [];

        public Task<Answer> AnswerAsync(Question question, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Asked.Add(question);
            return Task.FromResult(TryGetValue(question.Text, out var answer)
                ? answer
                : new Answer("Not covered.", [], true, RetrievalResult.Empty, "fake", TimeSpan.Zero));
        }
    }
}
