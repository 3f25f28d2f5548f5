namespace QaBot.Analysis.Tests;

public sealed class SentenceSplitterTests
{
    [Fact]
    public void Split_LatinSentenceEnds_OneSentenceEach()
    {
        // Arrange
        const string text = "The fund holds 10 billion yuan. Is it enough? Nobody knows! Time will tell.";

        // Act
        var sentences = SentenceSplitter.Split(text);

        // Assert
        Assert.Equal(["The fund holds 10 billion yuan.", "Is it enough?", "Nobody knows!", "Time will tell."], sentences);
    }

    [Theory]
    [InlineData("。")]
    [InlineData("！")]
    [InlineData("？")]
    [InlineData("；")]
    public void Split_CjkSentenceEndWithoutSpace_SplitsAfterIt(string mark)
    {
        // Arrange
        var text = $"滨海湾有二十二万家企业{mark}这是一个训练场{mark}";

        // Act
        var sentences = SentenceSplitter.Split(text);

        // Assert
        Assert.Equal([$"滨海湾有二十二万家企业{mark}", $"这是一个训练场{mark}"], sentences);
    }

    [Fact]
    public void Split_MixedChineseAndLatin_SplitsAtBothKindsOfMark()
    {
        // Arrange
        const string text = "AI也是如此。The model was trained! 然后呢？";

        // Act
        var sentences = SentenceSplitter.Split(text);

        // Assert
        Assert.Equal(["AI也是如此。", "The model was trained!", "然后呢？"], sentences);
    }

    [Fact]
    public void Split_LatinExclamationBeforeHan_SplitsThere()
    {
        // Act
        var sentences = SentenceSplitter.Split("Wow!滨海湾");

        // Assert
        Assert.Equal(["Wow!", "滨海湾"], sentences);
    }

    [Theory]
    [InlineData("Funds of 1.2 billion yuan were set aside.")]
    [InlineData("Version 3.5.1 shipped.")]
    [InlineData("It costs approx. 170 million USD.")]
    [InlineData("Large models, e.g. GPT-4, cost a lot.")]
    [InlineData("That is, i.e. the data interface, the main issue.")]
    [InlineData("Most U.S. data centers use Nvidia.")]
    [InlineData("Dr. Smith and Mr. Jones met Prof. Li.")]
    [InlineData("Written by J. Smith in Jan. 2024.")]
    [InlineData("Chips vs. software is the question.")]
    [InlineData("Der Plan, z.B. der Fonds, hilft.")]
    [InlineData("Siehe Nr. 5 und vgl. Abschnitt 2.")]
    [InlineData("Apple, Google etc. are named (e.g. in the list).")]
    public void Split_AbbreviationsInitialsAndDecimals_StayOneSentence(string text)
    {
        // Act
        var sentences = SentenceSplitter.Split(text);

        // Assert
        Assert.Equal([text], sentences);
    }

    [Fact]
    public void Split_AbbreviationInsideParenthesis_NotASentenceEnd()
    {
        // Act
        var sentences = SentenceSplitter.Split("Some models (e.g. Ernie) are Chinese. Others are not.");

        // Assert
        Assert.Equal(["Some models (e.g. Ernie) are Chinese.", "Others are not."], sentences);
    }

    [Fact]
    public void Split_NumberBeforeFullStop_EndsTheSentence()
    {
        // Act
        var sentences = SentenceSplitter.Split("Shares rose 239%. They fell in 2024. Then 1.5.");

        // Assert
        Assert.Equal(["Shares rose 239%.", "They fell in 2024.", "Then 1.5."], sentences);
    }

    [Fact]
    public void Split_ClosingQuotesAndBrackets_StayWithTheirSentence()
    {
        // Arrange
        const string text = "He said \"it works.\" Then he left. 他说：“可以。”然后走了。（完）";

        // Act
        var sentences = SentenceSplitter.Split(text);

        // Assert
        Assert.Equal(["He said \"it works.\"", "Then he left.", "他说：“可以。”", "然后走了。", "（完）"], sentences);
    }

    [Fact]
    public void Split_CjkMarkFollowedByClosingCornerBracket_KeepsBracket()
    {
        // Act
        var sentences = SentenceSplitter.Split("「产业生态」解法。」下一句！』");

        // Assert
        Assert.Equal(["「产业生态」解法。」", "下一句！』"], sentences);
    }

    [Fact]
    public void Split_ExclamationInsideAName_NotASentenceEnd()
    {
        // Act
        var sentences = SentenceSplitter.Split("Yahoo!Japan and what?ever stay whole. Next one.");

        // Assert
        Assert.Equal(["Yahoo!Japan and what?ever stay whole.", "Next one."], sentences);
    }

    [Fact]
    public void Split_FullStopInsideAWord_NotASentenceEnd()
    {
        // Act
        var sentences = SentenceSplitter.Split("Visit www.36kr.com today. Or not.");

        // Assert
        Assert.Equal(["Visit www.36kr.com today.", "Or not."], sentences);
    }

    [Fact]
    public void Split_NewLine_EndsASentence()
    {
        // Act
        var sentences = SentenceSplitter.Split("A heading without a stop\nThe text under it.\r\nLast line");

        // Assert
        Assert.Equal(["A heading without a stop", "The text under it.", "Last line"], sentences);
    }

    [Fact]
    public void Split_Ellipsis_EndsASentence()
    {
        // Act
        var sentences = SentenceSplitter.Split("Wait… what happened... Nothing.");

        // Assert
        Assert.Equal(["Wait…", "what happened...", "Nothing."], sentences);
    }

    [Fact]
    public void Split_SurroundingWhiteSpaceAndEmptyPieces_TrimmedAndDropped()
    {
        // Act
        var sentences = SentenceSplitter.Split("  One.   \n\n  。 Two?  ");

        // Assert
        Assert.Equal(["One.", "。", "Two?"], sentences);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public void Split_NoText_NoSentences(string text)
    {
        // Act
        var sentences = SentenceSplitter.Split(text);

        // Assert
        Assert.Empty(sentences);
    }

    [Fact]
    public void Split_TextWithoutEndMark_OneSentence()
    {
        // Act
        var sentences = SentenceSplitter.Split("Group 1: AI Application and Ecosystem");

        // Assert
        Assert.Equal(["Group 1: AI Application and Ecosystem"], sentences);
    }

    [Fact]
    public void Split_Null_Throws()
    {
        // Act / Assert
        Assert.Throws<ArgumentNullException>(() => SentenceSplitter.Split(null!));
    }

    [Fact]
    public void Split_AnySentences_JoinedBackGiveTheTextWithoutWhiteSpace()
    {
        // Arrange: nothing may be lost or duplicated between sentences.
        const string text = "商汤的AI大装置包含三层：算力、平台和算法。It was built in 2022 (approx. 1.2 bn). 对吗？Yes!";

        // Act
        var sentences = SentenceSplitter.Split(text);

        // Assert
        Assert.Equal(text.Replace(" ", string.Empty, StringComparison.Ordinal), string.Concat(sentences).Replace(" ", string.Empty, StringComparison.Ordinal));
        Assert.Equal(4, sentences.Count);
    }

    [Theory]
    [InlineData("Das gilt z. B. für Pakete, d. h. für alle Dateien usw. in diesem Ordner.")]
    [InlineData("Frag Dr. Weber, Nr. 12, bzw. ca. drei Leute.")]
    [InlineData("Die Werte stehen in Tabelle 4.4. und sind aktuell.")]
    [InlineData("Details stehen in Tabelle 4.4. Die Werte sind aktuell.")]
    [InlineData("For details see 3.2. It explains the setup.")]
    [InlineData("Am 31. März wurde es veröffentlicht.")]
    [InlineData("Seit dem 1. Januar 2024 gilt die Regel.")]
    [InlineData("Edit /etc/apt/sources.list and run apt-get update.")]
    [InlineData("Read https://www.debian.org/doc/?lang=de first.")]
    [InlineData("Version 2.6.32 replaced 2.4.")]
    public void Split_GermanAndEnglishAbbreviationsNumbersDatesAndPaths_StayOneSentence(string text)
    {
        // Act
        var sentences = SentenceSplitter.Split(text);

        // Assert
        Assert.Equal([text], sentences);
    }

    [Fact]
    public void Split_ListNumberingAtLineStarts_NumberStaysWithItsItem()
    {
        // Act
        var sentences = SentenceSplitter.Split("1. Install the package.\n2. Configure it. Then reboot.\n4.3. PAM");

        // Assert
        Assert.Equal(["1. Install the package.", "2. Configure it.", "Then reboot.", "4.3. PAM"], sentences);
    }

    [Fact]
    public void Split_ListEndAbbreviationBeforeACapital_EndsTheSentence()
    {
        // Act
        var sentences = SentenceSplitter.Split("Wir brauchen Äpfel, Birnen usw. Dann gehen wir.");

        // Assert
        Assert.Equal(["Wir brauchen Äpfel, Birnen usw.", "Dann gehen wir."], sentences);
    }

    [Fact]
    public void Split_YearBeforeACapital_EndsTheSentence()
    {
        // Act
        var sentences = SentenceSplitter.Split("Es erschien am 1. Januar 2024. Danach kam nichts.");

        // Assert
        Assert.Equal(["Es erschien am 1. Januar 2024.", "Danach kam nichts."], sentences);
    }

    [Theory]
    [InlineData("请先安装软件包。「然后呢？」他问道。运行命令！完成……好的；继续", new[] { "请先安装软件包。", "「然后呢？」", "他问道。", "运行命令！", "完成……", "好的；", "继续" })]
    [InlineData("請先安裝套件。『然後呢？』他問道。（見第四章。）好！", new[] { "請先安裝套件。", "『然後呢？』", "他問道。", "（見第四章。）", "好！" })]
    public void Split_SimplifiedAndTraditionalChinese_SplitsAtCjkMarksKeepingClosers(string text, string[] expected)
    {
        // Act
        var sentences = SentenceSplitter.Split(text);

        // Assert
        Assert.Equal(expected, sentences);
    }

    [Fact]
    public void Split_QuestionAndExclamationTogether_OneSentenceEnd()
    {
        // Act
        var sentences = SentenceSplitter.Split("Really?! Yes.");

        // Assert
        Assert.Equal(["Really?!", "Yes."], sentences);
    }

    [Fact]
    public void SplitSpans_AnyText_SpansPointAtTheTrimmedSentencesInOrder()
    {
        // Arrange
        const string text = "  Erstens z. B. dies.  Second one!\n 第三句。Vierte am 3. Mai. ";

        // Act
        var spans = SentenceSplitter.SplitSpans(text);

        // Assert
        Assert.Equal(
            ["Erstens z. B. dies.", "Second one!", "第三句。", "Vierte am 3. Mai."],
            spans.Select(s => text[s.Start..s.End]));
        Assert.Equal(spans.OrderBy(s => s.Start), spans);
        Assert.All(spans.Zip(spans.Skip(1)), pair => Assert.True(pair.First.End <= pair.Second.Start));
        Assert.Equal(2, spans[0].Start);
    }
}
