using QaBot.Analysis;
using QaBot.Core;
using static QaBot.Answering.Tests.Passages;

namespace QaBot.Answering.Tests;

public sealed class ExtractiveAnswerComposerTests
{
    private static readonly TextAnalyzer Analyzer = TextAnalyzer.Default;
    private readonly ExtractiveAnswerComposer _composer = new(Analyzer);

    [Fact]
    public async Task ComposeAsync_SentenceHoldingTheQueryTerms_QuotedAndMarkedWithItsPassage()
    {
        // Arrange
        const string question = "How many industrial enterprises are in the East Guangdong Binhai Bay New Area?";
        var passage = Passage(1, "004_f9dad41751f58670.txt", 1, 1,
            "It is a training ground for AI. The East Guangdong Binhai Bay New Area is positioned as a significant \"AI training ground\" with over 220,000 industrial enterprises. Funds total 1.2 billion yuan.");

        // Act
        var composed = await ComposeAsync(question, passage);

        // Assert
        Assert.False(composed.Refused);
        Assert.StartsWith("The East Guangdong Binhai Bay New Area is positioned as a significant \"AI training ground\" with over 220,000 industrial enterprises. [1]", composed.Text, StringComparison.Ordinal);
        Assert.Equal([passage], composed.Cited);
    }

    [Theory]
    [InlineData(5.0, 0.1, "Zanzibar hosts new data centers. [1]")]
    [InlineData(0.1, 5.0, "Nvidia chips power most data centers. [1]")]
    public async Task ComposeAsync_TermWeights_TheRarerTermDecidesTheSentence(double zanzibarWeight, double nvidiaWeight, string expected)
    {
        // Arrange
        const string question = "Nvidia Zanzibar";
        var terms = Analyzer.AnalyzeQuery(question, "en");
        var weights = new Dictionary<string, double>
        {
            [Analyzer.AnalyzeToText("Zanzibar", "en")] = zanzibarWeight,
            [Analyzer.AnalyzeToText("Nvidia", "en")] = nvidiaWeight,
        };
        var passage = Passage(1, "a.txt", 1, 1, "Nvidia chips power most data centers. Zanzibar hosts new data centers.");

        // Act
        var composed = await _composer.ComposeAsync(question, Result(true, [passage], terms, weights), CancellationToken.None);

        // Assert
        Assert.Equal(expected, composed.Text);
    }

    [Fact]
    public async Task ComposeAsync_BestSentenceInALowerRankedPassage_MarkersNumberPassagesInCitationOrder()
    {
        // Arrange
        const string question = "Which funds support enterprises in Binhai Bay?";
        var weak = Passage(1, "a.txt", 3, 4, "Enterprises in Binhai Bay grow.");
        var strong = Passage(2, "b.txt", 7, 7, "Funds support enterprises in Binhai Bay.");

        // Act
        var composed = await ComposeAsync(question, weak, strong);

        // Assert
        Assert.Equal("Funds support enterprises in Binhai Bay. [1] Enterprises in Binhai Bay grow. [2]", composed.Text);
        Assert.Equal([strong, weak], composed.Cited);
    }

    [Fact]
    public async Task ComposeAsync_TwoChunksOfTheSameLines_ShareOneNumberAndOneSource()
    {
        // Arrange: an article written as one long line, so both of its chunks cite line 1.
        const string question = "Which funds support enterprises in Binhai Bay?";
        var first = Passage(1, "004.txt", 1, 1, "Funds support enterprises in Binhai Bay.");
        var second = Passage(2, "004.txt", 1, 1, "Enterprises in Binhai Bay grow.");

        // Act
        var composed = await ComposeAsync(question, first, second);

        // Assert
        Assert.Equal("Funds support enterprises in Binhai Bay. [1] Enterprises in Binhai Bay grow. [1]", composed.Text);
        Assert.Equal([first], composed.Cited);
    }

    [Fact]
    public async Task ComposeAsync_NoSentenceHoldsAnyQueryTerm_RefusesWithoutSources()
    {
        // Arrange
        var passage = Passage(1, "a.txt", 1, 1, "Completely unrelated words here.");

        // Act
        var composed = await ComposeAsync("What is the capital of Australia?", passage);

        // Assert
        Assert.True(composed.Refused);
        Assert.Empty(composed.Cited);
        Assert.Equal(RefusalMessages.NotCovered("en"), composed.Text);
    }

    [Fact]
    public async Task ComposeAsync_GermanQuestionWithoutMatch_RefusesInGerman()
    {
        // Act
        var composed = await ComposeAsync("Wie hoch waren die Kosten für das Training?", Passage(1, "a.txt", 1, 1, "Nothing matches."));

        // Assert
        Assert.True(composed.Refused);
        Assert.Equal(RefusalMessages.NotCovered("de"), composed.Text);
    }

    [Fact]
    public async Task ComposeAsync_TwoSentencesOfOnePassage_QuotedInDocumentOrderNotByScore()
    {
        // Arrange
        const string question = "How many enterprises are in the bay?";
        var passage = Passage(1, "a.txt", 1, 1, "Enterprises in the bay are numerous. Enterprises in the bay number 220,000.");

        // Act
        var composed = await ComposeAsync(question, passage);

        // Assert
        // Assert: the number sentence scores higher, but the text is never reordered.
        Assert.Equal("Enterprises in the bay are numerous. [1] Enterprises in the bay number 220,000. [1]", composed.Text);
    }

    [Fact]
    public async Task ComposeAsync_SentenceWithLessThanHalfTheBestScore_Left()
    {
        // Arrange
        const string question = "Binhai enterprises funds subsidies";
        var passage = Passage(1, "a.txt", 1, 1, "Binhai enterprises get funds and subsidies. Binhai is a bay.");

        // Act
        var composed = await ComposeAsync(question, passage);

        // Assert: 1 of 4 terms is under half of 4 of 4.
        Assert.Equal("Binhai enterprises get funds and subsidies. [1]", composed.Text);
    }

    [Fact]
    public async Task ComposeAsync_OnlyTheTopThreePassagesAreRead()
    {
        // Arrange
        var passages = new[]
        {
            Passage(1, "a.txt", 1, 1, "Nothing here."),
            Passage(2, "b.txt", 1, 1, "Nothing there."),
            Passage(3, "c.txt", 1, 1, "Nothing anywhere."),
            Passage(4, "d.txt", 1, 1, "Zanzibar is an island."),
        };

        // Act
        var composed = await ComposeAsync("Where is Zanzibar?", passages);

        // Assert
        Assert.True(composed.Refused);
    }

    [Fact]
    public async Task ComposeAsync_ManyMatchingSentences_AtMostThreeAndTwoPerPassage()
    {
        // Arrange
        const string question = "Zanzibar";
        var a = Passage(1, "a.txt", 1, 1, "Zanzibar one. Zanzibar two. Zanzibar three.");
        var b = Passage(2, "b.txt", 1, 1, "Zanzibar four. Zanzibar five.");

        // Act
        var composed = await ComposeAsync(question, a, b);

        // Assert
        Assert.Equal("Zanzibar one. [1] Zanzibar two. [1] Zanzibar four. [2]", composed.Text);
        Assert.Equal([a, b], composed.Cited);
    }

    [Fact]
    public async Task ComposeAsync_SameSentenceInTwoOverlappingPassages_QuotedOnce()
    {
        // Arrange
        var a = Passage(1, "a.txt", 1, 2, "Zanzibar has a port.");
        var b = Passage(2, "a.txt", 2, 3, "Zanzibar has a port. It is old.");

        // Act
        var composed = await ComposeAsync("Zanzibar port", a, b);

        // Assert
        Assert.Equal("Zanzibar has a port. [1]", composed.Text);
        Assert.Equal([a], composed.Cited);
    }

    [Fact]
    public async Task ComposeAsync_ChineseQuestionAndPassage_QuotesTheChineseSentence()
    {
        // Arrange
        const string question = "商汤的AI大装置包含哪三层？";
        var passage = Passage(1, "001.txt", 34, 34, "商汤CEO亲自介绍了商汤AI大装置，共包含三层：算力层、平台层和算法层。这是另一句话。", language: "zh");
        var terms = Analyzer.AnalyzeQuery(question, "zh");

        // Act
        var composed = await _composer.ComposeAsync(question, Result(true, [passage], terms), CancellationToken.None);

        // Assert
        Assert.Equal("商汤CEO亲自介绍了商汤AI大装置，共包含三层：算力层、平台层和算法层。 [1]", composed.Text);
    }

    [Fact]
    public void Name_IsExtractive()
    {
        // Act / Assert
        Assert.Equal("extractive", _composer.Name);
    }

    [Fact]
    public async Task ComposeAsync_ShortSentenceFollowedByReference_QuotesBoth()
    {
        var passage = Passage(1, "001.txt", 5, 5, "近日，2021WAIC世界人工智能大会如期举办。此次大会是第四届，不少企业参加。天气很好。", language: "zh");

        var composed = await ComposeAsync("2021WAIC世界人工智能大会", passage);

        Assert.StartsWith("近日，2021WAIC世界人工智能大会如期举办。此次大会是第四届，不少企业参加。 [1]", composed.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("天气", composed.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComposeAsync_SentenceOpeningAList_QuotesTheListItems()
    {
        var passage = Passage(1, "001.txt", 5, 5, "商汤AI大装置共包含三层：算力层；平台层；算法层。另一个话题。", language: "zh");

        var composed = await ComposeAsync("商汤AI大装置包含哪三层", passage);

        Assert.Contains("算力层；平台层；算法层。", composed.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("另一个话题", composed.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComposeAsync_ArticleReferenceMarks_AreDroppedFromTheQuote()
    {
        var passage = Passage(1, "004.txt", 1, 1, "Binhai Bay has over 220,000 industrial enterprises [7][8]. Other text follows here.");

        var composed = await ComposeAsync("How many industrial enterprises does Binhai Bay have?", passage);

        Assert.StartsWith("Binhai Bay has over 220,000 industrial enterprises. [1]", composed.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComposeAsync_QuestionSentenceInArticle_CountsHalfSoAStatementWins()
    {
        // Two of three terms in the article's own question would pass half the statement's score; halved, it does not.
        var passage = Passage(1, "a.txt", 1, 1, "What drives the Tesla autonomous effort? Tesla trains autonomous driving on fleet data.");

        var composed = await ComposeAsync("Tesla autonomous driving", passage);

        Assert.Equal("Tesla trains autonomous driving on fleet data. [1]", composed.Text);
    }

    [Fact]
    public async Task ComposeAsync_SentencesOfTwoChunksOfOneFile_QuotedInFileOrderEachCitingItsChunk()
    {
        // Arrange: the later chunk of the file ranks first; two chunks of one long line cite their own columns.
        var later = Passage(1, "a.txt", 1, 1, "Drones fly parcels over the bay every day.");
        var earlier = Passage(2, "a.txt", 1, 1, "Drones started flying parcels in 2020.");
        later = later with { Chunk = later.Chunk with { Index = 1, StartColumn = 60, EndColumn = 120 } };
        earlier = earlier with { Chunk = earlier.Chunk with { Index = 0, StartColumn = 1, EndColumn = 58 } };

        // Act
        var composed = await ComposeAsync("drones parcels", later, earlier);

        // Assert
        Assert.Equal("Drones started flying parcels in 2020. [1] Drones fly parcels over the bay every day. [2]", composed.Text);
        Assert.Equal([earlier, later], composed.Cited);
    }

    private Task<ComposedAnswer> ComposeAsync(string question, params RetrievedPassage[] passages) =>
        _composer.ComposeAsync(question, Result(true, passages, Analyzer.AnalyzeQuery(question, TextAnalyzer.DetectLanguage(question))), CancellationToken.None);
}
