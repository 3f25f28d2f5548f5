using QaBot.Analysis.Translation;

namespace QaBot.Analysis.Tests.Translation;

public sealed class EmbeddedDictionariesTests
{
    [Fact]
    public void ParseCedict_EmbeddedFile_LoadsWellFormedEntries()
    {
        var result = EmbeddedDictionaries.ParseCedict();

        Assert.Equal(0, result.SkippedLineCount);
        Assert.True(result.Entries.Count > 90_000, $"only {result.Entries.Count} entries");
        Assert.Contains(result.Entries, e => e.Simplified == "神经网络" && e.Senses[0].Contains("neural network"));
    }

    [Fact]
    public void ParseDing_EmbeddedFile_LoadsWellFormedEntries()
    {
        var result = EmbeddedDictionaries.ParseDing();

        Assert.Equal(0, result.SkippedLineCount);
        Assert.True(result.Entries.Count > 200_000, $"only {result.Entries.Count} entries");
        Assert.Contains(result.Entries, e => e.German.Contains("künstliche Intelligenz") && e.English.Contains("artificial intelligence"));
    }

    [Fact]
    public void LoadBilingualDictionary_EmbeddedFiles_TranslatesAcrossAllPairs()
    {
        var dictionary = EmbeddedDictionaries.LoadBilingualDictionary();

        // 神经元网 is an equally ranked synonym; the collection decides between them when the table is built.
        Assert.Contains(dictionary.Lookup("neural network", Languages.English, Languages.Chinese).Take(3), c => c.Text == "神经网络");
        Assert.Equal("无人机", dictionary.Lookup("drones", Languages.English, Languages.Chinese)[0].Text);
        Assert.Contains(dictionary.Lookup("künstliche Intelligenz", Languages.German, Languages.Chinese), c => c.Text == "人工智能");
        Assert.Contains(dictionary.Lookup("Unternehmen", Languages.German, Languages.English), c => c.Text == "enterprise");
        Assert.Contains(dictionary.Lookup("企业", Languages.Chinese, Languages.English), c => c.Text == "enterprise");
    }

    [Fact]
    public void CompileLexicon_EmbeddedRawDictionaries_MatchesTheShippedLexicon()
    {
        // Fails when the raw dictionaries, their parsers or the merge changed without rerunning tools/dictionaries/compile.
        using var compiled = new MemoryStream();
        EmbeddedDictionaries.CompileLexicon(compiled);

        var fresh = LexiconSerializer.Read(compiled.ToArray());
        var shipped = LexiconSerializer.Read(EmbeddedDictionaries.ReadLexiconBytes());

        const string Stale = "lexicon.bin is stale: run tools/dictionaries/compile";
        Assert.True(Languages.All.All(language => fresh.Pool(language).AsSpan().SequenceEqual(shipped.Pool(language))), Stale);
        Assert.True(fresh.Pairs.Count == shipped.Pairs.Count && fresh.Pairs.Zip(shipped.Pairs).All(p => LexiconSerializerTests.SamePair(p.First, p.Second)), Stale);
    }
}
