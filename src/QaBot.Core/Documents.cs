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

/// <summary>What a cleaned block is, so the chunker can follow sections, keep tables and never split code.</summary>
public enum BlockKind
{
    Paragraph,
    Heading,
    ListItem,

    /// <summary>One row of a table, cells joined by " | "; <see cref="TextBlock.TableHeader"/> holds the table's header row.</summary>
    TableRow,

    /// <summary>A code or preformatted block, verbatim (line breaks kept): quoted whole, never split mid-line.</summary>
    Code,
}

/// <summary>A 1-based line and column (UTF-16 code unit within the line) in the original file.</summary>
public readonly record struct SourcePosition(int Line, int Column);

/// <summary>
/// One block of cleaned text (a paragraph, heading, list item, table row or code block) with the span it came
/// from in the original file (lines 1-based and inclusive), so every chunk can cite its exact place.
/// </summary>
public sealed record TextBlock(string Text, int StartLine, int EndLine, BlockKind Kind = BlockKind.Paragraph)
{
    /// <summary>Column of the block's first character on <see cref="StartLine"/> (1-based).</summary>
    public int StartColumn { get; init; } = 1;

    /// <summary>Column of the block's last character on <see cref="EndLine"/> (1-based, inclusive); 0 when the block runs to the end of that line.</summary>
    public int EndColumn { get; init; }

    /// <summary>Heading level (1 for the top) of a <see cref="BlockKind.Heading"/>; 0 for other blocks.</summary>
    public int Level { get; init; }

    /// <summary>For a <see cref="BlockKind.TableRow"/>: the header row of its table, so every chunk of a table keeps it.</summary>
    public string? TableHeader { get; init; }

    /// <summary>
    /// Where each character of <see cref="Text"/> stood in the original file (same length as the text), so a
    /// sentence of a long line can be cited by column; null when the reader could keep only the block's span.
    /// </summary>
    public IReadOnlyList<SourcePosition>? Positions { get; init; }

    /// <summary>1-based page of a paged document (PDF), lines then counting within that page; 0 when the format has no pages.</summary>
    public int Page { get; init; }
}

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
    /// <summary>Column of the chunk's first character on <see cref="StartLine"/> (1-based); 1 for a chunk that starts its line.</summary>
    public int StartColumn { get; init; } = 1;

    /// <summary>Column of the chunk's last character on <see cref="EndLine"/> (1-based, inclusive); 0 when it runs to the end of the line.</summary>
    public int EndColumn { get; init; }

    /// <summary>The headings above the chunk, outermost first (<c>Chapter 4 › 4.3 PAM</c>); empty outside any section.</summary>
    public IReadOnlyList<string> HeadingPath { get; init; } = [];

    /// <summary>1-based page of a paged document (PDF) holding the chunk, its lines counted within that page; 0 for formats without pages.</summary>
    public int Page { get; init; }

    /// <summary>Deterministic id of (source path, chunk index): a re-run overwrites instead of duplicating.</summary>
    public Guid Id => ChunkId.For(SourcePath, Index);
}
