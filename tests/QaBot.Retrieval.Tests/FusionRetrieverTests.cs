using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using QaBot.Analysis;
using QaBot.Core;
using QaBot.Index.Sqlite;
using QaBot.Retrieval.Answerability;
using QaBot.Testing;

namespace QaBot.Retrieval.Tests;

public sealed class FusionRetrieverTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly SqliteChunkIndex _index;
    private readonly Mock<IQueryTranslator> _translator = new();

    public FusionRetrieverTests()
    {
        _index = new SqliteChunkIndex(new SqliteIndexOptions { DatabasePath = _directory.Combine("index.db") });
        _translator.Setup(t => t.TranslateAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
    }

    public void Dispose()
    {
        _index.Dispose();
        _directory.Dispose();
    }

    private Task AddAsync(string path, string language, params string[] texts) => _index.AddPassagesAsync(path, language, texts);

    private FusionRetriever Retriever(RetrievalOptions? options = null)
    {
        var settings = Options.Create(options ?? new RetrievalOptions());
        var synonyms = new QaBot.Analysis.Synonyms.SynonymLexicons(language => language == Languages.English
            ? QaBot.Analysis.Synonyms.SynonymLexicon.Parse(["revenue\tturnover|receipts"], language, TextAnalyzer.Default)
            : null);
        return new(
            _index, TextAnalyzer.Default, _translator.Object, new CoverageAssessor(TextAnalyzer.Default, LanguageTags.Default),
            new AnswerabilityGate(settings), settings, NullLogger<FusionRetriever>.Instance,
            vocabulary: new QaBot.Retrieval.QueryExpansion.CollectionVocabulary(_index),
            synonyms: new QaBot.Retrieval.QueryExpansion.SynonymExpander(synonyms, _index));
    }

    [Fact]
    public async Task RetrieveAsync_SynonymsOn_SearchesTheSynonymLegWithCollectionSynonymsBelowTheOriginalsWeight()
    {
        await AddAsync("en.txt", "en", "The annual turnover of the bakery grew.", "The weather in Berlin was rainy in spring.");
        var options = new RetrievalOptions { Synonyms = true, DictionaryTranslation = false };

        var result = await Retriever(options).RetrieveAsync(new RetrievalRequest("What was the bakery's annual revenue?"), CancellationToken.None);

        var leg = Assert.Single(result.Queries, q => q.Label == FusionRetriever.SynonymLeg);
        Assert.Equal(["bakery", "annual", "revenue", "turnover"], leg.Terms);
        Assert.Equal(0, result.Passages[0].Chunk.Index);
        Assert.Contains(result.Passages[0].Legs, l => l.Leg == FusionRetriever.SynonymLeg && l.Rank == 1);
        Assert.True(options.SynonymWeight < options.OriginalQueryWeight);
    }

    [Fact]
    public async Task RetrieveAsync_PassageWithOnlyTheSynonym_RanksBelowAnEqualPassageWithTheAskedTerm()
    {
        await AddAsync("en.txt", "en", "The bakery reported its annual turnover in March.", "The bakery reported its annual revenue in March.");

        var result = await Retriever(new RetrievalOptions { Synonyms = true, DictionaryTranslation = false })
            .RetrieveAsync(new RetrievalRequest("What was the bakery's annual revenue?"), CancellationToken.None);

        Assert.Equal([1, 0], result.Passages.Take(2).Select(p => p.Chunk.Index));
    }

    [Fact]
    public async Task RetrieveAsync_SynonymsOff_SearchesNoSynonymLeg()
    {
        await AddAsync("en.txt", "en", "The annual turnover of the bakery grew.");

        var result = await Retriever(new RetrievalOptions { DictionaryTranslation = false })
            .RetrieveAsync(new RetrievalRequest("What was the bakery's annual revenue?"), CancellationToken.None);

        Assert.DoesNotContain(result.Queries, q => q.Label == FusionRetriever.SynonymLeg);
    }

    [Fact]
    public async Task RetrieveAsync_TyposWithCorrectionOn_FindsPassageThroughCorrectedLeg()
    {
        await AddAsync("en.txt", "en", "Over 220,000 industrial enterprises were counted.", "The weather in Berlin was rainy in spring.");
        var options = new RetrievalOptions { TypoCorrection = true, DictionaryTranslation = false };

        var result = await Retriever(options).RetrieveAsync(new RetrievalRequest("How many industral enterprizes?"), CancellationToken.None);

        Assert.Equal(0, result.Passages[0].Chunk.Index);
        Assert.True(result.IsRelevant);
        Assert.Contains(result.Queries, q => q.Label == FusionRetriever.CorrectedLeg && q.Terms.Contains("industrial") && q.Terms.Contains("enterprise"));
    }

    [Fact]
    public async Task RetrieveAsync_TyposWithCorrectionOff_SearchesNoCorrectedLeg()
    {
        await AddAsync("en.txt", "en", "Over 220,000 industrial enterprises were counted.");

        var result = await Retriever(new RetrievalOptions { DictionaryTranslation = false }).RetrieveAsync(new RetrievalRequest("How many industral enterprizes?"), CancellationToken.None);

        Assert.DoesNotContain(result.Queries, q => q.Label == FusionRetriever.CorrectedLeg);
    }

    [Fact]
    public async Task RetrieveAsync_QuestionMatchingOnePassage_RanksItFirstAndIsRelevant()
    {
        await AddAsync("en.txt", "en", "Drones are built in Shenzhen by many companies.", "The weather in Berlin was rainy in spring.");

        var result = await Retriever().RetrieveAsync(new RetrievalRequest("Where are drones built?"), CancellationToken.None);

        Assert.Equal("en.txt", result.Passages[0].Chunk.SourcePath);
        Assert.Equal(0, result.Passages[0].Chunk.Index);
        Assert.True(result.IsRelevant);
        Assert.Contains(result.Passages[0].Legs, l => l.Leg == "original" && l.Rank == 1);
        Assert.Contains(result.Passages[0].Legs, l => l.Leg == FusionRetriever.CoverageLeg);
    }

    [Fact]
    public async Task RetrieveAsync_QuestionAboutAbsentThing_IsNotRelevant()
    {
        await AddAsync("en.txt", "en", "Drones are built in Shenzhen by many companies.", "The capital markets were calm.");

        var result = await Retriever().RetrieveAsync(new RetrievalRequest("What is the capital of Australia?"), CancellationToken.None);

        Assert.False(result.IsRelevant);
        Assert.Contains("australia", result.Evidence.MissingTerms);
    }

    [Fact]
    public async Task RetrieveAsync_TranslationFindsForeignPassage_RanksItFirst()
    {
        await AddAsync("zh.txt", "zh", "中国的无人机全球领先。", "美国的芯片很强。");
        await AddAsync("en.txt", "en", "Where were the first computers built in Europe?");
        _translator.Setup(t => t.TranslateAsync(It.IsAny<string>(), "en", It.IsAny<CancellationToken>()))
            .ReturnsAsync([new QueryTranslation("zh", "无人机 中国 领先", [new TranslatedPhrase("drones", ["无人机"]), new TranslatedPhrase("china", ["中国"]), new TranslatedPhrase("leads", ["领先"])])]);

        var result = await Retriever().RetrieveAsync(new RetrievalRequest("Who leads in drones, China?"), CancellationToken.None);

        Assert.Equal("zh.txt", result.Passages[0].Chunk.SourcePath);
        Assert.Equal(0, result.Passages[0].Chunk.Index);
        Assert.True(result.IsRelevant);
        Assert.Contains(result.Queries, q => q.Label == "dictionary:zh" && q.Terms.Contains("无人机"));
    }

    [Fact]
    public async Task RetrieveAsync_TranslatedLegOutweighsOriginal_OriginalTopHitStillReachesRerank()
    {
        await AddAsync("en.txt", "en", "The drone factory opened in the harbour.");
        await AddAsync("de.txt", "de", "Die Drohnen Fabrik meldet Gewinne.", "Eine Drohnen Fabrik sucht Personal.");
        _translator.Setup(t => t.TranslateAsync(It.IsAny<string>(), "en", It.IsAny<CancellationToken>()))
            .ReturnsAsync([new QueryTranslation("de", "Drohnen Fabrik", [new TranslatedPhrase("drone", ["Drohnen"]), new TranslatedPhrase("factory", ["Fabrik"])])]);
        var options = new RetrievalOptions { RerankDepth = 2, TranslatedQueryWeight = 3, OriginalCandidatesKept = 1 };
        var without = new RetrievalOptions { RerankDepth = 2, TranslatedQueryWeight = 3, OriginalCandidatesKept = 0 };

        var kept = await Retriever(options).RetrieveAsync(new RetrievalRequest("drone factory harbour"), CancellationToken.None);
        var pushedOut = await Retriever(without).RetrieveAsync(new RetrievalRequest("drone factory harbour"), CancellationToken.None);

        Assert.Equal("en.txt", kept.Passages[0].Chunk.SourcePath);
        Assert.DoesNotContain(pushedOut.Passages, p => p.Chunk.SourcePath == "en.txt");
    }

    [Fact]
    public async Task RetrieveAsync_TranslationDisabled_DoesNotAskTranslator()
    {
        await AddAsync("en.txt", "en", "Drones are built in Shenzhen.");

        await Retriever(new RetrievalOptions { DictionaryTranslation = false }).RetrieveAsync(new RetrievalRequest("drones"), CancellationToken.None);

        _translator.Verify(t => t.TranslateAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task RetrieveAsync_ThresholdAboveCoverage_RefusesSameResult()
    {
        await AddAsync("en.txt", "en", "Drones are built in Shenzhen.");

        var lenient = await Retriever(new RetrievalOptions { AnswerabilityThreshold = 0.01 }).RetrieveAsync(new RetrievalRequest("drones built in Munich"), CancellationToken.None);
        var strict = await Retriever(new RetrievalOptions { AnswerabilityThreshold = 0.99 }).RetrieveAsync(new RetrievalRequest("drones built in Munich"), CancellationToken.None);

        Assert.True(lenient.IsRelevant);
        Assert.False(strict.IsRelevant);
        Assert.Equal(lenient.Evidence.MatchedTermShare, strict.Evidence.MatchedTermShare);
    }

    [Fact]
    public async Task RetrieveAsync_EmptyIndex_ReturnsNothingRelevant()
    {
        var result = await Retriever().RetrieveAsync(new RetrievalRequest("anything at all"), CancellationToken.None);

        Assert.Empty(result.Passages);
        Assert.False(result.IsRelevant);
    }
}
