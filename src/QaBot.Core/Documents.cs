namespace QaBot.Core;

/// <summary>Metadata read from an article's front matter, HTML head or first line.</summary>
public sealed record ArticleMetadata(
    string? Title,
    DateTimeOffset? Date = null,
    string? Author = null,
    IReadOnlyList<string>? Tags = null)
{
    public static ArticleMetadata Empty { get; } = new((string?)null);

    public IReadOnlyList<string> TagsOrEmpty => Tags ?? [];
}

/// <summary>What a cleaned block is, so the chunker can start sections at headings.</summary>
public enum BlockKind
{
    Paragraph,
    Heading,
    ListItem,
}

/// <summary>
/// One block of cleaned text (a paragraph, heading or list item) with the lines it came from in the
/// original file (1-based, inclusive), so every chunk can cite its exact line range.
/// </summary>
public sealed record TextBlock(string Text, int StartLine, int EndLine, BlockKind Kind = BlockKind.Paragraph);

/// <summary>An article after reading and cleaning: metadata plus body blocks mapped to original lines.</summary>
public sealed record CleanArticle(string SourcePath, ArticleMetadata Metadata, IReadOnlyList<TextBlock> Blocks)
{
    /// <summary>The title to cite: the metadata title, else the file name.</summary>
    public string DisplayTitle => string.IsNullOrWhiteSpace(Metadata.Title) ? Path.GetFileName(SourcePath) : Metadata.Title!;
}

/// <summary>A retrievable passage of an article.</summary>
/// <param name="SourcePath">Path relative to the corpus folder, with '/' separators.</param>
/// <param name="Index">Position of the chunk within its article, from 0.</param>
/// <param name="Language">ISO code: en, de, zh (zh covers Simplified and Traditional).</param>
public sealed record Chunk(
    string SourcePath,
    int Index,
    string Title,
    string? Section,
    DateTimeOffset? Date,
    int StartLine,
    int EndLine,
    string Language,
    string Text)
{
    /// <summary>Deterministic id of (source path, chunk index): a re-run overwrites instead of duplicating.</summary>
    public Guid Id => ChunkId.For(SourcePath, Index);
}
