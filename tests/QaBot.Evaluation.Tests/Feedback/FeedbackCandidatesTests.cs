using QaBot.Core;
using QaBot.Evaluation.Feedback;
using QaBot.Testing;

namespace QaBot.Evaluation.Tests.Feedback;

public sealed class FeedbackCandidatesTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Build_SameVoterVotesTwice_OnlyTheLastVoteCounts()
    {
        // Arrange
        var entries = new[]
        {
            Vote("a1", FeedbackVote.Down, "voter-1", minutes: 0),
            Vote("a1", FeedbackVote.Up, "voter-1", minutes: 1),
        };

        // Act
        var candidate = Assert.Single(FeedbackCandidates.Build(entries));

        // Assert
        Assert.Equal((1, 0, FeedbackCandidate.Confirmed), (candidate.VotesUp, candidate.VotesDown, candidate.Status));
    }

    [Fact]
    public void Build_UpVotedAnswer_BecomesConfirmedCandidateWithDistinctCitedFiles()
    {
        // Arrange
        var entries = new[]
        {
            Vote("a1", FeedbackVote.Up, "voter-1", sources: [Source("002_x.txt", 1, 4), Source("002_x.txt", 9, 12), Source("004_y.txt", 3, 5)]),
            Vote("a1", FeedbackVote.Up, "voter-2"),
            Vote("a2", FeedbackVote.Up, "voter-1", question: "Wie hoch waren die Trainingskosten für das Modell?", sources: [Source("000_z.txt", 2, 3)]),
        };

        // Act
        var candidates = FeedbackCandidates.Build(entries);

        // Assert
        var multi = Assert.Single(candidates, c => c.Id == "fb-a1");
        Assert.Equal(["002_x.txt", "004_y.txt"], multi.Sources);
        Assert.Equal(("multi", "en", 2, FeedbackCandidate.Confirmed), (multi.Kind, multi.Language, multi.VotesUp, multi.Status));
        Assert.Empty(multi.AnswerAny);
        var german = Assert.Single(candidates, c => c.Id == "fb-a2");
        Assert.Equal(("factual", "de"), (german.Kind, german.Language));
    }

    [Fact]
    public void Build_DownVotedOrTied_NeedsReviewAndComesAfterConfirmed()
    {
        // Arrange
        var entries = new[]
        {
            Vote("bad", FeedbackVote.Down, "voter-1"),
            Vote("tied", FeedbackVote.Up, "voter-1"),
            Vote("tied", FeedbackVote.Down, "voter-2"),
            Vote("good", FeedbackVote.Up, "voter-1"),
        };

        // Act
        var candidates = FeedbackCandidates.Build(entries);

        // Assert
        Assert.Equal(["fb-good", "fb-bad", "fb-tied"], candidates.Select(c => c.Id));
        Assert.All(candidates.Skip(1), c => Assert.Equal(FeedbackCandidate.NeedsReview, c.Status));
    }

    [Fact]
    public void Build_RefusedAnswerUpVoted_IsUnanswerableWithoutSources()
    {
        // Arrange
        var entries = new[] { Vote("r", FeedbackVote.Up, "voter-1", refused: true, sources: [Source("001_a.txt", 1, 2)]) };

        // Act
        var candidate = Assert.Single(FeedbackCandidates.Build(entries));

        // Assert
        Assert.Equal("unanswerable", candidate.Kind);
        Assert.Empty(candidate.Sources);
    }

    [Fact]
    public async Task WriteAsync_Candidates_ReadBackAsAnEvalSet()
    {
        // Arrange
        var log = _directory.Combine("data", "feedback.jsonl");
        using (var feedback = new FeedbackFiles(log, _directory.Combine("data", "reviewed.jsonl")))
        {
            var cited = new Citation(1, "002_x.txt", 1, 4, "Title");
            await feedback.RecordVoteAsync(new AnswerVote("a1", FeedbackVote.Up, "voter-1", "Q1?", "A [1].", false, [cited], Start), CancellationToken.None);
            await feedback.RecordVoteAsync(new AnswerVote("a2", FeedbackVote.Down, "voter-1", "Q2?", "A [1].", false, [cited], Start), CancellationToken.None);
        }

        var output = _directory.Combine("candidates.jsonl");

        // Act
        var written = await FeedbackCandidates.WriteAsync(FeedbackCandidates.Build(FeedbackReader.Read(log)), output, CancellationToken.None);
        var questions = EvalSetReader.Read(output);

        // Assert
        Assert.Equal(2, written);
        Assert.Equal(["fb-a1", "fb-a2"], questions.Select(q => q.Id));
        Assert.Equal(["002_x.txt"], questions[0].Sources);
        Assert.Contains("\"status\":\"needs_review\"", File.ReadAllLines(output)[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadLine_ThrowsNamingFileAndLine()
    {
        // Arrange
        var path = _directory.WriteFile("feedback.jsonl", "\n{\"answer_id\":\"a\"\n");

        // Act
        var error = Assert.Throws<InvalidDataException>(() => FeedbackReader.Read(path));

        // Assert
        Assert.StartsWith($"{path}:2:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingFile_NamesTheFileAndTheSetting()
    {
        // Act
        var error = Assert.Throws<FileNotFoundException>(() => FeedbackReader.Read(_directory.Combine("none.jsonl")));

        // Assert
        Assert.Contains("none.jsonl", error.Message, StringComparison.Ordinal);
        Assert.Contains("DiscordBot:FeedbackFile", error.Message, StringComparison.Ordinal);
    }

    private static FeedbackSource Source(string path, int start, int end) => new(path, start, end, "Title");

    private static FeedbackEntry Vote(
        string answerId,
        FeedbackVote vote,
        string voter,
        int minutes = 0,
        string question = "How much did the share price rise?",
        bool refused = false,
        FeedbackSource[]? sources = null) =>
        new(answerId, vote, voter, question, "The answer [1].", refused, sources ?? [Source("002_x.txt", 1, 4)], Start.AddMinutes(minutes));
}
