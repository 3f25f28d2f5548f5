using System.ComponentModel.DataAnnotations;

namespace QaBot.Ingestion.Chunking;

/// <summary>Chunk sizes, in estimated tokens (one per Han character or Latin word). Section <c>Chunking</c>.</summary>
public sealed class ChunkingOptions
{
    public const string SectionName = "Chunking";

    /// <summary>A chunk is closed once adding the next sentence would pass this size.</summary>
    [Range(20, 4000)]
    public int TargetTokens { get; set; } = 160;

    /// <summary>How much of the end of one chunk is repeated at the start of the next (whole sentences).</summary>
    [Range(0, 1000)]
    public int OverlapTokens { get; set; } = 32;

    /// <summary>A sentence longer than this is cut at clause marks or words.</summary>
    [Range(20, 8000)]
    public int MaxSentenceTokens { get; set; } = 240;
}

/// <summary>The data annotations of <see cref="ChunkingOptions"/>, checked by generated code.</summary>
[Microsoft.Extensions.Options.OptionsValidator]
public sealed partial class ChunkingOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<ChunkingOptions>
{
}
