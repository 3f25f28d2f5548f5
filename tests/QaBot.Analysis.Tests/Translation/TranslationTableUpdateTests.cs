using QaBot.Analysis.Translation;

namespace QaBot.Analysis.Tests.Translation;

/// <summary>
/// <see cref="TranslationTableBuilder.Update"/> must give, byte for byte, the table a fresh build gives for the new
/// vocabulary, whatever changed: frequencies, terms that came or went, glossary entries, languages.
/// </summary>
public sealed class TranslationTableUpdateTests
{
    private static readonly string[] AllLanguages = [Languages.English, Languages.German, Languages.Chinese];

    private static readonly (string Text, string Language)[] Before =
    [
        ("中国的无人机企业", Languages.Chinese),
        ("企业 公司 工业", Languages.Chinese),
        ("Die Drohne der Industrie", Languages.German),
        ("drones of the industry", Languages.English),
    ];

    public static TheoryData<string> Changes => ["frequency", "added", "removed", "nothing"];

    [Theory]
    [MemberData(nameof(Changes))]
    public void Update_VocabularyChanged_GivesTheFreshBuild(string change)
    {
        // Arrange
        (string Text, string Language)[] after = change switch
        {
            // 公司 becomes as frequent as 企业, which changes their order for "company".
            "frequency" => [.. Before, ("公司", Languages.Chinese), ("公司", Languages.Chinese)],
            "added" => [.. Before, ("新闻 神经网络 Unternehmen", Languages.Chinese), ("Unternehmen und künstliche Intelligenz", Languages.German)],
            "removed" => [.. Before.Where(c => c.Language != Languages.German)],
            _ => Before,
        };
        var dictionary = TestDictionaries.Create();
        var previousVocabulary = BigramTestAnalyzer.Vocabulary(Before);
        var previous = new TranslationTableBuilder(dictionary).Build(BigramTestAnalyzer.Analyze, previousVocabulary, AllLanguages);
        var vocabulary = BigramTestAnalyzer.Vocabulary(after);

        // Act
        var updated = new TranslationTableBuilder(dictionary)
            .Update(previous, dictionary, previousVocabulary, Lower, BigramTestAnalyzer.Analyze, vocabulary, AllLanguages);

        // Assert
        var fresh = new TranslationTableBuilder(dictionary).Build(BigramTestAnalyzer.Analyze, vocabulary, AllLanguages);
        Assert.Equal(fresh.Serialize(), updated.Serialize());
    }

    [Fact]
    public void Update_GlossaryEntryAddedAndRemoved_GivesTheFreshBuild()
    {
        // Arrange: the glossary of then translated "drone" as 无人机 and "sensetime"; now it has "industry" only.
        var vocabulary = BigramTestAnalyzer.Vocabulary([.. Before, ("商汤科技 工业园", Languages.Chinese)]);
        var previousDictionary = TestDictionaries.Create("drone\tDrohne\t无人机\nSenseTime\tSenseTime\t商汤科技\n");
        var dictionary = previousDictionary.WithGlossary(GlossaryParser.Parse(new StringReader("industry\tIndustrie\t工业园\n")).Entries);
        var previous = new TranslationTableBuilder(previousDictionary).Build(BigramTestAnalyzer.Analyze, vocabulary, AllLanguages);

        // Act
        var updated = new TranslationTableBuilder(dictionary)
            .Update(previous, previousDictionary, vocabulary, Lower, BigramTestAnalyzer.Analyze, vocabulary, AllLanguages);

        // Assert
        var fresh = new TranslationTableBuilder(dictionary).Build(BigramTestAnalyzer.Analyze, vocabulary, AllLanguages);
        Assert.Equal(fresh.Serialize(), updated.Serialize());
        Assert.Equal("工业园", updated.Candidates("industry", Languages.English, Languages.Chinese)[0].Text);
    }

    [Fact]
    public void Update_GlossaryUnchangedAndOneOfItsTargetsMoreFrequent_KeepsTheOtherKeysAndGivesTheFreshBuild()
    {
        // Arrange: the same glossary both times; only 无人机 ("drone"'s target) became more frequent.
        var dictionary = TestDictionaries.Create("drone\tDrohne\t无人机\nSenseTime\tSenseTime\t商汤科技\n");
        var previousVocabulary = BigramTestAnalyzer.Vocabulary([.. Before, ("商汤科技", Languages.Chinese)]);
        var previous = new TranslationTableBuilder(dictionary).Build(BigramTestAnalyzer.Analyze, previousVocabulary, AllLanguages);
        var vocabulary = BigramTestAnalyzer.Vocabulary([.. Before, ("商汤科技", Languages.Chinese), ("无人机", Languages.Chinese)]);

        // Act
        var updated = new TranslationTableBuilder(dictionary)
            .Update(previous, dictionary, previousVocabulary, Lower, BigramTestAnalyzer.Analyze, vocabulary, AllLanguages);

        // Assert
        var fresh = new TranslationTableBuilder(dictionary).Build(BigramTestAnalyzer.Analyze, vocabulary, AllLanguages);
        Assert.Equal(fresh.Serialize(), updated.Serialize());
        Assert.Equal("商汤科技", updated.Candidates("sensetime", Languages.English, Languages.Chinese)[0].Text);
        Assert.Equal(2, updated.Candidates("drone", Languages.English, Languages.Chinese)[0].CollectionFrequency);
    }

    [Fact]
    public void Update_LanguageAdded_GivesTheFreshBuild()
    {
        var dictionary = TestDictionaries.Create();
        var previousVocabulary = BigramTestAnalyzer.Vocabulary([.. Before.Where(c => c.Language != Languages.German)]);
        var previous = new TranslationTableBuilder(dictionary)
            .Build(BigramTestAnalyzer.Analyze, previousVocabulary, [Languages.English, Languages.Chinese]);
        var vocabulary = BigramTestAnalyzer.Vocabulary(Before);

        var updated = new TranslationTableBuilder(dictionary)
            .Update(previous, dictionary, previousVocabulary, Lower, BigramTestAnalyzer.Analyze, vocabulary, AllLanguages);

        var fresh = new TranslationTableBuilder(dictionary).Build(BigramTestAnalyzer.Analyze, vocabulary, AllLanguages);
        Assert.Equal(fresh.Serialize(), updated.Serialize());
        Assert.True(updated.Count(Languages.English, Languages.German) > 0);
    }

    [Fact]
    public void Update_ShippedDictionariesAndAnalyzer_GiveTheFreshBuild()
    {
        // Arrange: the real analyzer (stemming, German compounds, Traditional characters folded) and lexicon; the
        // change touches a compound's part, a Traditional spelling, an -ies plural and a removed passage.
        var analyzer = TextAnalyzer.Default;
        (string Text, string Language)[] before =
        [
            ("Die Protokolldateien liegen im Verzeichnis des Pakets.", Languages.German),
            ("The package manager resolves the dependencies of every package.", Languages.English),
            ("軟體套件的依賴關係由套件管理器處理。", Languages.Chinese),
            ("The installer checks the network card and the driver.", Languages.English),
        ];
        (string Text, string Language)[] after =
        [
            ("Die Protokolldateien liegen im Verzeichnis des Pakets.", Languages.German),
            ("Ein Protokoll der Installation wird geschrieben.", Languages.German),
            ("The package manager resolves the dependencies of every package.", Languages.English),
            ("The libraries and utilities are installed.", Languages.English),
            ("軟體套件的依賴關係由套件管理器處理。软件的网络", Languages.Chinese),
        ];
        var dictionary = EmbeddedDictionaries.LoadBilingualDictionary();
        var previousVocabulary = Vocabulary(analyzer, before);
        var previous = new TranslationTableBuilder(dictionary).Build(analyzer.Analyze, previousVocabulary, AllLanguages);
        var vocabulary = Vocabulary(analyzer, after);

        // Act
        var updated = new TranslationTableBuilder(dictionary)
            .Update(previous, dictionary, previousVocabulary, analyzer.Fold, analyzer.Analyze, vocabulary, AllLanguages);

        // Assert
        var fresh = new TranslationTableBuilder(dictionary).Build(analyzer.Analyze, vocabulary, AllLanguages);
        Assert.Equal(fresh.Serialize(), updated.Serialize());
    }

    private static string Lower(string text) => text.ToLowerInvariant();

    private static Dictionary<string, int> Vocabulary(TextAnalyzer analyzer, IEnumerable<(string Text, string Language)> chunks)
    {
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (text, language) in chunks)
        {
            foreach (var term in analyzer.Analyze(text, language).Distinct())
            {
                vocabulary[term] = vocabulary.GetValueOrDefault(term) + 1;
            }
        }

        return vocabulary;
    }
}
