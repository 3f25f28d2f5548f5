using QaBot.Core;
using QaBot.Evaluation.Feedback;
using QaBot.Testing;

namespace QaBot.Evaluation.Tests.Feedback;

public sealed class FeedbackFilesTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task RecordVoteAsync_TwoVotes_AppendsLinesTheFeedbackReaderReads()
    {
        // Arrange
        using var files = Files();
        var citation = new Citation(1, "guides/ingest.md", 3, 9, "Ingesting");

        // Act
        await files.RecordVoteAsync(new AnswerVote("a1", FeedbackVote.Up, "v1", "How?", "Like this [1].", false, [citation], At), CancellationToken.None);
        await files.RecordVoteAsync(new AnswerVote("a1", FeedbackVote.Down, "v1", "How?", "Like this [1].", false, [citation], At), CancellationToken.None);

        // Assert
        var entries = FeedbackReader.Read(files.VotesPath);
        Assert.Equal([FeedbackVote.Up, FeedbackVote.Down], entries.Select(e => e.Vote));
        Assert.Equal(new FeedbackSource("guides/ingest.md", 3, 9, "Ingesting"), Assert.Single(entries[0].Sources));
        Assert.Contains("\"vote\":\"down\"", File.ReadAllLines(files.VotesPath)[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordReviewAsync_SameAnswerTwice_ReplacesItsLineAndKeepsTheOthers()
    {
        // Arrange
        using var files = Files();
        await files.RecordReviewAsync(Review("a1", ["a.md"]), CancellationToken.None);
        await files.RecordReviewAsync(Review("a2", []), CancellationToken.None);

        // Act
        await files.RecordReviewAsync(Review("a1", ["b.md", "c.md"]), CancellationToken.None);

        // Assert
        var questions = EvalSetReader.Read(files.ReviewedPath);
        Assert.Equal(["fb-a1", "fb-a2"], questions.Select(q => q.Id));
        Assert.Equal(["b.md", "c.md"], questions[0].Sources);
        Assert.Equal("multi", questions[0].Kind);
        Assert.Equal((0, "unanswerable"), (questions[1].Sources.Count, questions[1].Kind));
        Assert.All(questions, q => Assert.Empty(q.AnswerAny));
        Assert.All(File.ReadAllLines(files.ReviewedPath), line => Assert.Contains("\"status\":\"reviewed\"", line, StringComparison.Ordinal));
        Assert.False(File.Exists(files.ReviewedPath + ".tmp"));
    }

    [Fact]
    public async Task RecordReviewAsync_OneSource_FactualInTheQuestionsLanguageWithVotesAndAnswer()
    {
        // Arrange
        using var files = Files();

        // Act
        await files.RecordReviewAsync(Review("a3", ["de/handbuch.md"], question: "Wie installiere ich das Paket auf dem Server?"), CancellationToken.None);

        // Assert
        var line = File.ReadAllText(files.ReviewedPath);
        Assert.Contains("\"lang\":\"de\"", line, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"factual\"", line, StringComparison.Ordinal);
        Assert.Contains("\"votes_up\":1,\"votes_down\":2", line, StringComparison.Ordinal);
        Assert.Contains("\"bot_answer\":\"The bot's answer.\"", line.Replace("\\u0027", "'", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private FeedbackFiles Files() =>
        new(Path.Combine(_directory.Path, "votes", "feedback.jsonl"), Path.Combine(_directory.Path, "reviewed", "reviewed.jsonl"));

    private static ReviewedAnswer Review(string answerId, IReadOnlyList<string> sources, string question = "How do I install it?") =>
        new(answerId, question, "The bot's answer.", sources, 1, 2, At);
}
