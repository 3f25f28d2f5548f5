using QaBot.Core;

namespace QaBot.Ingestion.Reading;

/// <summary>Sets a block's line and column span from the positions of its first and last characters.</summary>
internal static class BlockSpan
{
    public static TextBlock Fit(TextBlock block, string text, LineMap lines)
    {
        if (block.Positions is not { Count: > 0 } positions)
        {
            return block;
        }

        var first = positions[0];
        var last = positions[^1];
        return block with
        {
            StartLine = first.Line,
            StartColumn = first.Column,
            EndLine = last.Line,
            EndColumn = RunsToLineEnd(text, lines, last) ? 0 : last.Column,
        };
    }

    /// <summary>True when only white space follows the character on its line.</summary>
    private static bool RunsToLineEnd(string text, LineMap lines, SourcePosition position)
    {
        var end = lines.EndOf(text, position.Line);
        for (var offset = lines.StartOf(position.Line) + position.Column; offset < end; offset++)
        {
            if (!char.IsWhiteSpace(text[offset]))
            {
                return false;
            }
        }

        return true;
    }
}
