using Microsoft.Extensions.Options;
using QaBot.Core;
using QaBot.Retrieval.Answerability;

namespace QaBot.Retrieval.Tests.Answerability;

public sealed class AnswerabilityGateTests
{
    private static readonly QuestionConcepts Concepts = new(
        new Dictionary<string, IReadOnlyList<IReadOnlyList<string>>>
        {
            ["kernel"] = [["kernel"]],
            ["module"] = [["module"], ["modul"]],
            ["signing"] = [["signing"]],
        },
        new Dictionary<string, double> { ["kernel"] = 1.0, ["module"] = 1.5, ["signing"] = 4.0 });

    private static GateCandidate Candidate(string text, double score, params string[] terms) =>
        new(new Chunk("a.txt", 0, "a", null, null, 1, 1, "en", text), [.. terms], score, new Dictionary<string, int> { ["original"] = 1 });

    // Every feature counts against or for answerability with unit weight: the tests check the mechanics, not the fitted coefficients.
    private static readonly AnswerabilityModel UnitModel = new(-2, new Dictionary<string, double>
    {
        [GateFeature.BestCoverage] = 1,
        [GateFeature.JointCoverage] = 1,
        [GateFeature.RareMissing] = -1,
        [GateFeature.TypeMissing] = -1,
        [GateFeature.Agreement] = 1,
        [GateFeature.Margin] = 1,
    });

    private static AnswerabilityGate Gate(double threshold = 0.5) =>
        new(Options.Create(new RetrievalOptions { AnswerabilityThreshold = threshold })) { Model = UnitModel };

    [Fact]
    public void Assess_PassagesHoldingEveryConcept_ScoreAboveOnesMissingTheRarest()
    {
        var full = Gate().Assess("How does kernel module signing work?", Concepts, [Candidate("Kernel module signing uses keys.", 1.1, "kernel", "module", "signing")], ["original"]);
        var nearMiss = Gate().Assess("How does kernel module signing work?", Concepts, [Candidate("Kernel modules load at boot.", 1.1, "kernel", "module")], ["original"]);

        Assert.True(full.Probability > nearMiss.Probability);
        Assert.Equal(0, full.Features[GateFeature.RareMissing]);
        Assert.Equal(1, nearMiss.Features[GateFeature.RareMissing]);
    }

    [Fact]
    public void Assess_TwoPassagesTogetherCoverTheQuestion_JointCoverageIsFull()
    {
        var verdict = Gate().Assess(
            "kernel module signing",
            Concepts,
            [Candidate("Kernel modules.", 1.0, "kernel", "module"), Candidate("Signing needs a key.", 0.9, "signing")],
            ["original"]);

        Assert.Equal(1.0, verdict.Features[GateFeature.JointCoverage], 6);
        Assert.True(verdict.Features[GateFeature.BestCoverage] < 0.5);
        Assert.Empty(verdict.Joint.Missing);
    }

    [Fact]
    public void Assess_HowManyQuestionWithoutNumberInPassages_MarksTypeMissing()
    {
        var withNumber = Gate().Assess("How many kernel modules need signing?", Concepts, [Candidate("42 kernel modules need signing.", 1, "kernel", "module", "signing")], ["original"]);
        var withoutNumber = Gate().Assess("How many kernel modules need signing?", Concepts, [Candidate("Some kernel modules need signing.", 1, "kernel", "module", "signing")], ["original"]);

        Assert.Equal(0, withNumber.Features[GateFeature.TypeMissing]);
        Assert.Equal(1, withoutNumber.Features[GateFeature.TypeMissing]);
        Assert.True(withNumber.Probability > withoutNumber.Probability);
    }

    [Fact]
    public void Assess_ThresholdBetweenProbabilities_DecidesAnswerability()
    {
        var candidates = new[] { Candidate("Kernel module signing uses keys.", 1.1, "kernel", "module", "signing") };
        var probability = Gate().Assess("kernel module signing", Concepts, candidates, ["original"]).Probability;

        Assert.True(Gate(probability - 0.01).Assess("kernel module signing", Concepts, candidates, ["original"]).IsAnswerable);
        Assert.False(Gate(Math.Min(1, probability + 0.01)).Assess("kernel module signing", Concepts, candidates, ["original"]).IsAnswerable);
    }

    [Fact]
    public void Assess_NoCandidates_IsNotAnswerable()
    {
        var verdict = Gate(0).Assess("kernel module signing", Concepts, [], ["original"]);

        Assert.False(verdict.IsAnswerable);
        Assert.Equal(0, verdict.Probability);
    }

    [Fact]
    public void Assess_LegsDisagreeOnBestPassage_AgreementIsTheirShare()
    {
        var candidate = new GateCandidate(new Chunk("a.txt", 0, "a", null, null, 1, 1, "en", "x"), ["kernel"], 1, new Dictionary<string, int> { ["original"] = 1, ["dictionary:de"] = 9 });

        var verdict = Gate().Assess("kernel", Concepts, [candidate], ["original", "dictionary:de"]);

        Assert.Equal(0.5, verdict.Features[GateFeature.Agreement], 6);
    }

    [Theory]
    [InlineData(true, 0)]
    [InlineData(false, 1)]
    public void Assess_NumberAskedAndBestSentencesHoldNone_TypeMissingEvenWhenTheTextHasDigits(bool sentenceHolds, double expected)
    {
        var candidate = new GateCandidate(new Chunk("a.txt", 0, "a", null, null, 1, 1, "en", "Section 4.2: the kernel holds many modules."), ["kernel"], 1, new Dictionary<string, int> { ["original"] = 1 })
        {
            BestSentenceHoldsAskedType = sentenceHolds,
        };

        var verdict = Gate().Assess("How many modules does the kernel hold?", Concepts, [candidate], ["original"]);

        Assert.Equal(expected, verdict.Features[GateFeature.TypeMissing]);
    }

    [Fact]
    public void Probability_DefaultModel_IsMonotoneInCoverage()
    {
        var low = new Dictionary<string, double> { [GateFeature.BestCoverage] = 0.2, [GateFeature.JointCoverage] = 0.2 };
        var high = new Dictionary<string, double> { [GateFeature.BestCoverage] = 0.9, [GateFeature.JointCoverage] = 0.9 };

        Assert.True(AnswerabilityModel.Default.Probability(high) > AnswerabilityModel.Default.Probability(low));
    }
}
