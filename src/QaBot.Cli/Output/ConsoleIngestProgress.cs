using QaBot.Core;
using QaBot.Ingestion.Sync;

namespace QaBot.Cli.Output;

/// <summary>
/// Ingest progress on standard error: a redrawn progress bar on a terminal, one plain line per changed or
/// failed file otherwise (CI logs, pipes).
/// </summary>
public sealed class ConsoleIngestProgress(TextWriter writer, bool isTerminal) : IIngestProgress
{
    private const int BarWidth = 30;
    private readonly Lock _lock = new();
    private int _total;
    private int _done;

    public static ConsoleIngestProgress ForStandardError() => new(Console.Error, !Console.IsErrorRedirected);

    public void Started(int fileCount)
    {
        _total = fileCount;
        _done = 0;
    }

    public void FileDone(FileResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        lock (_lock)
        {
            _done++;
            if (isTerminal)
            {
                if (result.Outcome == FileOutcome.Failed || IngestReport.IsWarning(result.Outcome))
                {
                    writer.Write("\r\u001b[2K");
                    writer.WriteLine(Describe(result));
                }

                var filled = _total == 0 ? BarWidth : _done * BarWidth / _total;
                writer.Write($"\r\u001b[2K[{new string('#', filled)}{new string('.', BarWidth - filled)}] {_done}/{_total} {DisplayText.Escape(result.RelativePath)}");
                if (_done == _total)
                {
                    writer.Write("\r\u001b[2K");
                }
            }
            else if (result.Outcome != FileOutcome.Unchanged)
            {
                writer.WriteLine(Describe(result));
            }

            writer.Flush();
        }
    }

    // File names are escaped: a name holding a newline or ESC cannot forge a line or drive the terminal.
    private static string Describe(FileResult result) => result.Outcome switch
    {
        FileOutcome.Failed => $"failed   {DisplayText.Escape(result.RelativePath)}: {DisplayText.Escape(result.Reason)}",
        FileOutcome.Vanished or FileOutcome.NothingToIndex => $"warning  {DisplayText.Escape(result.RelativePath)}: {DisplayText.Escape(result.Reason)}",
        FileOutcome.Removed => $"removed  {DisplayText.Escape(result.RelativePath)}",
        var outcome => $"{outcome.ToString().ToLowerInvariant(),-8} {DisplayText.Escape(result.RelativePath)} ({result.ChunkCount} chunks)",
    };
}
