using QaBot.Analysis;
using QaBot.Analysis.Synonyms;
using QaBot.Index.Sqlite;
using QaBot.Retrieval.QueryExpansion;
using QaBot.Testing;

namespace QaBot.Retrieval.Tests.QueryExpansion;

public sealed class SynonymExpanderTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly SqliteChunkIndex _index;
    private readonly SynonymLexicons _lexicons = new(language => language == Languages.English
        ? SynonymLexicon.Parse(["car\tautomobile|motorcar|auto", "spend\texpend"], language, TextAnalyzer.Default)
        : null);

    public SynonymExpanderTests() =>
        _index = new SqliteChunkIndex(new SqliteIndexOptions { DatabasePath = _directory.Combine("index.db") });

    public void Dispose()
    {
        _index.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task ExpandAsync_SynonymsTheCollectionLacks_AreLeftOut()
    {
        await _index.AddPassagesAsync("en.txt", "en", "The automobile was parked outside.", "An auto repair shop.");

        var phrases = await new SynonymExpander(_lexicons, _index).ExpandAsync(["car", "spend"], Languages.English, 5, CancellationToken.None);

        var phrase = Assert.Single(phrases);
        Assert.Equal("car", phrase.Source);
        Assert.Equal(["automobile", "auto"], phrase.Targets);
    }

    [Fact]
    public async Task ExpandAsync_MoreSynonymsThanPerTerm_KeepsTheLexiconsBestFirst()
    {
        await _index.AddPassagesAsync("en.txt", "en", "The automobile, the motorcar and the auto.");

        var phrases = await new SynonymExpander(_lexicons, _index).ExpandAsync(["car"], Languages.English, 2, CancellationToken.None);

        Assert.Equal(["automobile", "motorcar"], Assert.Single(phrases).Targets);
    }

    [Fact]
    public async Task ExpandAsync_LanguageWithoutSynonyms_ReturnsNothing()
    {
        await _index.AddPassagesAsync("en.txt", "en", "The automobile was parked outside.");

        var phrases = await new SynonymExpander(_lexicons, _index).ExpandAsync(["car"], Languages.German, 2, CancellationToken.None);

        Assert.Empty(phrases);
    }
}
