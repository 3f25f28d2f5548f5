using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using QaBot.Analysis;
using QaBot.Core;
using QaBot.Index.Sqlite;
using QaBot.Ingestion.Chunking;
using QaBot.Ingestion.Reading;
using QaBot.Ingestion.Reading.Office;
using QaBot.Ingestion.Sync;
using QaBot.Testing;

namespace QaBot.Ingestion.Tests.Sync;

/// <summary>The ingest job on copies of the real articles, with the real parser, chunker, analyzer and SQLite index.</summary>
public sealed class CorpusSynchronizerTests : IDisposable
{
    private const long MaxFileBytes = 20_000; // the largest article (002) has 18,984 bytes
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly TemporaryDirectory _directory = new();
    private readonly string _corpus;
    private readonly SqliteChunkIndex _sqlite;
    private readonly RecordingChunkIndex _index;
    private readonly FakeTimeProvider _time = new(Start);
    private readonly Mock<ICollectionRefresher> _refresher = new(MockBehavior.Strict);

    public CorpusSynchronizerTests()
    {
        _corpus = TestCorpus.CopyTo(_directory);
        _sqlite = new SqliteChunkIndex(new SqliteIndexOptions { DatabasePath = _directory.Combine("index.db") });
        _index = new RecordingChunkIndex(_sqlite);
        _refresher.Setup(r => r.RefreshAsync(It.IsAny<bool>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
    }

    public void Dispose()
    {
        _sqlite.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task SynchronizeAsync_EmptyIndex_AddsAllFiveArticles()
    {
        // Act
        var report = await SynchronizeAsync();

        // Assert
        Assert.Equal(AllArticles, report.Files.Select(f => f.RelativePath));
        Assert.All(report.Files, f => Assert.Equal(FileOutcome.Added, f.Outcome));
        Assert.All(report.Files, f => Assert.True(f.ChunkCount > 0, $"{f.RelativePath} has no chunks"));
        Assert.False(report.HasFailures);
        Assert.True(report.ChangedCollection);

        var statistics = await _sqlite.GetStatisticsAsync(CancellationToken.None);
        Assert.Equal((5, report.ChunksWritten), (statistics.DocumentCount, statistics.ChunkCount));
        Assert.Equal(["de", "en", "zh"], statistics.ChunksByLanguage.Keys.Order(StringComparer.Ordinal));

        var manifest = await _sqlite.ReadManifestAsync(CancellationToken.None);
        Assert.All(report.Files, f =>
        {
            var entry = manifest[f.RelativePath];
            Assert.Equal(Sha256(f.RelativePath), entry.ContentHash);
            Assert.Equal((f.ChunkCount, Start, Preparer().PipelineVersion), (entry.ChunkCount, entry.IngestedAt, entry.PipelineVersion));
        });

        Assert.Equal(["004_f9dad41751f58670.txt"], await SourcesMatchingAsync("Binhai"));
        Assert.Equal(["002_04e0f95e4107c13c.txt"], await SourcesMatchingAsync("Trainingskosten", Languages.German));
        Assert.Equal(["003_3e893f941f8f02f8.txt"], await SourcesMatchingAsync("TikTok"));
        _refresher.Verify(r => r.RefreshAsync(true, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task SynchronizeAsync_NothingChanged_ReportsAllUnchangedAndWritesNothing()
    {
        // Arrange
        var first = await SynchronizeAsync();
        var manifestBefore = await _sqlite.ReadManifestAsync(CancellationToken.None);
        _index.ClearWrites();
        _refresher.Invocations.Clear();
        _time.Advance(TimeSpan.FromHours(1));

        // Act
        var second = await SynchronizeAsync();

        // Assert
        Assert.All(second.Files, f => Assert.Equal(FileOutcome.Unchanged, f.Outcome));
        Assert.Equal(first.Files.Select(f => (f.RelativePath, f.ChunkCount)), second.Files.Select(f => (f.RelativePath, f.ChunkCount)));
        Assert.Equal(0, second.ChunksWritten);
        Assert.False(second.ChangedCollection);
        Assert.Empty(_index.Writes);
        Assert.Equal(manifestBefore.Values.OrderBy(e => e.SourcePath), (await _sqlite.ReadManifestAsync(CancellationToken.None)).Values.OrderBy(e => e.SourcePath));
        _refresher.Verify(r => r.RefreshAsync(false, It.IsAny<CancellationToken>()), Times.Once);
        _refresher.Verify(r => r.RefreshAsync(true, It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task SynchronizeAsync_OneArticleEdited_UpdatesOnlyThatArticle()
    {
        // Arrange
        await SynchronizeAsync();
        _index.ClearWrites();
        _refresher.Invocations.Clear();
        _time.Advance(TimeSpan.FromHours(1));
        File.AppendAllText(Path.Combine(_corpus, CorpusFile.English000), "\nZanzibar hosts a new data center for AI startups.\n");

        // Act
        var report = await SynchronizeAsync();

        // Assert
        Assert.Equal(FileOutcome.Updated, Outcome(report, CorpusFile.English000));
        Assert.All(report.Files.Where(f => f.RelativePath != CorpusFile.English000), f => Assert.Equal(FileOutcome.Unchanged, f.Outcome));
        Assert.Equal(["replace " + CorpusFile.English000], _index.Writes);
        Assert.Equal([CorpusFile.English000], await SourcesMatchingAsync("Zanzibar"));

        var manifest = await _sqlite.ReadManifestAsync(CancellationToken.None);
        Assert.Equal(Sha256(CorpusFile.English000), manifest[CorpusFile.English000].ContentHash);
        Assert.Equal(Start.AddHours(1), manifest[CorpusFile.English000].IngestedAt);
        Assert.Equal(Start, manifest[CorpusFile.OneLine004].IngestedAt);
        _refresher.Verify(r => r.RefreshAsync(true, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task SynchronizeAsync_EditedArticleLosesAPassage_OldPassageNoLongerFound()
    {
        // Arrange
        await SynchronizeAsync();
        var path = Path.Combine(_corpus, CorpusFile.English000);
        var lines = File.ReadAllLines(path).Where(l => !l.StartsWith("Patient capital:", StringComparison.Ordinal));
        File.WriteAllLines(path, lines);

        // Act
        await SynchronizeAsync();

        // Assert
        Assert.Empty(await SourcesMatchingAsync("incubation"));
        Assert.Equal([CorpusFile.English000], await SourcesMatchingAsync("Singapore"));
    }

    [Fact]
    public async Task SynchronizeAsync_ArticleDeleted_RemovesItsChunks()
    {
        // Arrange
        var first = await SynchronizeAsync();
        _index.ClearWrites();
        _refresher.Invocations.Clear();
        File.Delete(Path.Combine(_corpus, CorpusFile.OneLine004));

        // Act
        var report = await SynchronizeAsync();

        // Assert
        Assert.Equal(FileOutcome.Removed, Outcome(report, CorpusFile.OneLine004));
        Assert.Equal(4, report.Count(FileOutcome.Unchanged));
        Assert.Equal(["remove " + CorpusFile.OneLine004], _index.Writes);
        Assert.Empty(await SourcesMatchingAsync("Binhai"));
        Assert.False((await _sqlite.ReadManifestAsync(CancellationToken.None)).ContainsKey(CorpusFile.OneLine004));
        var statistics = await _sqlite.GetStatisticsAsync(CancellationToken.None);
        Assert.Equal((4, first.ChunksWritten - ChunkCount(first, CorpusFile.OneLine004)), (statistics.DocumentCount, statistics.ChunkCount));
        _refresher.Verify(r => r.RefreshAsync(true, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task SynchronizeAsync_FolderCannotBeListed_KeepsItsDocumentsAndReportsTheFolder()
    {
        // Arrange: articles in a subfolder, indexed; then the subfolder answers "permission denied".
        Directory.CreateDirectory(Path.Combine(_corpus, "locked"));
        File.Move(Path.Combine(_corpus, CorpusFile.OneLine004), Path.Combine(_corpus, "locked", CorpusFile.OneLine004));
        var first = await SynchronizeAsync();
        _index.ClearWrites();
        var lister = new CorpusScannerTests.RefusingFolderLister(Path.Combine(_corpus, "locked"));

        // Act
        var report = await CreateSynchronizer(lister: lister).SynchronizeAsync(_corpus, null, CancellationToken.None);

        // Assert
        Assert.Equal(0, report.Count(FileOutcome.Removed));
        Assert.Empty(_index.Writes);
        Assert.Equal("locked/", Assert.Single(report.Warnings).RelativePath);
        Assert.True(report.HasWarnings);
        Assert.False(report.HasFailures);
        Assert.Equal(["locked/" + CorpusFile.OneLine004], await SourcesMatchingAsync("Binhai"));
        Assert.Equal(first.Files.Count, (await _sqlite.ReadManifestAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task SynchronizeAsync_ArticleNowOnlyNavigation_NothingToIndexWarningAndItsDocumentRemoved()
    {
        // Arrange: an indexed article replaced by a page that only links elsewhere.
        await SynchronizeAsync();
        File.Delete(Path.Combine(_corpus, CorpusFile.OneLine004));
        var page = Path.ChangeExtension(CorpusFile.OneLine004, ".html");
        File.WriteAllText(Path.Combine(_corpus, page), "<html><body><nav><a href='a.html'>Binhai</a> <a href='b.html'>Bay</a></nav></body></html>");

        // Act
        var report = await SynchronizeAsync();

        // Assert
        var skipped = Assert.Single(report.Files, f => f.RelativePath == page);
        Assert.Equal(FileOutcome.NothingToIndex, skipped.Outcome);
        Assert.StartsWith("nothing to index", skipped.Reason, StringComparison.Ordinal);
        Assert.False(report.HasFailures);
        Assert.True(report.HasWarnings);
        Assert.Equal(page, Assert.Single(report.FileWarnings).RelativePath);
        Assert.Empty(await SourcesMatchingAsync("Binhai"));
    }

    [Fact]
    public async Task SynchronizeAsync_FileDeletedBetweenScanAndRead_VanishedWarningAndItsDocumentRemoved()
    {
        // Arrange: the progress callback runs after the scan and before any read, so the deletion falls between them.
        await SynchronizeAsync();
        var progress = new Mock<IIngestProgress>();
        progress.Setup(p => p.Started(It.IsAny<int>())).Callback(() => File.Delete(Path.Combine(_corpus, CorpusFile.OneLine004)));

        // Act
        var report = await CreateSynchronizer().SynchronizeAsync(_corpus, progress.Object, CancellationToken.None);

        // Assert
        var vanished = Assert.Single(report.Files, f => f.RelativePath == CorpusFile.OneLine004);
        Assert.Equal((FileOutcome.Vanished, "vanished between scan and read", true), (vanished.Outcome, vanished.Reason, vanished.StaleChunksRemoved));
        Assert.False(report.HasFailures);
        Assert.True(report.HasWarnings);
        Assert.Empty(await SourcesMatchingAsync("Binhai"));
    }

    [Fact]
    public async Task SynchronizeAsync_BadFilesBesideGoodOnes_EachBadOneFailedWithItsReasonGoodOnesSearchable()
    {
        // Arrange
        _directory.WriteBytes("corpus/bad/binary.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]);
        _directory.WriteBytes("corpus/bad/not-text.txt", Enumerable.Range(0, 256).Select(i => (byte)(0x80 + ((i * 37) % 128))).ToArray());
        _directory.WriteBytes("corpus/bad/broken-utf8.md", [0xEF, 0xBB, 0xBF, .. Encoding.ASCII.GetBytes("Title\n\nSome text "), 0xC3, 0x28, .. Encoding.ASCII.GetBytes(" more text.")]);
        _directory.WriteBytes("corpus/bad/empty.txt", []);
        _directory.WriteFile("corpus/bad/huge.txt", string.Concat(Enumerable.Repeat("A perfectly good sentence about Zanzibar. ", 600)));
        _directory.WriteFile("corpus/bad/fake.pdf", "text with a .pdf name, not a PDF");
        _directory.WriteFile("corpus/bad/ignored.png", "not an article extension");

        // Act
        var report = await SynchronizeAsync();

        // Assert
        Assert.True(report.HasFailures);
        Assert.Equal(5, report.Count(FileOutcome.Added));
        Assert.Equal(6, report.Count(FileOutcome.Failed));
        Assert.DoesNotContain(report.Files, f => f.RelativePath.EndsWith(".png", StringComparison.Ordinal));
        Assert.Equal("binary file (NUL bytes)", Reason(report, "bad/binary.txt"));
        Assert.Equal("not valid text in UTF-8, GB18030, Big5 or Windows-1252", Reason(report, "bad/not-text.txt"));
        Assert.Contains("utf-8", Reason(report, "bad/broken-utf8.md"), StringComparison.Ordinal);
        Assert.Equal("empty file", Reason(report, "bad/empty.txt"));
        Assert.Contains("over the limit of 20,000 (Ingest:MaxFileBytes)", Reason(report, "bad/huge.txt"), StringComparison.Ordinal);
        Assert.StartsWith("not a readable PDF", Reason(report, "bad/fake.pdf"), StringComparison.Ordinal);
        Assert.All(report.Files.Where(f => f.Outcome == FileOutcome.Failed), f => Assert.Equal(0, f.ChunkCount));

        Assert.Equal(AllArticles, (await _sqlite.ReadManifestAsync(CancellationToken.None)).Keys.Order(StringComparer.Ordinal));
        Assert.Empty(await SourcesMatchingAsync("Zanzibar"));
        Assert.Equal(["004_f9dad41751f58670.txt"], await SourcesMatchingAsync("Binhai"));
        _refresher.Verify(r => r.RefreshAsync(true, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task SynchronizeAsync_BadFileAgain_StillFailedAndNothingWritten()
    {
        // Arrange
        _directory.WriteBytes("corpus/bad.txt", [0x00, 0x01, 0x02]);
        await SynchronizeAsync();
        _index.ClearWrites();
        _refresher.Invocations.Clear();

        // Act
        var report = await SynchronizeAsync();

        // Assert
        var bad = Assert.Single(report.Files, f => f.RelativePath == "bad.txt");
        Assert.Equal((FileOutcome.Failed, false), (bad.Outcome, bad.StaleChunksRemoved));
        Assert.Equal(5, report.Count(FileOutcome.Unchanged));
        Assert.Empty(_index.Writes);
        Assert.False(report.ChangedCollection);
        _refresher.Verify(r => r.RefreshAsync(false, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task SynchronizeAsync_GoodFileBecomesBinary_FailsAndLosesItsStaleChunks()
    {
        // Arrange
        await SynchronizeAsync();
        _refresher.Invocations.Clear();
        File.WriteAllBytes(Path.Combine(_corpus, CorpusFile.OneLine004), [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]);

        // Act
        var report = await SynchronizeAsync();

        // Assert
        var result = Assert.Single(report.Files, f => f.RelativePath == CorpusFile.OneLine004);
        Assert.Equal((FileOutcome.Failed, "binary file (NUL bytes)", true), (result.Outcome, result.Reason, result.StaleChunksRemoved));
        Assert.Empty(await SourcesMatchingAsync("Binhai"));
        Assert.False((await _sqlite.ReadManifestAsync(CancellationToken.None)).ContainsKey(CorpusFile.OneLine004));
        Assert.True(report.ChangedCollection);
        _refresher.Verify(r => r.RefreshAsync(true, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task SynchronizeAsync_GoodFileGrowsOverTheSizeLimit_FailsAndLosesItsStaleChunks()
    {
        // Arrange
        await SynchronizeAsync();
        _refresher.Invocations.Clear();
        File.AppendAllText(Path.Combine(_corpus, CorpusFile.OneLine004), string.Concat(Enumerable.Repeat("\nMore text about the bay area.", 1000)));

        // Act
        var report = await SynchronizeAsync();

        // Assert
        var result = Assert.Single(report.Files, f => f.RelativePath == CorpusFile.OneLine004);
        Assert.Equal(FileOutcome.Failed, result.Outcome);
        Assert.Contains("Ingest:MaxFileBytes", result.Reason, StringComparison.Ordinal);
        Assert.Empty(await SourcesMatchingAsync("Binhai"));
        Assert.False((await _sqlite.ReadManifestAsync(CancellationToken.None)).ContainsKey(CorpusFile.OneLine004));
        _refresher.Verify(r => r.RefreshAsync(true, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task SynchronizeAsync_FailedFileRepaired_AddedAgain()
    {
        // Arrange
        var good = File.ReadAllBytes(Path.Combine(_corpus, CorpusFile.OneLine004));
        await SynchronizeAsync();
        File.WriteAllBytes(Path.Combine(_corpus, CorpusFile.OneLine004), []);
        await SynchronizeAsync();
        File.WriteAllBytes(Path.Combine(_corpus, CorpusFile.OneLine004), good);

        // Act
        var report = await SynchronizeAsync();

        // Assert
        Assert.Equal(FileOutcome.Added, Outcome(report, CorpusFile.OneLine004));
        Assert.Equal([CorpusFile.OneLine004], await SourcesMatchingAsync("Binhai"));
    }

    [Fact]
    public async Task SynchronizeAsync_PipelineVersionChanged_EveryArticleUpdated()
    {
        // Arrange
        await SynchronizeAsync();
        var smallerChunks = new ChunkingOptions { TargetTokens = 80, OverlapTokens = 16 };

        // Act
        var report = await SynchronizeAsync(chunking: smallerChunks);

        // Assert
        Assert.All(report.Files, f => Assert.Equal(FileOutcome.Updated, f.Outcome));
        var manifest = await _sqlite.ReadManifestAsync(CancellationToken.None);
        Assert.All(manifest.Values, e => Assert.Equal(Preparer(smallerChunks).PipelineVersion, e.PipelineVersion));
        Assert.Equal(report.ChunksWritten, (await _sqlite.GetStatisticsAsync(CancellationToken.None)).ChunkCount);
    }

    [Fact]
    public async Task SynchronizeAsync_WithProgress_ToldTheFileCountAndEveryFileOnce()
    {
        // Arrange
        await SynchronizeAsync();
        File.Delete(Path.Combine(_corpus, CorpusFile.German002));
        var progress = new Mock<IIngestProgress>();

        // Act
        await CreateSynchronizer().SynchronizeAsync(_corpus, progress.Object, CancellationToken.None);

        // Assert: four files on disk plus one removal.
        progress.Verify(p => p.Started(5), Times.Once);
        progress.Verify(p => p.FileDone(It.Is<FileResult>(r => r.RelativePath == CorpusFile.German002 && r.Outcome == FileOutcome.Removed)), Times.Once);
        progress.Verify(p => p.FileDone(It.Is<FileResult>(r => r.Outcome == FileOutcome.Unchanged)), Times.Exactly(4));
        progress.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task SynchronizeAsync_MissingCorpusFolder_ThrowsNamingTheFolderAndTouchesNothing()
    {
        // Arrange
        var missing = _directory.Combine("no-such-corpus");

        // Act
        var exception = await Assert.ThrowsAsync<DirectoryNotFoundException>(() => CreateSynchronizer().SynchronizeAsync(missing, null, CancellationToken.None));

        // Assert
        Assert.Contains(missing, exception.Message, StringComparison.Ordinal);
        Assert.Contains("Corpus:Path", exception.Message, StringComparison.Ordinal);
        Assert.Empty(_index.Writes);
        _refresher.Verify(r => r.RefreshAsync(It.IsAny<bool>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task SynchronizeAsync_Cancelled_Throws()
    {
        // Arrange
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        // Act / Assert
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CreateSynchronizer().SynchronizeAsync(_corpus, null, cancellation.Token));
        _refresher.Verify(r => r.RefreshAsync(It.IsAny<bool>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    private static IReadOnlyList<string> AllArticles =>
        [CorpusFile.English000, CorpusFile.FrontMatterHtml001, CorpusFile.German002, CorpusFile.Traditional003, CorpusFile.OneLine004];

    private static FileOutcome Outcome(IngestReport report, string path) => Assert.Single(report.Files, f => f.RelativePath == path).Outcome;

    private static string? Reason(IngestReport report, string path) => Assert.Single(report.Files, f => f.RelativePath == path && f.Outcome == FileOutcome.Failed).Reason;

    private static int ChunkCount(IngestReport report, string path) => Assert.Single(report.Files, f => f.RelativePath == path).ChunkCount;

    private static DocumentPreparer Preparer(ChunkingOptions? chunking = null) =>
        new(new DocumentParser(new ArticleParser()), new SentenceAwareChunker(chunking ?? new ChunkingOptions()), TextAnalyzer.Default, LanguageTags.Default);

    private string Sha256(string relativePath) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(_corpus, relativePath))));

    private CorpusSynchronizer CreateSynchronizer(ChunkingOptions? chunking = null, IFolderLister? lister = null)
    {
        var options = new IngestOptions { MaxFileBytes = MaxFileBytes };
        return new CorpusSynchronizer(
            new CorpusScanner(options, lister),
            new FileReader(options),
            Preparer(chunking),
            _index,
            [_refresher.Object],
            _time,
            NullLogger<CorpusSynchronizer>.Instance);
    }

    private Task<IngestReport> SynchronizeAsync(ChunkingOptions? chunking = null) =>
        CreateSynchronizer(chunking).SynchronizeAsync(_corpus, null, CancellationToken.None);

    /// <summary>The articles whose chunks the lexical index finds for <paramref name="word"/>, analyzed as the index analyzes text.</summary>
    private async Task<IReadOnlyList<string>> SourcesMatchingAsync(string word, string language = Languages.English)
    {
        var terms = TextAnalyzer.Default.Analyze(word, language);
        Assert.NotEmpty(terms);
        var hits = await _sqlite.SearchLexicalAsync(terms, 100, CancellationToken.None);
        var chunks = await _sqlite.GetChunksAsync(hits.Select(h => h.ChunkId).ToList(), CancellationToken.None);
        return chunks.Select(c => c.SourcePath).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }
}
