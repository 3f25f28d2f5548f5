using Moq;
using QaBot.Analysis;
using QaBot.Analysis.Translation;
using QaBot.Core;

namespace QaBot.Retrieval.Tests;

public sealed class DictionaryQueryTranslatorTests
{
    [Fact]
    public async Task TranslateAsync_QuestionWithAFileName_KeepsTheNameAsWrittenInTheTranslatedQuestion()
    {
        // Arrange: a German collection; "NEWS.Debian" is a name, which the translator knows by its capitals.
        var analyzer = TextAnalyzer.Default;
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in analyzer.Analyze("Die Datei NEWS.Debian des Pakets wird installiert.", Languages.German).Distinct())
        {
            vocabulary[term] = 1;
        }

        var table = new TranslationTableBuilder(EmbeddedDictionaries.LoadBilingualDictionary())
            .Build(analyzer.Analyze, vocabulary, [Languages.German]);
        var index = new Mock<IChunkIndex>();
        index.Setup(i => i.ReadBlobAsync(TranslationTableStore.BlobName, It.IsAny<CancellationToken>())).ReturnsAsync(table.Serialize());
        using var store = new TranslationTableStore(index.Object);

        // Act
        var translations = await new DictionaryQueryTranslator(store, analyzer)
            .TranslateAsync("Where does the NEWS.Debian file of a package end up?", Languages.English, CancellationToken.None);

        // Assert
        var german = Assert.Single(translations, t => t.Language == Languages.German);
        Assert.Contains("NEWS.Debian", german.Text.Split(' '));
        Assert.Contains("datei", german.Text.Split(' '));
    }
}
