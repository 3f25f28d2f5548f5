using System.Globalization;
using System.Text;
using QaBot.Ingestion.Sync;

namespace QaBot.Cli.Output;

/// <summary>The closing lines of an ingest: counts per outcome, chunks written, time, and every failure with its reason.</summary>
public static class IngestSummary
{
    public static string Format(IngestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture,
            $"Ingest: {report.Count(FileOutcome.Added)} added, {report.Count(FileOutcome.Updated)} updated, {report.Count(FileOutcome.Removed)} removed, ");
        builder.Append(CultureInfo.InvariantCulture,
            $"{report.Count(FileOutcome.Unchanged)} unchanged, {report.Count(FileOutcome.Failed)} failed; {report.ChunksWritten} chunks written in {report.Elapsed.TotalSeconds:0.00} s.");
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
            builder.AppendLine().Append(CultureInfo.InvariantCulture, $"  failed: {failed.RelativePath}: {failed.Reason}");
        }

        return builder.ToString();
    }
}
