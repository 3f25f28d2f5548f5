using QaBot.Cli.Output;
using QaBot.Ingestion.Sync;

namespace QaBot.Cli.Tests.Output;

public sealed class IngestSummaryTests
{
    [Fact]
    public void Format_MixedReport_CountsChunksTimeAndEveryFailureWithItsReason()
    {
        // Arrange
        var report = new IngestReport(
            [
                new FileResult("a.txt", FileOutcome.Added, 4),
                new FileResult("b.txt", FileOutcome.Updated, 3),
                new FileResult("c.txt", FileOutcome.Unchanged, 9),
                new FileResult("d.txt", FileOutcome.Removed),
                new FileResult("bad/e.bin.txt", FileOutcome.Failed, Reason: "binary file (NUL bytes)"),
                new FileResult("f.txt", FileOutcome.Failed, Reason: "file is 20,001 bytes, over the limit of 20,000 (Ingest:MaxFileBytes)"),
            ],
            TimeSpan.FromMilliseconds(1504));

        // Act
        var text = IngestSummary.Format(report).ReplaceLineEndings("\n");

        // Assert
        Assert.Equal(
            "Ingest: 1 added, 1 updated, 1 removed, 1 unchanged, 2 failed; 7 chunks written in 1.50 s.\n"
            + "  failed: bad/e.bin.txt: binary file (NUL bytes)\n"
            + "  failed: f.txt: file is 20,001 bytes, over the limit of 20,000 (Ingest:MaxFileBytes)",
            text);
    }

    [Fact]
    public void Format_NothingChanged_OneLine()
    {
        // Arrange
        var report = new IngestReport([new FileResult("a.txt", FileOutcome.Unchanged, 4)], TimeSpan.FromSeconds(0.2));

        // Act / Assert
        Assert.Equal("Ingest: 0 added, 0 updated, 0 removed, 1 unchanged, 0 failed; 0 chunks written in 0.20 s.", IngestSummary.Format(report));
    }

    [Fact]
    public void Format_ScanWarningsVanishedAndNothingToIndexFiles_CountedAndListedByName()
    {
        // Arrange
        var report = new IngestReport(
            [
                new FileResult("a.txt", FileOutcome.Unchanged, 4),
                new FileResult("gone.txt", FileOutcome.Vanished, Reason: "vanished between scan and read"),
                new FileResult("toc.html", FileOutcome.NothingToIndex, Reason: "nothing to index: only navigation"),
            ],
            TimeSpan.FromSeconds(0.2))
        {
            Warnings = [new IngestWarning("loopdir", "symbolic link to a folder inside the corpus (a loop or a second path to it); not followed")],
        };

        // Act
        var text = IngestSummary.Format(report).ReplaceLineEndings("\n");

        // Assert
        Assert.Equal(
            "Ingest: 0 added, 0 updated, 0 removed, 1 unchanged, 0 failed, 3 warnings; 0 chunks written in 0.20 s.\n"
            + "  warning: loopdir: symbolic link to a folder inside the corpus (a loop or a second path to it); not followed\n"
            + "  warning: gone.txt: vanished between scan and read\n"
            + "  warning: toc.html: nothing to index: only navigation",
            text);
    }

    [Fact]
    public void Format_FileNameWithNewlineAndEscape_EscapedOnOneLine()
    {
        // Arrange: a name that tries to forge a second summary line and recolour the terminal.
        var report = new IngestReport([new FileResult("a.txt\n  failed: b.txt: \u001b[31mforged", FileOutcome.Failed, Reason: "binary file (NUL bytes)")], TimeSpan.Zero);

        // Act
        var lines = IngestSummary.Format(report).ReplaceLineEndings("\n").Split('\n');

        // Assert
        Assert.Equal(2, lines.Length);
        Assert.Equal("  failed: a.txt\\n  failed: b.txt: \\x1b[31mforged: binary file (NUL bytes)", lines[1]);
    }
}
