namespace QaBot.Evaluation.Tests;

/// <summary>Every metric worked out by hand on six constructed outcomes (see <see cref="EvalSample"/>).</summary>
public sealed class EvalMetricsCalculatorTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public void Compute_SampleSet_RetrievalMetricsOverAnswerableQuestions()
    {
        // Act
        var m = EvalMetricsCalculator.Compute(EvalSample.Outcomes());

        // Assert: answerable q1..q4 hit at ranks 1, 3, 3 and never.
        Assert.Equal(6, m.Questions);
        Assert.Equal(0.25, m.HitAt1!.Value, Tolerance);
        Assert.Equal(0.75, m.HitAt3!.Value, Tolerance);
        Assert.Equal(0.75, m.HitAt5!.Value, Tolerance);
        Assert.Equal((1 + 1 + 0.5 + 0) / 4, m.RecallAt5!.Value, Tolerance);
        Assert.Equal((1 + (1.0 / 3) + (1.0 / 3) + 0) / 4, m.Mrr!.Value, Tolerance);
    }

    [Fact]
    public void Compute_SampleSet_AnswerAndCitationMetrics()
    {
        // Act
        var m = EvalMetricsCalculator.Compute(EvalSample.Outcomes());

        // Assert: only q1's answer satisfies its groups; 2 of the 5 cited sources are expected ones.
        Assert.Equal(0.25, m.AnswerAccuracy!.Value, Tolerance);
        Assert.Equal(2.0 / 5, m.CitationPrecision!.Value, Tolerance);
    }

    [Fact]
    public void Compute_SampleSet_RefusalRatesOnTheirOwnGroups()
    {
        // Act
        var m = EvalMetricsCalculator.Compute(EvalSample.Outcomes());

        // Assert: q5 refused, q6 not (unanswerable); q4 refused (answerable).
        Assert.Equal(0.5, m.RefusalRate!.Value, Tolerance);
        Assert.Equal(0.25, m.FalseRefusalRate!.Value, Tolerance);
    }

    [Fact]
    public void Compute_SampleSet_NearestRankLatencyPercentiles()
    {
        // Act
        var m = EvalMetricsCalculator.Compute(EvalSample.Outcomes());

        // Assert: latencies 10..60 ms; p50 is the 3rd value, p95 the 6th.
        Assert.Equal(30, m.LatencyP50Ms);
        Assert.Equal(60, m.LatencyP95Ms);
    }

    [Fact]
    public void Report_SampleSet_MetricsPerKindWithNullsWhereAMetricDoesNotApply()
    {
        // Act
        var report = EvalMetricsCalculator.Report(EvalSample.Outcomes(), new Dictionary<string, string>());

        // Assert
        Assert.Equal(["factual", "crosslingual", "multi", "unanswerable"], report.ByKind.Keys);
        var factual = report.ByKind["factual"];
        Assert.Equal((2, 0.5, 0.5, 0.5, 1.0), (factual.Questions, factual.HitAt1, factual.AnswerAccuracy, factual.FalseRefusalRate, factual.CitationPrecision));
        Assert.Null(factual.RefusalRate);

        var multi = report.ByKind["multi"];
        Assert.Equal((1, 0.0, 1.0, 0.5), (multi.Questions, multi.HitAt1, multi.HitAt3, multi.RecallAt5));
        Assert.Equal(0.5, multi.CitationPrecision);

        var unanswerable = report.ByKind["unanswerable"];
        Assert.Equal((2, 0.5, 0.0), (unanswerable.Questions, unanswerable.RefusalRate, unanswerable.CitationPrecision));
        Assert.Null(unanswerable.HitAt1);
        Assert.Null(unanswerable.HitAt5);
        Assert.Null(unanswerable.RecallAt5);
        Assert.Null(unanswerable.Mrr);
        Assert.Null(unanswerable.AnswerAccuracy);
        Assert.Null(unanswerable.FalseRefusalRate);
        Assert.Equal((50, 60), (unanswerable.LatencyP50Ms, unanswerable.LatencyP95Ms));
        Assert.Equal(["q1", "q2", "q3", "q4", "q5", "q6"], report.Questions.Select(q => q.Question.Id));
    }

    [Fact]
    public void Report_KindWithoutQuestions_EveryMetricNull()
    {
        // Arrange
        var factualOnly = EvalSample.Outcomes().Where(o => o.Question.Kind == "factual").ToList();

        // Act
        var report = EvalMetricsCalculator.Report(factualOnly, new Dictionary<string, string>());

        // Assert
        var multi = report.ByKind["multi"];
        Assert.Equal(0, multi.Questions);
        Assert.All(
            new[] { multi.HitAt1, multi.HitAt3, multi.HitAt5, multi.RecallAt5, multi.Mrr, multi.AnswerAccuracy, multi.CitationPrecision, multi.RefusalRate, multi.FalseRefusalRate, multi.LatencyP50Ms, multi.LatencyP95Ms },
            Assert.Null);
    }

    [Fact]
    public void Report_UnknownKind_GetsItsOwnGroup()
    {
        // Arrange
        var outcome = EvalSample.Outcome(EvalSample.Question("x1", "temporal", ["a.txt"], [["2024"]]), ["a.txt"], ["a.txt"], false, "In 2024 [1].", 5);

        // Act
        var report = EvalMetricsCalculator.Report([outcome], new Dictionary<string, string>());

        // Assert
        Assert.Equal(1.0, report.ByKind["temporal"].AnswerAccuracy);
        Assert.Equal(0, report.ByKind["factual"].Questions);
    }

    [Fact]
    public void Compute_NothingCited_CitationPrecisionNull()
    {
        // Arrange
        var outcome = EvalSample.Outcome(EvalSample.Question("x1", "factual", ["a.txt"], [["x"]]), ["a.txt"], [], true, "refused", 1);

        // Act
        var m = EvalMetricsCalculator.Compute([outcome]);

        // Assert
        Assert.Null(m.CitationPrecision);
        Assert.Equal(1.0, m.FalseRefusalRate);
        Assert.Equal(0.0, m.AnswerAccuracy);
    }

    [Theory]
    [InlineData(new[] { "b", "a", "c" }, new[] { "a" }, 2)]
    [InlineData(new[] { "a", "a" }, new[] { "a" }, 1)]
    [InlineData(new[] { "b", "c" }, new[] { "a" }, null)]
    [InlineData(new string[0], new[] { "a" }, null)]
    [InlineData(new[] { "b", "d", "c" }, new[] { "c", "d" }, 2)]
    public void FirstHitRank_RetrievedSources_OneBasedRankOfTheFirstExpected(string[] retrieved, string[] expected, int? rank)
    {
        // Act / Assert
        Assert.Equal(rank, EvalMetricsCalculator.FirstHitRank(retrieved, expected));
    }

    [Theory]
    [InlineData(new double[0], 0.5, 0)]
    [InlineData(new double[] { 7 }, 0.95, 7)]
    [InlineData(new double[] { 5, 4, 3, 2, 1 }, 0.5, 3)]
    [InlineData(new double[] { 5, 4, 3, 2, 1 }, 0.7, 4)]
    [InlineData(new double[] { 4, 1, 3, 2 }, 0.5, 2)]
    [InlineData(new double[] { 4, 1, 3, 2 }, 0.95, 4)]
    [InlineData(new double[] { 10, 20, 30, 40, 50, 60, 70, 80, 90, 100 }, 0.95, 100)]
    [InlineData(new double[] { 10, 20, 30, 40, 50, 60, 70, 80, 90, 100 }, 0.5, 50)]
    [InlineData(new double[] { 10, 20, 30, 40, 50, 60, 70, 80, 90, 100 }, 0.0, 10)]
    public void Percentile_Values_NearestRank(double[] values, double fraction, double expected)
    {
        // Act / Assert
        Assert.Equal(expected, EvalMetricsCalculator.Percentile(values, fraction));
    }

    [Theory]
    [InlineData("There are 220,000 enterprises.", false, true)]
    [InlineData("There are 220000 ENTERPRISES.", false, true)]
    [InlineData("There are 22万 enterprises.", false, false)]
    [InlineData("There are 220,000 firms.", false, false)]
    [InlineData("There are 220,000 enterprises.", true, false)]
    public void AnswerIsCorrect_EveryGroupNeedsOneAlternativeAndRefusalsNeverCount(string answer, bool refused, bool expected)
    {
        // Arrange
        var question = EvalSample.Question("x", "factual", ["a.txt"], [["220,000", "220000"], ["enterprises"]]);

        // Act
        var outcome = EvalSample.Outcome(question, ["a.txt"], ["a.txt"], refused, answer, 1);

        // Assert
        Assert.Equal(expected, outcome.AnswerIsCorrect);
    }

    [Fact]
    public void Compute_QuestionWithSourcesButNoAnswerGroups_FileLevelMetricsOnly()
    {
        // Arrange: a reviewed question from Discord (sources, no answer_any) beside one with groups.
        var reviewed = EvalSample.Outcome(EvalSample.Question("r1", "factual", ["A"], []), ["A"], ["A"], false, "Anything at all [1].", 10);
        var graded = EvalSample.Outcome(EvalSample.Question("g1", "factual", ["B"], [["42"]]), ["C", "B"], ["C"], false, "It is 7 [1].", 20);

        // Act
        var m = EvalMetricsCalculator.Compute([reviewed, graded]);

        // Assert
        Assert.Null(reviewed.AnswerIsCorrect);
        Assert.Equal((0.5, 1.0, 0.75), (m.HitAt1, m.HitAt3, m.Mrr));
        Assert.Equal(0.0, m.AnswerAccuracy);
        Assert.Equal(0.0, m.EvidenceAt5);
        Assert.Equal(0.0, m.FalseRefusalRate);
        Assert.Null(EvalMetricsCalculator.Compute([reviewed]).AnswerAccuracy);
    }

    [Fact]
    public void Compute_EvidenceSample_EvidenceMetricsOverQuestionsWithGroupsRefusedOrNot()
    {
        // Act
        var m = EvalMetricsCalculator.Compute(EvidenceSample.Outcomes());

        // Assert: e1, e2 (refused) and e3 have groups; evidence ranks 1, 4 and none.
        Assert.Equal(1.0 / 3, m.EvidenceAt1!.Value, Tolerance);
        Assert.Equal(1.0 / 3, m.EvidenceAt3!.Value, Tolerance);
        Assert.Equal(2.0 / 3, m.EvidenceAt5!.Value, Tolerance);
        Assert.Equal((1 + 0.25 + 0) / 3, m.EvidenceMrr!.Value, Tolerance);
    }

    [Fact]
    public void Report_EvidenceSample_MetricsPerLanguageDirectionInOrdinalOrder()
    {
        // Act
        var report = EvalMetricsCalculator.Report(EvidenceSample.Outcomes(), new Dictionary<string, string>());

        // Assert
        Assert.Equal(["de→zh", "en→de", "en→none"], report.ByDirection.Keys);
        var enDe = report.ByDirection["en→de"];
        Assert.Equal((3, 0.5, 1.0, 1.0 / 3), (enDe.Questions, enDe.EvidenceAt1!.Value, enDe.EvidenceAt5!.Value, enDe.FalseRefusalRate!.Value));
        Assert.Equal(0.0, report.ByDirection["de→zh"].EvidenceAt5);
        var enNone = report.ByDirection["en→none"];
        Assert.Null(enNone.EvidenceAt1);
        Assert.Equal(1.0, enNone.RefusalRate);
        Assert.Null(report.ByKind["unanswerable"].EvidenceMrr);
    }

    [Fact]
    public void Compute_RelativeAndBareSourcePaths_HitsRecallAndCitationsMatchEitherSpelling()
    {
        // Arrange: the question names a subfolder file one way, the index another; a demo-style bare name at the root.
        var nested = EvalSample.Outcome(EvalSample.Question("p1", "factual", ["./maint-guide/dreq.de.html"], [["x"]]), ["maint-guide/start.en.html", "maint-guide/dreq.de.html"], ["maint-guide/dreq.de.html"], false, "x [1].", 1);
        var bare = EvalSample.Outcome(EvalSample.Question("p2", "factual", ["000_a.txt"], [["y"]]), ["000_a.txt"], ["000_a.txt"], false, "y [1].", 2);

        // Act
        var m = EvalMetricsCalculator.Compute([nested, bare]);

        // Assert
        Assert.Equal((2, 1), (nested.HitRank, bare.HitRank));
        Assert.Equal(1.0, m.RecallAt5);
        Assert.Equal(1.0, m.CitationPrecision);
    }
    [Fact]
    public void Compute_ExtractiveAndModelAnswers_MedianQuotedSentencesAndShareOfModelSentencesVerified()
    {
        // Arrange: quoted 1, 3 and 2 sentences (a refusal's 0 does not count); a model checked 4 sentences, 3 verified.
        var outcomes = EvalSample.Outcomes();
        outcomes =
        [
            outcomes[0] with { QuotedSentences = 1 },
            outcomes[1] with { QuotedSentences = 3 },
            outcomes[2] with { QuotedSentences = 2, CheckedSentences = 3, VerifiedSentences = 3 },
            outcomes[3],
            outcomes[4],
            outcomes[5] with { CheckedSentences = 1, VerifiedSentences = 0 },
        ];

        // Act
        var metrics = EvalMetricsCalculator.Compute(outcomes);

        // Assert
        Assert.Equal(2, metrics.AnswerSentencesP50);
        Assert.Equal(0.75, metrics.ModelSentencesVerified);
    }

    [Fact]
    public void Compute_NoModelSentences_VerifiedShareDoesNotApply()
    {
        Assert.Null(EvalMetricsCalculator.Compute(EvalSample.Outcomes()).ModelSentencesVerified);
    }
}
