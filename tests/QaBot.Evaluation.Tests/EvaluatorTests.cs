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
        await new Evaluator(answers, new FixedSourceLanguages()).RunAsync(questions, new Dictionary<string, string>(), CancellationToken.None);

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
        var report = await new Evaluator(answers, new FixedSourceLanguages()).RunAsync(questions, settings, CancellationToken.None);

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
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new Evaluator(new ScriptedAnswerService(), new FixedSourceLanguages()).RunAsync(questions, new Dictionary<string, string>(), cancellation.Token));
    }

    [Fact]
    public async Task RunAsync_RefusedAnswerWithAnsweringPassage_EvidenceRankAndDirectionFromThatPassage()
    {
        // Arrange: refused, yet the second passage holds the answer (evidence is about retrieval).
        var answers = new ScriptedAnswerService
        {
            ["Question q1?"] = AnswerFrom(refused: true, ("maint-guide/start.en.html", "en", "Nothing here."), ("maint-guide/upload.zh-tw.html", "zh", "對於 dpkg-buildpackage 命令：$ dpkg-buildpackage -sa")),
        };
        var questions = new[] { EvalSample.Question("q1", "crosslingual", ["maint-guide/upload.zh-tw.html"], [["-sa"]]) };

        // Act
        var report = await new Evaluator(answers, new FixedSourceLanguages()).RunAsync(questions, new Dictionary<string, string>(), CancellationToken.None);

        // Assert
        var q1 = Assert.Single(report.Questions);
        Assert.Equal((2, 2, "en→zh"), (q1.EvidenceRank, q1.HitRank, q1.Direction));
        Assert.False(q1.AnswerIsCorrect);
        Assert.Equal((0.0, 1.0, 0.5), (report.Overall.EvidenceAt1!.Value, report.Overall.EvidenceAt3!.Value, report.Overall.EvidenceMrr!.Value));
        Assert.Equal(["en→zh"], report.ByDirection.Keys);
    }

    [Fact]
    public async Task RunAsync_NoEvidenceButExpectedSourceRetrieved_DirectionFromItsChunk()
    {
        // Arrange
        var answers = new ScriptedAnswerService
        {
            ["Question q1?"] = AnswerFrom(refused: false, ("developers-reference/en/pkgs.html", "en", "Unrelated."), ("developers-reference/de/l10n.html", "de", "Auch unpassend.")),
        };
        var questions = new[] { EvalSample.Question("q1", "crosslingual", ["developers-reference/de/l10n.html"], [["po-debconf"]]) };

        // Act
        var report = await new Evaluator(answers, new FixedSourceLanguages()).RunAsync(questions, new Dictionary<string, string>(), CancellationToken.None);

        // Assert
        var q1 = Assert.Single(report.Questions);
        Assert.Equal((null, 2, "en→de"), (q1.EvidenceRank, q1.HitRank, q1.Direction));
        Assert.Equal(0.0, report.Overall.EvidenceAt5);
    }

    [Fact]
    public async Task RunAsync_ExpectedSourceNotRetrieved_DirectionFromTheIndexedSourceLanguage()
    {
        // Arrange
        var answers = new ScriptedAnswerService
        {
            ["Question q1?"] = AnswerFrom(refused: false, ("maint-guide/start.en.html", "en", "Unrelated.")),
        };
        var languages = new FixedSourceLanguages { ["maint-guide/first.de.html"] = "de" };
        var questions = new[] { EvalSample.Question("q1", "crosslingual", ["maint-guide/first.de.html"], [["--addmissing"]]) };

        // Act
        var report = await new Evaluator(answers, languages).RunAsync(questions, new Dictionary<string, string>(), CancellationToken.None);

        // Assert
        Assert.Equal("en→de", Assert.Single(report.Questions).Direction);
    }

    [Fact]
    public async Task RunAsync_UnanswerableQuestion_DirectionToNoneAndNoEvidenceMetric()
    {
        // Arrange
        var answers = new ScriptedAnswerService
        {
            ["Question q1?"] = AnswerFrom(refused: true, ("maint-guide/start.en.html", "en", "Debian 14 is not named here.")),
        };
        var questions = new[] { EvalSample.Question("q1", "unanswerable", [], []) };

        // Act
        var report = await new Evaluator(answers, new FixedSourceLanguages()).RunAsync(questions, new Dictionary<string, string>(), CancellationToken.None);

        // Assert
        Assert.Equal(("en→none", (int?)null), (report.Questions[0].Direction, report.Questions[0].EvidenceRank));
        Assert.Null(report.Overall.EvidenceAt1);
        Assert.Equal(1.0, report.ByDirection["en→none"].RefusalRate);
    }

    [Fact]
    public async Task RunAsync_TraditionalPassageSimplifiedAnswerString_CountsAsEvidenceAndCorrect()
    {
        // Arrange
        var answers = new ScriptedAnswerService
        {
            ["Question q1?"] = AnswerFrom(refused: false, ("maint-guide/dreq.zh-tw.html", "zh", "請避免使用逗號、“&”符號或括號。")) with { Text = "請避免使用逗號 [1]。" },
        };
        var questions = new[] { EvalSample.Question("q1", "factual", ["maint-guide/dreq.zh-tw.html"], [["避免使用逗号"]]) };

        // Act
        var report = await new Evaluator(answers, new FixedSourceLanguages()).RunAsync(questions, new Dictionary<string, string>(), CancellationToken.None);

        // Assert
        var q1 = Assert.Single(report.Questions);
        Assert.Equal(1, q1.EvidenceRank);
        Assert.True(q1.AnswerIsCorrect);
    }

    [Fact]
    public async Task RunAsync_MultiQuestionAnsweredByTwoPassages_EvidenceWhereTheyTogetherSatisfyEveryGroup()
    {
        // Arrange: passage 2 holds one group, passage 3 the other; passage 1 neither.
        var answers = new ScriptedAnswerService
        {
            ["Question q1?"] = AnswerFrom(
                refused: false,
                ("developers-reference/en/pkgs.html", "en", "Unrelated."),
                ("maint-guide/first.de.html", "de", "den Befehl wnpp-alert aus dem Paket devscripts"),
                ("developers-reference/en/beyond-pkging.html", "en", "can be queried with the mia-query tool")),
        };
        var questions = new[] { EvalSample.Question("q1", "multi", ["maint-guide/first.de.html", "developers-reference/en/beyond-pkging.html"], [["wnpp-alert"], ["mia-query"]]) };

        // Act
        var report = await new Evaluator(answers, new FixedSourceLanguages()).RunAsync(questions, new Dictionary<string, string>(), CancellationToken.None);

        // Assert: the direction is that of the first passage holding part of the answer.
        var q1 = Assert.Single(report.Questions);
        Assert.Equal((3, "en→de"), (q1.EvidenceRank, q1.Direction));
        Assert.Equal((0.0, 1.0), (report.Overall.EvidenceAt1!.Value, report.Overall.EvidenceAt3!.Value));
    }

    [Fact]
    public async Task RunAsync_FactualQuestionWhoseGroupsAreSpreadOverTwoPassages_NoEvidence()
    {
        // Arrange: outside multi questions one passage must hold the whole answer.
        var answers = new ScriptedAnswerService
        {
            ["Question q1?"] = AnswerFrom(refused: false, ("a.html", "en", "at least 2048 bit"), ("b.html", "en", "4096 bit are preferred")),
        };
        var questions = new[] { EvalSample.Question("q1", "factual", ["a.html"], [["2048"], ["4096"]]) };

        // Act
        var report = await new Evaluator(answers, new FixedSourceLanguages()).RunAsync(questions, new Dictionary<string, string>(), CancellationToken.None);

        // Assert
        Assert.Null(Assert.Single(report.Questions).EvidenceRank);
    }

    private static Answer AnswerFrom(bool refused, params (string Source, string Language, string Text)[] retrieved)
    {
        var passages = retrieved.Select((p, i) => new RetrievedPassage(new Chunk(p.Source, i, "T", null, null, 1, 2, p.Language, p.Text), i + 1, 1.0 / (i + 1), [])).ToList();
        var retrieval = new RetrievalResult(passages, new RetrievalEvidence(3, 0.5, 1, [], []), !refused, [], TimeSpan.Zero);
        return new Answer(refused ? "Not covered." : "An answer [1].", [], refused, retrieval, "fake", TimeSpan.Zero);
    }

    /// <summary>Source languages from a table; any other source is unknown.</summary>
    private sealed class FixedSourceLanguages : Dictionary<string, string>, ISourceLanguageLookup
    {
        public Task<string?> FindAsync(string sourcePath, CancellationToken cancellationToken) =>
            Task.FromResult(TryGetValue(sourcePath, out var language) ? language : null);
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
