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
        var files = new CorpusScanner(new IngestOptions()).Scan(_directory.Combine("corpus")).Files;

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
        var files = new CorpusScanner(new IngestOptions()).Scan(_directory.Combine("corpus")).Files;

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
        var files = new CorpusScanner(new IngestOptions { Extensions = [".md"] }).Scan(_directory.Combine("corpus")).Files;

        // Assert
        Assert.Equal(["b.md"], files.Select(f => f.RelativePath));
    }

    [Fact]
    public void Scan_RealCorpus_FindsTheFiveArticles()
    {
        // Act
        var files = new CorpusScanner(new IngestOptions()).Scan(TestCorpus.CorpusPath).Files;

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
        var files = new CorpusScanner(new IngestOptions()).Scan(_directory.Path).Files;

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

    [Fact]
    public void Scan_SymlinkLoops_EachFileOnceEachLinkReportedOnceNeverWalked()
    {
        // Arrange: the two loops of the fault report, 'loopdir -> .' and 'sub/up -> ..'.
        _directory.WriteFile("c/a.txt", "a");
        _directory.WriteFile("c/sub/b.txt", "b");
        File.CreateSymbolicLink(_directory.Combine("c", "loopdir"), ".");
        File.CreateSymbolicLink(_directory.Combine("c", "sub", "up"), "..");

        // Act
        var scan = new CorpusScanner(new IngestOptions()).Scan(_directory.Combine("c"));

        // Assert
        Assert.Equal(["a.txt", "sub/b.txt"], scan.Files.Select(f => f.RelativePath));
        Assert.Equal(["loopdir", "sub/up"], scan.Warnings.Select(w => w.RelativePath));
        Assert.All(scan.Warnings, w => Assert.Contains("not followed", w.Reason, StringComparison.Ordinal));
        Assert.Empty(scan.UnlistedFolders);
    }

    [Fact]
    public void Scan_SymlinksLeavingTheCorpus_ReportedNotFollowed()
    {
        // Arrange
        _directory.WriteFile("outside/secret.txt", "s");
        _directory.WriteFile("c/a.txt", "a");
        File.CreateSymbolicLink(_directory.Combine("c", "elsewhere"), _directory.Combine("outside"));
        File.CreateSymbolicLink(_directory.Combine("c", "secret.txt"), _directory.Combine("outside", "secret.txt"));

        // Act
        var scan = new CorpusScanner(new IngestOptions()).Scan(_directory.Combine("c"));

        // Assert
        Assert.Equal(["a.txt"], scan.Files.Select(f => f.RelativePath));
        Assert.Equal(
            [new IngestWarning("elsewhere", "symbolic link to a folder outside the corpus folder; not followed"), new IngestWarning("secret.txt", "symbolic link to a file outside the corpus folder; not read")],
            scan.Warnings);
    }

    [Fact]
    public void Scan_SymlinkToAFileInsideTheCorpus_ReadUnderTheLinkName()
    {
        // Arrange
        _directory.WriteFile("c/a.txt", "abc");
        File.CreateSymbolicLink(_directory.Combine("c", "alias.txt"), "a.txt");

        // Act
        var scan = new CorpusScanner(new IngestOptions()).Scan(_directory.Combine("c"));

        // Assert
        Assert.Equal(["a.txt", "alias.txt"], scan.Files.Select(f => f.RelativePath));
        Assert.Equal(3, scan.Files[1].Length);
        Assert.Empty(scan.Warnings);
    }

    [Fact]
    public void Scan_DeviceLinkAndFifo_ReportedAsNotRegularFilesAndNotListed()
    {
        // Arrange
        _directory.WriteFile("c/a.txt", "a");
        File.CreateSymbolicLink(_directory.Combine("c", "zero.txt"), "/dev/zero");
        Assert.Equal(0, Mono.Unix.Native.Syscall.mkfifo(_directory.Combine("c", "pipe.md"), Mono.Unix.Native.FilePermissions.DEFFILEMODE));
        Assert.Equal(0, Mono.Unix.Native.Syscall.mkfifo(_directory.Combine("c", "pipe.bin"), Mono.Unix.Native.FilePermissions.DEFFILEMODE));

        // Act
        var scan = new CorpusScanner(new IngestOptions()).Scan(_directory.Combine("c"));

        // Assert: the FIFO with another extension is not an article and not worth a warning.
        Assert.Equal(["a.txt"], scan.Files.Select(f => f.RelativePath));
        Assert.Equal(["pipe.md", "zero.txt"], scan.Warnings.Select(w => w.RelativePath));
        Assert.All(scan.Warnings, w => Assert.StartsWith("not a regular file", w.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Scan_FolderThatCannotBeListed_ReportedByNameAndMarkedUnlisted()
    {
        // Arrange
        _directory.WriteFile("c/a.txt", "a");
        _directory.WriteFile("c/locked/b.txt", "b");
        var lister = new RefusingFolderLister(_directory.Combine("c", "locked"));

        // Act
        var scan = new CorpusScanner(new IngestOptions(), lister).Scan(_directory.Combine("c"));

        // Assert
        Assert.Equal(["a.txt"], scan.Files.Select(f => f.RelativePath));
        Assert.Equal(["locked"], scan.UnlistedFolders);
        var warning = Assert.Single(scan.Warnings);
        Assert.Equal("locked/", warning.RelativePath);
        Assert.Contains("cannot be listed", warning.Reason, StringComparison.Ordinal);
        Assert.False(scan.IsKnownGone("locked/b.txt", new HashSet<string>()));
        Assert.True(scan.IsKnownGone("gone.txt", new HashSet<string>()));
        Assert.False(scan.IsKnownGone("a.txt", new HashSet<string> { "a.txt" }));
    }

    [Fact]
    public void Scan_CorpusFolderItselfCannotBeListed_NothingIsKnownGone()
    {
        // Arrange
        _directory.WriteFile("c/a.txt", "a");
        var lister = new RefusingFolderLister(_directory.Combine("c"));

        // Act
        var scan = new CorpusScanner(new IngestOptions(), lister).Scan(_directory.Combine("c"));

        // Assert
        Assert.Empty(scan.Files);
        Assert.Equal(".", Assert.Single(scan.Warnings).RelativePath);
        Assert.False(scan.IsKnownGone("a.txt", new HashSet<string>()));
    }

    /// <summary>The real file system, except one folder answers "permission denied" (as for a non-root user after chmod 000).</summary>
    internal sealed class RefusingFolderLister(string refused) : IFolderLister
    {
        private readonly FileSystemFolderLister _real = new();

        public IReadOnlyList<FileSystemInfo> List(DirectoryInfo folder) =>
            folder.FullName.TrimEnd(Path.DirectorySeparatorChar) == refused
                ? throw new UnauthorizedAccessException($"Access to the path '{folder.FullName}' is denied.")
                : _real.List(folder);
    }
}
