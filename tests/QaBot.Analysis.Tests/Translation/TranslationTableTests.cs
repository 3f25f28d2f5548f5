using QaBot.Analysis.Translation;

namespace QaBot.Analysis.Tests.Translation;

public sealed class TranslationTableTests
{
    private static readonly string[] AllLanguages = [Languages.English, Languages.German, Languages.Chinese];

    private readonly TranslationTable _table = new TranslationTableBuilder(TestDictionaries.Create()).Build(
        BigramTestAnalyzer.Analyze,
        BigramTestAnalyzer.Vocabulary(
            ("1943年建立了神经网络的模型 人工智能 神经 网络 人工 智力 无人机 企业 工业 滨海湾", Languages.Chinese),
            ("neural network artificial intelligence drone enterprise industry", Languages.English),
            ("künstliche intelligenz neuronales netz drohne unternehmen industrie", Languages.German)),
        AllLanguages);

    [Theory]
    [InlineData("How do neural networks learn?", "neural networks", "神经网络")]
    [InlineData("Who leads artificial intelligence research?", "artificial intelligence", "人工智能")]
    public void Translate_PhraseAndItsWordsAllKnown_PrefersThePhrase(string question, string phrase, string expected)
    {
        var query = _table.Translate(question, Languages.English, Languages.Chinese);

        var translated = Assert.Single(query.Phrases, p => p.Kind == PhraseTranslationKind.Translated);
        Assert.Equal(phrase, translated.Source);
        Assert.Equal([expected], translated.Candidates);
        Assert.Contains(expected, query.Text.Split(' '));
    }

    [Fact]
    public void Translate_StopwordsNamesAndNumbers_SkipsStopwordsAndPassesNamesThrough()
    {
        var query = _table.Translate("What did TikTok and GPT-4 change for drones in 2023?", Languages.English, Languages.Chinese);

        // "change" has no translation in this collection's table into any language: kept as written, as a technical term would be.
        Assert.Equal("TikTok GPT-4 change 无人机 2023", query.Text);
        Assert.Contains(query.Phrases, p => p.Source == "change" && p.Kind == PhraseTranslationKind.PassedThrough);
        Assert.DoesNotContain(query.Phrases, p => p.Source is "what" or "did" or "and" or "for" or "in");
    }

    [Theory]
    // "enterprise" has a German translation in the collection but no Chinese one: a word, not a term to keep.
    [InlineData("Which enterprise flies drones?", Languages.English, "enterprise")]
    // German capitalizes every noun: "Bereiche" is no name, and passing it on would search German words in Chinese text.
    [InlineData("Welche Bereiche der Industrie nutzen Drohnen?", Languages.German, "bereiche")]
    public void Translate_WordNoNameWithoutAChineseTranslation_Dropped(string question, string language, string word)
    {
        var table = new TranslationTableBuilder(TestDictionaries.Create()).Build(
            BigramTestAnalyzer.Analyze,
            BigramTestAnalyzer.Vocabulary(("无人机", Languages.Chinese), ("unternehmen drohne industrie", Languages.German)),
            AllLanguages);

        var query = table.Translate(question, language, Languages.Chinese);

        Assert.DoesNotContain(word, query.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(query.Phrases, p => p.Source == word && p.Kind == PhraseTranslationKind.Dropped);
    }

    [Fact]
    public void Translate_CapitalizedWordTheTableKnows_TranslatedOnly()
    {
        // "Drone" written with a capital mid-question is a word the dictionary knows, not a name to keep as written.
        var query = _table.Translate("Which Drone does the Industry use?", Languages.English, Languages.Chinese);

        Assert.Equal(["无人机", "工业"], query.Phrases.Where(p => p.Kind == PhraseTranslationKind.Translated).SelectMany(p => p.Candidates));
        Assert.DoesNotContain(query.Text.Split(' '), word => word is "Drone" or "Industry");
    }

    [Fact]
    public void Translate_ChineseQuestion_UsesForwardMaximumMatching()
    {
        var query = _table.Translate("哪些企业的无人机？", Languages.Chinese, Languages.English);

        Assert.Equal(["企业", "无人机"], query.Phrases.Where(p => p.Kind == PhraseTranslationKind.Translated).Select(p => p.Source));
        Assert.Contains("drone", query.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("unmanned", query.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Translate_ChineseWordTheTableLacks_IsNotTranslatedCharacterByCharacter()
    {
        // 排除 (exclude) is one word; its characters alone are other words (排 a row, 除 to divide).
        var table = ChineseEnglishTable(
            """
            排 排 [pai2] /row/
            除 除 [chu2] /to divide/
            文件 文件 [wen2 jian4] /file/
            """,
            "row divide file");

        var query = table.Translate("排除文件", Languages.Chinese, Languages.English);

        Assert.Equal("file", query.Text);
        Assert.Contains(query.Phrases, p => p.Source == "排除" && p.Kind == PhraseTranslationKind.Dropped);
    }

    [Fact]
    public void Translate_ChineseKeySpanningTwoWords_IsTranslatedAsOnePhrase()
    {
        // jieba cuts 开源软件 into 开源 + 软件; the dictionary knows the whole phrase.
        var table = ChineseEnglishTable(
            """
            開源軟件 开源软件 [kai1 yuan2 ruan3 jian4] /open-source software/
            開源 开源 [kai1 yuan2] /to broaden the sources of income/
            軟件 软件 [ruan3 jian4] /software/
            """,
            "open-source software broaden sources income");

        var query = table.Translate("开源软件", Languages.Chinese, Languages.English);

        var phrase = Assert.Single(query.Phrases);
        Assert.Equal("开源软件", phrase.Source);
        Assert.Equal(["open source software"], phrase.Candidates);
    }

    [Fact]
    public void Translate_EnglishWordInAGermanQuestion_IsKeptForEnglishAndTranslatedForChinese()
    {
        var toEnglish = _table.Translate("Welche Unternehmen bauen drones?", Languages.German, Languages.English);
        var toChinese = _table.Translate("Welche Unternehmen bauen drones?", Languages.German, Languages.Chinese);

        Assert.Contains(toEnglish.Phrases, p => p.Source == "drones" && p.Kind == PhraseTranslationKind.PassedThrough);
        Assert.Contains(toChinese.Phrases, p => p.Source == "drones" && p.Candidates.Contains("无人机"));
    }

    [Fact]
    public void Translate_GermanToChinese_GoesThroughEnglish()
    {
        var query = _table.Translate("Welche Unternehmen bauen Drohnen?", Languages.German, Languages.Chinese);

        Assert.Contains("企业", query.Text, StringComparison.Ordinal);
        Assert.Contains("无人机", query.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Translate_GermanCompound_TranslatesItsParts()
    {
        var query = _table.Translate("Industrieunternehmen", Languages.German, Languages.English);

        Assert.Equal(["industrie", "unternehmen"], query.Phrases.Select(p => p.Source));
        Assert.Contains("industry", query.Text, StringComparison.Ordinal);
        Assert.Contains("enterprise", query.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Translate_TwoPhrasesWithTheSameTranslation_PutsItInTheTextOnce()
    {
        var query = _table.Translate("drone and drones", Languages.English, Languages.Chinese);

        Assert.Equal(2, query.Phrases.Count);
        Assert.Equal("无人机", query.Text);
    }

    [Fact]
    public void Translate_SameLanguage_ReturnsTheQuestionUnchanged()
    {
        var query = _table.Translate("neural network", Languages.English, Languages.English);

        Assert.Equal("neural network", query.Text);
        Assert.Empty(query.Phrases);
    }

    [Fact]
    public void TranslateToCollectionLanguages_EnglishQuestion_TranslatesIntoTheOtherTwo()
    {
        var queries = _table.TranslateToCollectionLanguages("drones", Languages.English);

        Assert.Equal([Languages.German, Languages.Chinese], queries.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("无人机", queries[Languages.Chinese].Text);
        Assert.Equal("drohne", queries[Languages.German].Text);
    }

    [Fact]
    public void Serialize_RoundTrip_TranslatesTheSame()
    {
        var bytes = _table.Serialize();
        var copy = TranslationTable.Deserialize(bytes);

        Assert.Equal(_table.CollectionLanguages, copy.CollectionLanguages);
        Assert.Equal(_table.MaxCandidatesPerPhrase, copy.MaxCandidatesPerPhrase);
        foreach (var from in AllLanguages)
        {
            foreach (var to in AllLanguages)
            {
                Assert.Equal(_table.Count(from, to), copy.Count(from, to));
            }
        }

        Assert.Equal(
            _table.Candidates("drone", Languages.English, Languages.Chinese),
            copy.Candidates("drone", Languages.English, Languages.Chinese));
        Assert.Equal(
            _table.Translate("Welche Unternehmen bauen Drohnen?", Languages.German, Languages.Chinese),
            copy.Translate("Welche Unternehmen bauen Drohnen?", Languages.German, Languages.Chinese),
            new TranslatedQueryComparer());
        Assert.Equal(bytes, copy.Serialize());
    }

    [Fact]
    public void Deserialize_Version1Table_ReadsItsPairs()
    {
        // Version 1 (no section lengths), as indexes built before version 2 hold it.
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write("QBTT"u8.ToArray());
            writer.Write((byte)1);
            writer.Write7BitEncodedInt(3);
            writer.Write7BitEncodedInt(2);
            writer.Write(Languages.English);
            writer.Write(Languages.German);
            writer.Write7BitEncodedInt(1);
            writer.Write(Languages.English);
            writer.Write(Languages.German);
            writer.Write7BitEncodedInt(1);
            writer.Write("drone");
            writer.Write7BitEncodedInt(1);
            writer.Write("drohne");
            writer.Write7BitEncodedInt(4);
        }

        var table = TranslationTable.Deserialize(stream.ToArray());

        Assert.Equal([Languages.English, Languages.German], table.CollectionLanguages);
        Assert.Equal([new TranslationCandidate("drohne", 4)], table.Candidates("drone", Languages.English, Languages.German));
        Assert.Equal(1, table.Count(Languages.English, Languages.German));
    }

    [Fact]
    public void Deserialize_NotATable_ThrowsInvalidData()
    {
        Assert.Throws<InvalidDataException>(() => TranslationTable.Deserialize([1, 2, 3, 4, 5, 6]));
        Assert.Throws<InvalidDataException>(() => TranslationTable.Deserialize(_table.Serialize()[..12]));
    }

    private sealed class TranslatedQueryComparer : IEqualityComparer<TranslatedQuery>
    {
        public bool Equals(TranslatedQuery? x, TranslatedQuery? y) =>
            x is not null && y is not null && x.Text == y.Text
            && x.Phrases.Select(p => (p.Source, p.Kind, string.Join('|', p.Candidates)))
                .SequenceEqual(y.Phrases.Select(p => (p.Source, p.Kind, string.Join('|', p.Candidates))));

        public int GetHashCode(TranslatedQuery obj) => obj.Text.GetHashCode(StringComparison.Ordinal);
    }

    // A table from CC-CEDICT lines only, over a collection whose English text is the given words.
    private static TranslationTable ChineseEnglishTable(string cedict, string englishText) =>
        new TranslationTableBuilder(BilingualDictionary.Create(CedictParser.Parse(new StringReader(cedict)).Entries, [], []))
            .Build(BigramTestAnalyzer.Analyze, BigramTestAnalyzer.Vocabulary((englishText, Languages.English)), AllLanguages);
}
