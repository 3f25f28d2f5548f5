using System.ComponentModel.DataAnnotations;

namespace QaBot.Ingestion.Sync;

/// <summary>Which files an ingest reads. Section <c>Ingest</c>; the folder itself is <c>Corpus:Path</c>.</summary>
public sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    /// <summary>Files larger than this are reported and skipped.</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>File endings read as articles; anything else in the folder is ignored.</summary>
    [MinLength(1)]
    public string[] Extensions { get; set; } = [".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx"];
}

/// <summary>The data annotations of <see cref="IngestOptions"/>, checked by generated code.</summary>
[Microsoft.Extensions.Options.OptionsValidator]
public sealed partial class IngestOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<IngestOptions>
{
}
