using QaBot.Cli.Output;
using QaBot.Core;

namespace QaBot.Cli.Tests.Output;

public sealed class IndexStatusReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    private static IngestRun Run(IngestRunStatus status, TimeSpan heartbeatAgo, bool fromEmpty = true, string? failure = null) =>
        new("ingest-job pid 1 #c0ffee", status, 120, 400, fromEmpty, Now.AddMinutes(-10), Now - heartbeatAgo, failure);

    private static string Format(IngestRun? run, int documents)
    {
        var state = run?.ToIndexState(Now, documents > 0) ?? (documents > 0 ? IndexState.Ready : new IndexState(IndexPhase.Empty));
        return IndexStatusReport.Format(new IndexStatus(state, "embedded", documents, documents * 3, 0, null, null, "none (lexical only)", "none (extractive answers)")
        {
            LastRun = run,
            ReadAt = Now,
        });
    }

    [Fact]
    public void Format_AnotherProcessBuildsTheIndex_ShowsItsFilesAndHeartbeatAge()
    {
        var text = Format(Run(IngestRunStatus.Running, TimeSpan.FromSeconds(3)), documents: 120);

        Assert.Contains("Index:            ingesting 120 of 400 files (another process, heartbeat 3 s ago)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ingest:", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_HeartbeatOlderThanStaleness_ReadyWithInterruptedNote()
    {
        var text = Format(Run(IngestRunStatus.Running, IngestRun.StaleAfter + TimeSpan.FromSeconds(1)), documents: 120);

        Assert.Contains("Index:            ready", text, StringComparison.Ordinal);
        Assert.Contains("Ingest:           last ingest was interrupted at 120 of 400 files; the next `qabot ingest` repairs it", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_StaleRunThatCommittedNothing_EmptyWithInterruptedNote()
    {
        var text = Format(Run(IngestRunStatus.Running, TimeSpan.FromMinutes(5)), documents: 0);

        Assert.Contains("Index:            empty", text, StringComparison.Ordinal);
        Assert.Contains("last ingest was interrupted at 120 of 400 files", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_AnotherProcessUpdatesAFilledIndex_ReadyAndUpdating()
    {
        var text = Format(Run(IngestRunStatus.Running, TimeSpan.FromSeconds(1), fromEmpty: false), documents: 400);

        Assert.Contains("Index:            ready", text, StringComparison.Ordinal);
        Assert.Contains("Ingest:           updating, 120 of 400 files (another process, heartbeat 1 s ago)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_FailedRunWithoutDocuments_FailedWithReason()
    {
        var text = Format(Run(IngestRunStatus.Failed, TimeSpan.FromMinutes(1), failure: "disk full"), documents: 0);

        Assert.Contains("Index:            failed: disk full", text, StringComparison.Ordinal);
        Assert.Contains("Ingest:           last ingest failed at 120 of 400 files: disk full", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Format_NoRunOrAFinishedOne_NoIngestLine(bool finished)
    {
        var text = Format(finished ? Run(IngestRunStatus.Finished, TimeSpan.FromMinutes(1)) : null, documents: 400);

        Assert.Contains("Index:            ready", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ingest:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("another process", text, StringComparison.Ordinal);
    }
}
