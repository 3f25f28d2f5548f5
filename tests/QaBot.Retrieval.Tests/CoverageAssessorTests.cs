using QaBot.Analysis;
using QaBot.Core;

namespace QaBot.Retrieval.Tests;

public class CoverageAssessorTests
{
    private readonly CoverageAssessor _assessor = new(TextAnalyzer.Default, LanguageTags.Default);

    private static Chunk Passage(string text, string language) => new("a.txt", 0, "t", null, null, 1, 1, language, text);

    [Fact]
    public void Measure_TranslationInPassage_CountsConceptAsMatched()
    {
        var translation = new QueryTranslation("zh", "无人机", [new TranslatedPhrase("drones", ["无人机"])]);
        var (forms, _) = _assessor.Forms(["drone", "china"], "en", [translation]);
        var concepts = CoverageAssessor.Weigh(forms, new Dictionary<string, int> { ["无人"] = 1, ["人机"] = 1, ["无人机"] = 1, ["china"] = 1 }, chunkCount: 10);

        var coverage = CoverageAssessor.Measure(concepts, _assessor.TermsOf(Passage("中国的无人机全球领先", "zh")));

        Assert.Equal(["drone"], coverage.Matched);
        Assert.Equal(["china"], coverage.Missing);
        Assert.Equal(0.5, coverage.Share, precision: 6);
    }

    [Fact]
    public void Weigh_RareConcept_WeighsMoreThanCommonOne()
    {
        var (forms, _) = _assessor.Forms(["ai", "nvidia"], "en", []);

        var concepts = CoverageAssessor.Weigh(forms, new Dictionary<string, int> { ["ai"] = 90, ["nvidia"] = 2 }, chunkCount: 100);

        Assert.True(concepts.Weights["nvidia"] > 5 * concepts.Weights["ai"]);
    }

    [Fact]
    public void Weigh_ConceptAbsentFromCollection_WeighsMoreThanRarestPresentOne()
    {
        var (forms, _) = _assessor.Forms(["australia", "capital"], "en", []);

        var concepts = CoverageAssessor.Weigh(forms, new Dictionary<string, int> { ["capital"] = 1 }, chunkCount: 100);

        Assert.True(concepts.Weights["australia"] > concepts.Weights["capital"]);
    }

    [Fact]
    public void Weigh_ChineseBoundaryBigramBesidePresentWord_IsDropped()
    {
        var terms = TextAnalyzer.Default.AnalyzeQuery("商汤的装置", "zh");
        var (forms, _) = _assessor.Forms(terms, "zh", []);

        var concepts = CoverageAssessor.Weigh(forms, new Dictionary<string, int> { ["商汤"] = 3, ["装置"] = 2 }, chunkCount: 10);

        // Segmented into words, the question has no boundary bigram left for Weigh to drop.
        Assert.DoesNotContain("汤的", terms);
        Assert.DoesNotContain("汤的", concepts.Forms.Keys);
        Assert.Contains("商汤", concepts.Forms.Keys);
    }

    [Fact]
    public void Weigh_MissingChineseWordWithoutPresentNeighbour_IsKept()
    {
        var terms = TextAnalyzer.Default.AnalyzeQuery("澳大利亚", "zh");
        var (forms, _) = _assessor.Forms(terms, "zh", []);

        var concepts = CoverageAssessor.Weigh(forms, new Dictionary<string, int>(), chunkCount: 10);

        Assert.Equal(terms.Count, concepts.Forms.Count);
    }

    [Fact]
    public void Forms_GermanCompoundPart_LendsItsTranslationToTheCompound()
    {
        var translation = new QueryTranslation("en", "risk", [new TranslatedPhrase("risiko", ["risk"])]);

        var (forms, terms) = _assessor.Forms(["risikomodell"], "de", [translation]);

        Assert.Contains(forms["risikomodell"], form => form.SequenceEqual(["risk"]));
        Assert.Contains("risk", terms);
    }

    [Fact]
    public void Measure_PassageWithTheHeadOfAMultiWordTranslation_CountsConceptAsMatched()
    {
        var concepts = CharacterEncodingConcept();

        var coverage = CoverageAssessor.Measure(concepts, _assessor.TermsOf(Passage("Use iconv to convert encodings of plain text files.", "en")));

        Assert.Equal(["zeichenkodierung"], coverage.Matched);
    }

    [Fact]
    public void Measure_PassageWithOnlyTheQualifierOfAMultiWordTranslation_LeavesConceptMissing()
    {
        var concepts = CharacterEncodingConcept();

        var coverage = CoverageAssessor.Measure(concepts, _assessor.TermsOf(Passage("Every character of the name is a letter.", "en")));

        Assert.Equal(["zeichenkodierung"], coverage.Missing);
    }

    // "Zeichenkodierung", translated as the two-word "character encoding".
    private QuestionConcepts CharacterEncodingConcept()
    {
        var translation = new QueryTranslation("en", "character encoding", [new TranslatedPhrase("zeichenkodierung", ["character encoding"])]);
        var (forms, _) = _assessor.Forms(["zeichenkodierung"], "de", [translation]);
        return CoverageAssessor.Weigh(forms, new Dictionary<string, int> { ["encoding"] = 3, ["character"] = 2 }, chunkCount: 10);
    }
}
