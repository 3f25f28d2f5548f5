using QaBot.Analysis;
using QaBot.Core;
using QaBot.Answering.Composition;
using static QaBot.Answering.Tests.Passages;

namespace QaBot.Answering.Tests;

public sealed class ExtractiveAnswerComposerTests
{
    private static readonly TextAnalyzer Analyzer = TextAnalyzer.Default;
    private readonly ExtractiveAnswerComposer _composer = new(Analyzer);

    [Fact]
    public async Task ComposeAsync_SentenceHoldingTheQueryTerms_QuotedExactlyAndMarkedWithItsPassage()
    {
        // Arrange
        const string question = "How many industrial enterprises are in the Harbour Bay New Area?";
        var passage = Passage(1, "a.txt", 1, 1,
            "It is a training ground. The Harbour Bay New Area is positioned as a significant \"training ground\" with over 220,000 industrial enterprises. Funds total 1.2 billion yuan.");

        // Act
        var composed = await ComposeAsync(question, passage);

        // Assert
        Assert.False(composed.Refused);
        Assert.Equal("“The Harbour Bay New Area is positioned as a significant \"training ground\" with over 220,000 industrial enterprises.” [1]", composed.Text);
        Assert.Equal([passage], composed.Cited);
        Assert.Equal(1, composed.Diagnostics.QuotedSentences);
    }

    [Theory]
    [InlineData(5.0, 0.1, "“Zanzibar hosts new data centers.” [1]")]
    [InlineData(0.1, 5.0, "“Nvidia chips power most data centers.” [1]")]
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
    public async Task ComposeAsync_AnswerInALowerRankedPassage_LeadsWithItAndNumbersPassagesInCitationOrder()
    {
        // Arrange: the first passage only talks about the topic; the third holds the asked-for number.
        const string question = "How many parcels do drones deliver in Harbour Bay each day?";
        var topic = Passage(1, "a.txt", 3, 4, "Drones deliver parcels in Harbour Bay.");
        var other = Passage(2, "b.txt", 1, 1, "Harbour Bay has a port.");
        var answer = Passage(3, "c.txt", 7, 7, "Every day drones deliver 4,500 parcels in Harbour Bay.");

        // Act
        var composed = await ComposeAsync(question, topic, other, answer);

        // Assert
        Assert.Equal("“Every day drones deliver 4,500 parcels in Harbour Bay.” [1]", composed.Text);
        Assert.Equal([answer], composed.Cited);
    }

    [Fact]
    public async Task ComposeAsync_AnswerSplitOverTwoSentences_QuotesThePairOverASentenceNamingManyTerms()
    {
        // Arrange: one sentence names three of the terms; the answer is the next two sentences together.
        const string question = "Which field do dpkg and apt-get ignore while aptitude installs it automatically?";
        var passage = Passage(1, "a.txt", 1, 4,
            "Tools such as dpkg, apt-get and aptitude install packages from this file. Recommends names packages installed with it. Aptitude can be configured to install suggested packages automatically. Dpkg and apt-get ignore the Suggests field.");

        // Act
        var composed = await ComposeAsync(question, passage);

        // Assert
        Assert.Equal("“Aptitude can be configured to install suggested packages automatically. Dpkg and apt-get ignore the Suggests field.” [1]", composed.Text);
    }

    [Fact]
    public async Task ComposeAsync_HowDoIInChinese_LeadsWithTheCommandNotALatinName()
    {
        // Arrange: both sentences cover the question alike; only the second's continuation is a command.
        const string question = "安装完成后怎么更改时区？";
        var passage = Passage(1, "a.txt", 1, 3,
            "安装完成后也可以把时区更改为 UTC。\n安装完成后要更改时区，该命令为：\n# dpkg-reconfigure tzdata", language: "zh");

        // Act
        var composed = await ComposeAsync(question, passage);

        // Assert
        Assert.Contains("dpkg-reconfigure tzdata", composed.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("UTC", composed.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComposeAsync_TableRowAnswers_QuotedWithItsHeaderRow()
    {
        // Arrange: the row names the system type, its header the RAM and disk the question asks about.
        const string question = "How much RAM and disk space does a desktop need?";
        var passage = Passage(1, "a.txt", 1, 4,
            "Pentium 4 is the minimum for a desktop system.\nType | RAM | Disk\nServer | 512 MB | 4 GB\nDesktop | 2 GB | 10 GB");

        // Act
        var composed = await ComposeAsync(question, passage);

        // Assert
        Assert.StartsWith("“Type | RAM | Disk", composed.Text, StringComparison.Ordinal);
        Assert.Contains("Desktop | 2 GB | 10 GB", composed.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Server", composed.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComposeAsync_SentenceAddingNoUncoveredPart_NotAdded()
    {
        // Arrange: every other sentence repeats what the lead already covers.
        const string question = "Zanzibar";
        var a = Passage(1, "a.txt", 1, 1, "Zanzibar one. Zanzibar two. Zanzibar three.");
        var b = Passage(2, "b.txt", 1, 1, "Zanzibar four. Zanzibar five.");

        // Act
        var composed = await ComposeAsync(question, a, b);

        // Assert
        Assert.Equal("“Zanzibar one.” [1]", composed.Text);
        Assert.Equal([a], composed.Cited);
    }

    [Fact]
    public async Task ComposeAsync_TwoPartQuestion_AddsTheSentenceThatCoversTheSecondPart()
    {
        // Arrange
        const string question = "Which tool signs the upload, and which daemon processes the queue?";
        var signing = Passage(1, "a.txt", 1, 1, "The signcheck tool signs the upload before it leaves.");
        var queue = Passage(2, "b.txt", 5, 5, "Unrelated opening words. The queued daemon processes the queue every few minutes.");

        // Act
        var composed = await ComposeAsync(question, signing, queue);

        // Assert
        Assert.Equal("“The signcheck tool signs the upload before it leaves.” [1] … “The queued daemon processes the queue every few minutes.” [2]", composed.Text);
        Assert.Equal(2, composed.Diagnostics.QuotedSentences);
    }

    [Fact]
    public async Task ComposeAsync_SecondPartAskedWithFewWords_GetsTheSentenceThatAnswersIt()
    {
        // Arrange: the lead answers the first part and names most of the question; the second part's answer covers
        // little of the whole question, too little to be added for what it adds, but all of its own part.
        const string question = "How much memory does a normal installation of the system need at minimum, and how much is recommended for a desktop?";
        var minimum = Passage(1, "a.txt", 1, 1, "A normal installation of the system needs at minimum 780 MB of memory.");
        var desktop = Passage(2, "b.txt", 7, 7, "2 GB are recommended for a desktop.");

        // Act
        var composed = await ComposeAsync(question, minimum, desktop);

        // Assert
        Assert.Equal("“A normal installation of the system needs at minimum 780 MB of memory.” [1] … “2 GB are recommended for a desktop.” [2]", composed.Text);
    }

    [Fact]
    public async Task ComposeAsync_AtMostTwoSupportingSentences()
    {
        // Arrange: four sentences, each covering a different part of the question.
        const string question = "alpha bravo charlie delta";
        var passage = Passage(1, "a.txt", 1, 1, "Alpha is first. Filler text here. Bravo is second. More filler. Charlie is third. Even more. Delta is fourth.");

        // Act
        var composed = await ComposeAsync(question, passage);

        // Assert
        Assert.Equal(3, composed.Diagnostics.QuotedSentences);
        Assert.DoesNotContain("Delta", composed.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComposeAsync_GermanQuestion_UnrelatedSentencesFromOtherPassagesAreNotAppended()
    {
        // Arrange: the question's rare term is only in the German passage; the Chinese and English ones share
        // a common word (through translation) but talk about something else.
        const string question = "Welche Unternehmen gehören zu den Quorax 5?";
        var answer = Passage(1, "de.txt", 4, 4, "Zu den Quorax 5 gehören die Unternehmen Arvo, Belt und Cirro.", language: "de");
        var chinese = Passage(2, "zh.txt", 1, 1, "海湾新区有超过二十万家企业。", language: "zh");
        var english = Passage(3, "en.txt", 2, 2, "Companies solve the last mile with drones.", language: "en");
        var concepts = new[]
        {
            new QuestionConcept("quorax", [["quorax"]], 6.0),
            new QuestionConcept("5", [["5"]], 2.0),
            new QuestionConcept("unternehm", [["unternehm"], ["企业"], ["compani"]], 1.0),
        };

        // Act
        var composed = await _composer.ComposeAsync(question, Result(true, [answer, chinese, english]) with { Concepts = concepts }, CancellationToken.None);

        // Assert
        Assert.Equal("„Zu den Quorax 5 gehören die Unternehmen Arvo, Belt und Cirro.“ [1]", composed.Text);
        Assert.Equal([answer], composed.Cited);
    }

    [Fact]
    public async Task ComposeAsync_PassageWithoutAnyRareTerm_NeverQuotedEvenWhenItIsRankedFirst()
    {
        // Arrange
        var common = Passage(1, "a.txt", 1, 1, "The port grows every year.");
        var rare = Passage(2, "b.txt", 1, 1, "The Zanzibar port opened in 1990.");
        var concepts = new[] { new QuestionConcept("zanzibar", [["zanzibar"]], 8.0), new QuestionConcept("port", [["port"]], 1.0) };

        // Act
        var composed = await _composer.ComposeAsync("When did the Zanzibar port open?", Result(true, [common, rare]) with { Concepts = concepts }, CancellationToken.None);

        // Assert
        Assert.Equal("“The Zanzibar port opened in 1990.” [1]", composed.Text);
    }

    [Fact]
    public async Task ComposeAsync_TwoSentencesOfOnePassage_QuotedInDocumentOrderAndMergedWhenAdjacent()
    {
        // Arrange: the second sentence holds the number (the lead), the first the place; adjacent, they are one quote.
        const string question = "How many enterprises are in the bay of Zanzibar?";
        var passage = Passage(1, "a.txt", 1, 1, "Zanzibar has a bay.  Enterprises in the bay number 220,000. Other words.");

        // Act
        var composed = await ComposeAsync(question, passage);

        // Assert: one quote, the source's double space kept.
        Assert.Equal("“Zanzibar has a bay.  Enterprises in the bay number 220,000.” [1]", composed.Text);
        Assert.Equal(2, composed.Diagnostics.QuotedSentences);
    }

    [Fact]
    public async Task ComposeAsync_NonAdjacentSentencesOfOnePassage_EllipsisBetweenInDocumentOrder()
    {
        // Arrange
        const string question = "How many enterprises are in the bay of Zanzibar?";
        var passage = Passage(1, "a.txt", 1, 1, "Zanzibar has a bay. Weather is mild. Enterprises in the bay number 220,000.");

        // Act
        var composed = await ComposeAsync(question, passage);

        // Assert
        Assert.Equal("“Zanzibar has a bay.” [1] … “Enterprises in the bay number 220,000.” [1]", composed.Text);
    }

    [Fact]
    public async Task ComposeAsync_HeadingDebrisAndBullet_CleanedFromTheQuote()
    {
        // Arrange: an article written as one line with inline headings and bullets.
        var passage = Passage(1, "a.txt", 1, 1,
            "Core Viewpoint - The article is about ports. Group 1: Ports and Trade - The Zanzibar port handles 90,000 containers a year [7]. - The region also builds roads [8].");

        // Act
        var composed = await ComposeAsync("How many containers does the Zanzibar port handle?", passage);

        // Assert
        Assert.Equal("“The Zanzibar port handles 90,000 containers a year [7].” [1]", composed.Text);
    }

    [Fact]
    public async Task ComposeAsync_SourceReferenceMarksEllipsesAndSpacing_KeptWordForWord()
    {
        // Arrange
        var passage = Passage(1, "a.txt", 1, 1, "算力中心的规模……已经超过 300 个节点[7]。另一个话题。", language: "zh");

        // Act
        var composed = await ComposeAsync("算力中心有多少个节点？", passage);

        // Assert
        Assert.Equal("「算力中心的规模……已经超过 300 个节点[7]。」 [1]", composed.Text);
    }

    [Fact]
    public async Task ComposeAsync_HowManyQuestion_ReferenceMarkIsNoNumber()
    {
        // Arrange: the first sentence's only digits are the source's reference mark.
        var passage = Passage(1, "a.txt", 1, 1, "The Zanzibar port is a promising site for enterprises [36]. The Zanzibar port serves 4,000 enterprises.");

        // Act
        var composed = await ComposeAsync("How many enterprises does the Zanzibar port serve?", passage);

        // Assert
        Assert.Equal("“The Zanzibar port serves 4,000 enterprises.” [1]", composed.Text);
    }

    [Fact]
    public async Task ComposeAsync_TwoChunksOfTheSameLines_ShareOneNumberAndOneSource()
    {
        // Arrange: an article written as one long line, so both of its chunks cite line 1.
        const string question = "Which funds and subsidies support enterprises in Harbour Bay?";
        var first = Passage(1, "004.txt", 1, 1, "Funds support enterprises in Harbour Bay.");
        var second = Passage(2, "004.txt", 1, 1, "Subsidies help enterprises in Harbour Bay.");

        // Act
        var composed = await ComposeAsync(question, first, second);

        // Assert
        Assert.Equal("“Funds support enterprises in Harbour Bay.” [1] … “Subsidies help enterprises in Harbour Bay.” [1]", composed.Text);
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
    public async Task ComposeAsync_OnlyTheTopFivePassagesAreRead()
    {
        // Arrange
        var passages = Enumerable.Range(1, 5).Select(i => Passage(i, $"{i}.txt", 1, 1, "Nothing here.")).Append(Passage(6, "f.txt", 1, 1, "Zanzibar is an island.")).ToArray();

        // Act
        var composed = await ComposeAsync("Where is Zanzibar?", passages);

        // Assert
        Assert.True(composed.Refused);
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
        Assert.Equal("“Zanzibar has a port.” [1]", composed.Text);
        Assert.Equal([a], composed.Cited);
    }

    [Fact]
    public async Task ComposeAsync_ChineseQuestionAndPassage_QuotesTheChineseSentence()
    {
        // Arrange
        const string question = "星云的计算平台包含哪三层？";
        var passage = Passage(1, "001.txt", 34, 34, "星云CEO亲自介绍了星云计算平台，共包含三层：算力层、平台层和算法层。这是另一句话。", language: "zh");

        // Act
        var composed = await ComposeAsync(question, passage);

        // Assert
        Assert.Equal("「星云CEO亲自介绍了星云计算平台，共包含三层：算力层、平台层和算法层。」 [1]", composed.Text);
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
        var passage = Passage(1, "001.txt", 5, 5, "近日，2021星云大会如期举办。此次大会是第四届，不少企业参加。天气很好。", language: "zh");

        var composed = await ComposeAsync("2021星云大会", passage);

        Assert.Equal("「近日，2021星云大会如期举办。此次大会是第四届，不少企业参加。」 [1]", composed.Text);
    }

    [Fact]
    public async Task ComposeAsync_SentenceOpeningAList_QuotesTheListItems()
    {
        var passage = Passage(1, "001.txt", 5, 5, "星云计算平台共包含三层：算力层；平台层；算法层。另一个话题。", language: "zh");

        var composed = await ComposeAsync("星云计算平台包含哪三层", passage);

        Assert.Contains("算力层；平台层；算法层。", composed.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("另一个话题", composed.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComposeAsync_QuestionSentenceInArticle_CountsHalfSoAStatementWins()
    {
        var passage = Passage(1, "a.txt", 1, 1, "What drives the Tesla autonomous effort? Tesla trains autonomous driving on fleet data.");

        var composed = await ComposeAsync("Tesla autonomous driving", passage);

        Assert.Equal("“Tesla trains autonomous driving on fleet data.” [1]", composed.Text);
    }

    [Fact]
    public async Task ComposeAsync_CommandQuestion_LeadsWithTheSentenceHoldingTheCommand()
    {
        // Arrange: both sentences share the question's words; only the second names a command.
        const string question = "Which command lists the files inside the binary packages?";
        var passage = Passage(1, "a.txt", 1, 2, "Listing the files inside binary packages is useful.\nThe command debc lists the files inside the binary packages: run debc foo.changes.");

        // Act
        var composed = await ComposeAsync(question, passage);

        // Assert
        Assert.StartsWith("“The command debc lists the files inside the binary packages: run debc foo.changes.” [1]", composed.Text, StringComparison.Ordinal);
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
        var composed = await ComposeAsync("When did drones fly parcels over the bay?", later, earlier);

        // Assert
        Assert.Equal("“Drones started flying parcels in 2020.” [1] … “Drones fly parcels over the bay every day.” [2]", composed.Text);
        Assert.Equal([earlier, later], composed.Cited);
    }

    [Fact]
    public async Task ComposeAsync_NumberTheQuestionStatesItself_NextSentenceWithANewNumberAdded()
    {
        // Arrange: the lead repeats the question's own version number; the answer is the version after it.
        const string question = "Which version string should a local test package before 2.4.0-1 use for smooth upgrades?";
        var passage = Passage(1, "a.txt", 1, 1, "You may build a local test package before uploading the official version, e.g., 2.4.0-1. It is a good idea to use a string such as 2.4.0-1~rc1. Other text follows.");

        // Act
        var composed = await ComposeAsync(question, passage);

        // Assert
        Assert.Equal("“You may build a local test package before uploading the official version, e.g., 2.4.0-1. It is a good idea to use a string such as 2.4.0-1~rc1.” [1]", composed.Text);
    }

    [Fact]
    public async Task ComposeAsync_AdjacentSentenceHoldsTheAskedNumber_AddedThoughItNamesNoQuestionTerm()
    {
        const string question = "How many days can an upload wait in the delayed queue at most?";
        var passage = Passage(1, "a.txt", 1, 1, "An upload to the delayed queue waits the chosen days before it is processed. Any value between 0 and 15 is accepted. Unrelated words come last.");

        var composed = await ComposeAsync(question, passage);

        Assert.Equal("“An upload to the delayed queue waits the chosen days before it is processed. Any value between 0 and 15 is accepted.” [1]", composed.Text);
    }

    [Fact]
    public async Task ComposeAsync_SentenceOpeningACodeBlock_QuotesTheCommandLinesUnderIt()
    {
        // Arrange: the sentence that covers the question ends with ':'; the commands follow, one per line.
        const string question = "Which commands update the local build chroot and build the binary packages in it?";
        var passage = Passage(1, "a.txt", 1, 4, "Run the following commands to update the local build chroot and build binary packages in it:\n$ sudo builder --update\n$ sudo builder --build foo.dsc\nThe new packages are stored in the result folder.");

        var composed = await ComposeAsync(question, passage);

        Assert.Equal("“Run the following commands to update the local build chroot and build binary packages in it: $ sudo builder --update $ sudo builder --build foo.dsc” [1]", composed.Text);
    }

    [Fact]
    public async Task ComposeAsync_DescriptionUnderADefinitionTerm_QuotesTheTermWithIt()
    {
        // Arrange: a definition list as documentation writes it: the term on its own line, its description under it.
        const string question = "Which boot parameter prevents the installer from offering interactive shells on tty2 and tty3?";
        var passage = Passage(1, "a.txt", 1, 4, "lowmem\nForces a higher memory level than the default.\nnoshell\nPrevents the installer from offering interactive shells on tty2 and tty3. Useful for unattended installs.");

        var composed = await ComposeAsync(question, passage);

        Assert.Equal("“noshell Prevents the installer from offering interactive shells on tty2 and tty3.” [1]", composed.Text);
    }

    [Fact]
    public async Task ComposeAsync_CoveredQuestion_ReportsSentenceCandidatesBestFirstWithTheirFeatures()
    {
        // Arrange
        const string question = "How many industrial enterprises are in the Harbour Bay New Area?";
        var passage = Passage(1, "a.txt", 1, 1, "Harbour Bay is a new area. The Harbour Bay New Area has over 220,000 industrial enterprises.");

        // Act
        var composed = await ComposeAsync(question, passage);

        // Assert: the lead is the first candidate; every candidate carries the features it was scored by.
        var candidates = composed.Diagnostics.SentenceCandidates;
        Assert.Equal(2, candidates.Count);
        Assert.Equal("The Harbour Bay New Area has over 220,000 industrial enterprises.", candidates[0].Text);
        Assert.Equal("a.txt:1", candidates[0].Location);
        Assert.True(candidates[0].Score > candidates[1].Score);
        Assert.Equal(0, candidates[0].Features[SentenceFeature.MissingItem]);
        Assert.Equal(1, candidates[1].Features[SentenceFeature.MissingItem]);
        Assert.Equal(composed.Diagnostics.SentenceCandidates[0].Score, SentenceModel.Default.Score(candidates[0].Features), 9);
    }

    [Theory]
    [InlineData(-5.0, "“Drones deliver parcels.” [1]")]
    [InlineData(5.0, "“Drones deliver parcels to the island, the port, the airport and the old town every morning.” [1]")]
    public async Task ComposeAsync_ModelWeighingLength_DecidesBetweenEquallyCoveringSentences(double lengthWeight, string expected)
    {
        // Arrange: both sentences cover the question alike; only the model's length weight tells them apart.
        var model = new SentenceModel(new Dictionary<string, double> { [SentenceFeature.Share] = 1, [SentenceFeature.Length] = lengthWeight });
        var composer = new ExtractiveAnswerComposer(Analyzer, new StoredTranslationTableProvider(null), model);
        const string question = "Do drones deliver parcels?";
        var passage = Passage(1, "a.txt", 1, 2, "Drones deliver parcels.\nDrones deliver parcels to the island, the port, the airport and the old town every morning.");

        // Act
        var composed = await composer.ComposeAsync(question, Result(true, [passage], Analyzer.AnalyzeQuery(question, "en")), CancellationToken.None);

        // Assert
        Assert.Equal(expected, composed.Text);
    }

    private Task<ComposedAnswer> ComposeAsync(string question, params RetrievedPassage[] passages) =>
        _composer.ComposeAsync(question, Result(true, passages, Analyzer.AnalyzeQuery(question, TextAnalyzer.DetectLanguage(question))), CancellationToken.None);
}
