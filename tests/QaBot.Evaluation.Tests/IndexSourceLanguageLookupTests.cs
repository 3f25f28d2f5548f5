using Moq;
using QaBot.Core;

namespace QaBot.Evaluation.Tests;

public sealed class IndexSourceLanguageLookupTests
{
    private const string Source = "installation-guide/de/ch05s03.html";

    [Fact]
    public async Task FindAsync_IndexedSource_LanguageOfMostOfItsChunks()
    {
        // Arrange
        var index = IndexWith(Source, "de", "de", "en");
        var lookup = new IndexSourceLanguageLookup(index.Object);

        // Act
        var language = await lookup.FindAsync(Source, CancellationToken.None);

        // Assert: the chunks are asked for by their deterministic ids.
        Assert.Equal("de", language);
        var expectedIds = Enumerable.Range(0, 3).Select(i => ChunkId.For(Source, i)).ToHashSet();
        index.Verify(i => i.GetChunksAsync(It.Is<IReadOnlyCollection<Guid>>(ids => ids.ToHashSet().SetEquals(expectedIds)), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task FindAsync_SameSourceTwiceInAnotherSpelling_ReadsTheIndexOnce()
    {
        // Arrange
        var index = IndexWith(Source, "de");
        var lookup = new IndexSourceLanguageLookup(index.Object);

        // Act
        await lookup.FindAsync(Source, CancellationToken.None);
        var again = await lookup.FindAsync("./" + Source, CancellationToken.None);

        // Assert
        Assert.Equal("de", again);
        index.Verify(i => i.GetChunksAsync(It.IsAny<IReadOnlyCollection<Guid>>(), It.IsAny<CancellationToken>()), Times.Once);
        index.Verify(i => i.ReadManifestAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task FindAsync_SourceNotInTheIndex_Null()
    {
        // Arrange
        var index = IndexWith(Source, "de");
        var lookup = new IndexSourceLanguageLookup(index.Object);

        // Act / Assert
        Assert.Null(await lookup.FindAsync("maint-guide/missing.html", CancellationToken.None));
        index.Verify(i => i.GetChunksAsync(It.IsAny<IReadOnlyCollection<Guid>>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    private static Mock<IChunkIndex> IndexWith(string source, params string[] chunkLanguages)
    {
        var chunks = chunkLanguages.Select((language, i) => new Chunk(source, i, "T", null, null, i + 1, i + 1, language, "text")).ToList();
        var index = new Mock<IChunkIndex>();
        index.Setup(i => i.ReadManifestAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Dictionary<string, ManifestEntry> { [source] = new(source, "hash", "v1", chunks.Count, DateTimeOffset.UnixEpoch) });
        index.Setup(i => i.GetChunksAsync(It.IsAny<IReadOnlyCollection<Guid>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IReadOnlyCollection<Guid> ids, CancellationToken _) => chunks.Where(c => ids.Contains(c.Id)).ToList());
        return index;
    }
}
