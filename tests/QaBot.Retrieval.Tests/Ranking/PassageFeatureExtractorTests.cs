using QaBot.Analysis;
using QaBot.Core;
using QaBot.Retrieval.Answerability;
using QaBot.Retrieval.Ranking;

namespace QaBot.Retrieval.Tests.Ranking;

public sealed class PassageFeatureExtractorTests
{
    private readonly CoverageAssessor _assessor = new(TextAnalyzer.Default, LanguageTags.Default);
    private readonly PassageFeatureExtractor _extractor = new(TextAnalyzer.Default);

    private static Chunk Passage(string text, params string[] headings) =>
        new("a.txt", 0, "t", null, null, 1, 1, "en", text) { HeadingPath = headings };

    private static CandidateLegs Legs(params (string Leg, int Rank, double Score, double Top)[] legs) => new(0.5, 1.0, legs);

    private QuestionConcepts Concepts(params string[] words)
    {
        var terms = TextAnalyzer.Default.AnalyzeQuery(string.Join(' ', words), "en");
        var (forms, _) = _assessor.Forms(terms, "en", []);
        return CoverageAssessor.Weigh(forms, terms.ToDictionary(t => t, _ => 1), chunkCount: 10);
    }

    private IReadOnlyDictionary<string, double> Extract(QuestionConcepts concepts, Chunk chunk, CandidateLegs legs, AnswerType type = AnswerType.Open)
    {
        var terms = _assessor.Analyze(chunk);
        return _extractor.Extract(concepts, type, chunk, terms, CoverageAssessor.Measure(concepts, terms.All), legs);
    }

    [Fact]
    public void Extract_ConceptsSpreadOverSentences_SentenceCoverageBelowPassageCoverage()
    {
        var concepts = Concepts("kernel", "module");
        var spread = Extract(concepts, Passage("The kernel starts first. Later a module loads."), Legs(("original", 1, 2, 2)));
        var together = Extract(concepts, Passage("The kernel loads a module. Then it waits."), Legs(("original", 1, 2, 2)));

        Assert.Equal(1.0, spread[RankFeature.Coverage], precision: 6);
        Assert.Equal(0.5, spread[RankFeature.SentenceCoverage], precision: 6);
        Assert.Equal(1.0, together[RankFeature.SentenceCoverage], precision: 6);
    }

    [Fact]
    public void Extract_ConceptOnlyInHeading_CountsAsHeadingGain()
    {
        var concepts = Concepts("kernel", "module");

        var features = Extract(concepts, Passage("The module loads late.", "Kernel"), Legs(("original", 1, 2, 2)));

        Assert.Equal(0.5, features[RankFeature.Coverage], precision: 6);
        Assert.Equal(0.5, features[RankFeature.HeadingCoverage], precision: 6);
    }

    [Fact]
    public void Extract_LegScores_AreRelativeToEachListsTop()
    {
        var concepts = Concepts("kernel");

        var features = Extract(concepts, Passage("The kernel."), Legs(("original", 4, 3, 12), ("dictionary:de", 2, 9, 10)));

        Assert.Equal(0.9, features[RankFeature.BestLegScore], precision: 6);
        Assert.Equal(0.25, features[RankFeature.OriginalScore], precision: 6);
        Assert.Equal(0.5, features[RankFeature.BestLegRank], precision: 6);
        Assert.Equal(0.5, features[RankFeature.Fused], precision: 6);
    }

    [Fact]
    public void Extract_AbsentFromTheOriginalList_OriginalScoreIsZero()
    {
        var features = Extract(Concepts("kernel"), Passage("The kernel."), Legs(("original", 0, 0, 12), ("dictionary:de", 1, 10, 10)));

        Assert.Equal(0, features[RankFeature.OriginalScore]);
        Assert.Equal(1, features[RankFeature.BestLegScore], precision: 6);
    }

    [Theory]
    [InlineData("The archive holds 600 packages. See section 4.", 0, 0)]
    [InlineData("The archive holds many packages. Mirrors vary. A mirror keeps 600 files.", 0, 1)]
    [InlineData("The archive holds many packages. There are 600 of them.", 0, 0)]
    [InlineData("The archive holds many packages. See section 4.", 1, 1)]
    public void Extract_NumberAsked_SentenceTypeMissingLooksAtTheSentenceHoldingTheQuestionAndTheNext(string text, double passageMissing, double sentenceMissing)
    {
        var features = Extract(Concepts("archive"), Passage(text), Legs(("original", 1, 1, 1)), AnswerType.Number);

        Assert.Equal(passageMissing, features[RankFeature.TypeMissing]);
        Assert.Equal(sentenceMissing, features[RankFeature.SentenceTypeMissing]);
    }

    [Theory]
    [InlineData("The archive holds 600 packages.", 0)]
    [InlineData("The archive holds many packages.", 1)]
    public void Extract_NumberAsked_TypeMissingWhenPassageHoldsNone(string text, double expected) =>
        Assert.Equal(expected, Extract(Concepts("archive"), Passage(text), Legs(("original", 1, 1, 1)), AnswerType.Number)[RankFeature.TypeMissing]);

    [Fact]
    public void Extract_RarestConceptMissing_RareMatchedBelowOne()
    {
        var terms = TextAnalyzer.Default.AnalyzeQuery("kernel initramfs", "en");
        var (forms, _) = _assessor.Forms(terms, "en", []);
        var concepts = CoverageAssessor.Weigh(forms, new Dictionary<string, int> { [terms[0]] = 8, [terms[1]] = 1 }, chunkCount: 10);

        var features = Extract(concepts, Passage("The kernel starts."), Legs(("original", 1, 1, 1)));

        Assert.InRange(features[RankFeature.RareMatched], 0.01, 0.99);
    }
}
