using System.Globalization;
using System.Text;
using QaBot.Core;
using QaBot.Ingestion.Sync;

namespace QaBot.Cli.Output;

/// <summary>
/// The closing lines of an ingest: counts per outcome, chunks written, time, and every failure and warning with
/// its reason. File names are escaped: a name holding a newline cannot forge a line.
/// </summary>
public static class IngestSummary
{
    public static string Format(IngestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture,
            $"Ingest: {report.Count(FileOutcome.Added)} added, {report.Count(FileOutcome.Updated)} updated, {report.Count(FileOutcome.Removed)} removed, ");
        builder.Append(CultureInfo.InvariantCulture,
            $"{report.Count(FileOutcome.Unchanged)} unchanged, {report.Count(FileOutcome.Failed)} failed{Warnings(report)}; {report.ChunksWritten} chunks written in {report.Elapsed.TotalSeconds:0.00} s.");
        if (report.EmbeddingModel is { } model)
        {
            builder.AppendLine().Append(CultureInfo.InvariantCulture, $"  embeddings: {model}");
            if (report.ReplacedEmbeddingModel is { } replaced)
            {
                builder.Append(CultureInfo.InvariantCulture, $"; replaced the vectors of {replaced}, so every file was re-embedded");
            }
        }

        foreach (var failed in report.Files.Where(f => f.Outcome == FileOutcome.Failed))
        {
            builder.AppendLine().Append(CultureInfo.InvariantCulture, $"  failed: {DisplayText.Escape(failed.RelativePath)}: {DisplayText.Escape(failed.Reason)}");
        }

        foreach (var warning in report.Warnings.Concat(report.FileWarnings))
        {
            builder.AppendLine().Append(CultureInfo.InvariantCulture, $"  warning: {DisplayText.Escape(warning.RelativePath)}: {DisplayText.Escape(warning.Reason)}");
        }

        return builder.ToString();
    }

    private static string Warnings(IngestReport report)
    {
        var count = report.Warnings.Count + report.FileWarnings.Count();
        return count switch
        {
            0 => string.Empty,
            1 => ", 1 warning",
            _ => string.Create(CultureInfo.InvariantCulture, $", {count} warnings"),
        };
    }
}
