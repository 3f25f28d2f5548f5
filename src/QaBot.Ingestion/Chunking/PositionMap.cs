using QaBot.Core;

namespace QaBot.Ingestion.Chunking;

/// <summary>
/// Maps offsets in a block's text to where they stood in the source file: exactly through the block's
/// <see cref="TextBlock.Positions"/>, or, when the reader kept none, to the block's own start and end.
/// </summary>
internal readonly struct PositionMap(TextBlock block)
{
    private readonly IReadOnlyList<SourcePosition>? _positions =
        block.Positions is { } positions && positions.Count == block.Text.Length ? positions : null;

    /// <summary>The source position of the character at <paramref name="offset"/>, or the block's start.</summary>
    public SourcePosition StartOf(int offset) =>
        _positions is { } positions ? positions[offset] : new SourcePosition(block.StartLine, block.StartColumn);

    /// <summary>The source position of the character at <paramref name="offset"/> (inclusive), or the block's end.</summary>
    public SourcePosition EndOf(int offset) =>
        _positions is { } positions ? positions[offset] : new SourcePosition(block.EndLine, block.EndColumn);
}
