using System.Globalization;
using QaBot.Embeddings.Models;

namespace QaBot.Cli.Output;

/// <summary>
/// Download progress on standard error: a redrawn bar with megabytes on a terminal (at most one redraw per
/// percent), one line per file otherwise.
/// </summary>
public sealed class ConsoleDownloadProgress(TextWriter writer, bool isTerminal) : IDownloadProgress
{
    private const int BarWidth = 30;
    private string _name = "";
    private long? _total;
    private int _lastPercent = -1;

    public static ConsoleDownloadProgress ForStandardError() => new(Console.Error, !Console.IsErrorRedirected);

    public void FileStarted(string name, long? totalBytes)
    {
        _name = name;
        _total = totalBytes;
        _lastPercent = -1;
        if (!isTerminal)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"downloading {name}{(totalBytes is { } t ? $" ({t / 1e6:0.0} MB)" : "")}"));
        }
    }

    public void BytesReceived(long receivedBytes)
    {
        if (!isTerminal)
        {
            return;
        }

        var percent = _total is > 0 ? (int)Math.Min(100, receivedBytes * 100 / _total.Value) : 0;
        if (percent == _lastPercent)
        {
            return;
        }

        _lastPercent = percent;
        var filled = percent * BarWidth / 100;
        var size = _total is { } total ? string.Create(CultureInfo.InvariantCulture, $"{receivedBytes / 1e6:0.0}/{total / 1e6:0.0} MB") : string.Create(CultureInfo.InvariantCulture, $"{receivedBytes / 1e6:0.0} MB");
        writer.Write($"\r\u001b[2K[{new string('#', filled)}{new string('.', BarWidth - filled)}] {percent,3}% {size} {_name}");
        writer.Flush();
    }

    public void FileDone(string name, bool skipped)
    {
        if (isTerminal)
        {
            writer.Write("\r\u001b[2K");
        }

        writer.WriteLine(skipped ? $"present  {name} (SHA-256 matches)" : $"verified {name} (SHA-256 matches)");
        writer.Flush();
    }
}
