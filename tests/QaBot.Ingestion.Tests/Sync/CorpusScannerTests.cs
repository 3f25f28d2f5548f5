using QaBot.Ingestion.Sync;
using QaBot.Testing;

namespace QaBot.Ingestion.Tests.Sync;

public sealed class CorpusScannerTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Scan_NestedFolders_RelativePathsWithSlashesInOrdinalOrder()
    {
        // Arrange
        _directory.WriteFile("corpus/b.txt", "b");
        _directory.WriteFile("corpus/a.md", "a");
        _directory.WriteFile("corpus/news/2024/c.html", "c");
        _directory.WriteFile("corpus/B.txt", "B");

        // Act
        var files = new CorpusScanner(new IngestOptions()).Scan(_directory.Combine("corpus"));

        // Assert
        Assert.Equal(["B.txt", "a.md", "b.txt", "news/2024/c.html"], files.Select(f => f.RelativePath));
        var nested = files[^1];
        Assert.Equal(_directory.Combine("corpus", "news", "2024", "c.html"), nested.FullPath);
        Assert.Equal(1, nested.Length);
    }

    [Fact]
    public void Scan_OtherExtensionsAndHiddenFiles_Skipped()
    {
        // Arrange
        _directory.WriteFile("corpus/article.TXT", "x");
        _directory.WriteFile("corpus/page.htm", "x");
        _directory.WriteFile("corpus/notes.markdown", "x");
        _directory.WriteFile("corpus/picture.png", "x");
        _directory.WriteFile("corpus/no-extension", "x");
        _directory.WriteFile("corpus/.draft.txt", "x");
        _directory.WriteFile("corpus/.git/HEAD.txt", "x");

        // Act
        var files = new CorpusScanner(new IngestOptions()).Scan(_directory.Combine("corpus"));

        // Assert
        Assert.Equal(["article.TXT", "notes.markdown", "page.htm"], files.Select(f => f.RelativePath));
    }

    [Fact]
    public void Scan_ConfiguredExtensions_OnlyThoseRead()
    {
        // Arrange
        _directory.WriteFile("corpus/a.txt", "x");
        _directory.WriteFile("corpus/b.md", "x");

        // Act
        var files = new CorpusScanner(new IngestOptions { Extensions = [".md"] }).Scan(_directory.Combine("corpus"));

        // Assert
        Assert.Equal(["b.md"], files.Select(f => f.RelativePath));
    }

    [Fact]
    public void Scan_RealCorpus_FindsTheFiveArticles()
    {
        // Act
        var files = new CorpusScanner(new IngestOptions()).Scan(TestCorpus.CorpusPath);

        // Assert
        Assert.Equal(
            [CorpusFile.English000, CorpusFile.FrontMatterHtml001, CorpusFile.German002, CorpusFile.Traditional003, CorpusFile.OneLine004],
            files.Select(f => f.RelativePath));
        Assert.Equal(2679, Assert.Single(files, f => f.RelativePath == CorpusFile.OneLine004).Length);
    }

    [Fact]
    public void Scan_EmptyFolder_NoFiles()
    {
        // Act
        var files = new CorpusScanner(new IngestOptions()).Scan(_directory.Path);

        // Assert
        Assert.Empty(files);
    }

    [Fact]
    public void Scan_MissingFolder_ThrowsNamingTheFolderAndTheSetting()
    {
        // Arrange
        var missing = _directory.Combine("nowhere");

        // Act
        var exception = Assert.Throws<DirectoryNotFoundException>(() => new CorpusScanner(new IngestOptions()).Scan(missing));

        // Assert
        Assert.Contains($"'{missing}'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Corpus:Path", exception.Message, StringComparison.Ordinal);
        Assert.Contains("--corpus", exception.Message, StringComparison.Ordinal);
    }
}
