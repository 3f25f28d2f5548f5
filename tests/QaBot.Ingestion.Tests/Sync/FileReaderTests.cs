using System.Text;
using QaBot.Ingestion.Sync;
using QaBot.Testing;
using ScannedFile = QaBot.Ingestion.Sync.CorpusFile;

namespace QaBot.Ingestion.Tests.Sync;

public sealed class FileReaderTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task ReadAsync_SmallFile_BytesAndLowerCaseSha256()
    {
        // Arrange
        var path = _directory.WriteFile("a.txt", "abc");
        var file = new ScannedFile(path, "a.txt", 3);

        // Act
        var (content, failure, _) = await new FileReader(new IngestOptions()).ReadAsync(file, CancellationToken.None);

        // Assert
        Assert.Null(failure);
        Assert.NotNull(content);
        Assert.Equal(Encoding.UTF8.GetBytes("abc"), content.Bytes);
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", content.ContentHash);
    }

    [Fact]
    public async Task ReadAsync_FileAtTheLimit_Read()
    {
        // Arrange
        var path = _directory.WriteBytes("a.txt", new byte[10]);

        // Act
        var (content, failure, _) = await new FileReader(new IngestOptions { MaxFileBytes = 10 }).ReadAsync(new ScannedFile(path, "a.txt", 10), CancellationToken.None);

        // Assert
        Assert.Null(failure);
        Assert.Equal(10, content!.Bytes.Length);
    }

    [Fact]
    public async Task ReadAsync_ListedLengthOverTheLimit_FailsNamingSizeLimitAndSetting()
    {
        // Arrange
        var path = _directory.WriteBytes("big.txt", new byte[2048]);

        // Act
        var (content, failure, _) = await new FileReader(new IngestOptions { MaxFileBytes = 1024 }).ReadAsync(new ScannedFile(path, "big.txt", 2048), CancellationToken.None);

        // Assert
        Assert.Null(content);
        Assert.Equal("file is 2,048 bytes, over the limit of 1,024 (Ingest:MaxFileBytes)", failure);
    }

    [Fact]
    public async Task ReadAsync_FileGrewAfterTheScan_FailsOnTheBytesRead()
    {
        // Arrange: the scan saw 10 bytes, the file now has 2,000.
        var path = _directory.WriteBytes("grown.txt", new byte[2000]);

        // Act
        var (content, failure, _) = await new FileReader(new IngestOptions { MaxFileBytes = 1000 }).ReadAsync(new ScannedFile(path, "grown.txt", 10), CancellationToken.None);

        // Assert
        Assert.Null(content);
        Assert.Equal("file is 2,000 bytes, over the limit of 1,000 (Ingest:MaxFileBytes)", failure);
    }

    [Fact]
    public async Task ReadAsync_FileDeletedAfterTheScan_Vanished()
    {
        // Arrange
        var file = new ScannedFile(_directory.Combine("gone.txt"), "gone.txt", 5);

        // Act
        var (content, failure, vanished) = await new FileReader(new IngestOptions()).ReadAsync(file, CancellationToken.None);

        // Assert
        Assert.Null(content);
        Assert.True(vanished);
        Assert.Equal("vanished between scan and read", failure);
    }

    [Fact]
    public async Task ReadAsync_Fifo_NotOpenedReportedAsNotRegular()
    {
        // Arrange: opening a FIFO for reading blocks until a writer comes, so a pass proves it was never opened.
        var path = _directory.Combine("pipe.txt");
        Assert.Equal(0, Mono.Unix.Native.Syscall.mkfifo(path, Mono.Unix.Native.FilePermissions.DEFFILEMODE));

        // Act
        var (content, failure, vanished) = await new FileReader(new IngestOptions()).ReadAsync(new ScannedFile(path, "pipe.txt", 0), CancellationToken.None);

        // Assert
        Assert.Null(content);
        Assert.False(vanished);
        Assert.StartsWith("not a regular file", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_DeviceReportingZeroBytes_NotRead()
    {
        // Act: /dev/zero reports 0 bytes and never ends.
        var (content, failure, _) = await new FileReader(new IngestOptions { MaxFileBytes = 1024 }).ReadAsync(new ScannedFile("/dev/zero", "zero.txt", 0), CancellationToken.None);

        // Assert
        Assert.Null(content);
        Assert.StartsWith("not a regular file", failure, StringComparison.Ordinal);
    }
}
