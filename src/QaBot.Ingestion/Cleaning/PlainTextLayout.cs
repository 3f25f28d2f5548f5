using QaBot.Core;
using QaBot.Ingestion.Reading;

namespace QaBot.Ingestion.Cleaning;

/// <summary>
/// Finds the structure plain text does not mark: a short line without sentence-final punctuation,
/// followed by longer text or by another such line, is a heading; a lone section number
/// (<c>1</c>, <c>2、</c>) is joined to the block after it so its line stays cited.
/// </summary>
internal static class PlainTextLayout
{
    public static IReadOnlyList<TextBlock> Apply(IReadOnlyList<TextBlock> blocks)
    {
        var candidates = blocks.Select(IsHeadingCandidate).ToArray();
        var laidOut = new List<TextBlock>(blocks.Count);
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            var next = i + 1 < blocks.Count ? blocks[i + 1] : null;
            if (candidates[i] && next is not null && (candidates[i + 1] || next.Text.Length > block.Text.Length))
            {
                block = block with { Kind = BlockKind.Heading };
            }

            laidOut.Add(block);
        }

        return JoinSectionNumbers(laidOut);
    }

    private static bool IsHeadingCandidate(TextBlock block) =>
        block.Kind == BlockKind.Paragraph && block.StartLine == block.EndLine && TextShape.LooksLikeHeading(block.Text);

    private static List<TextBlock> JoinSectionNumbers(List<TextBlock> blocks)
    {
        var joined = new List<TextBlock>(blocks.Count);
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (IsSectionNumber(block.Text) && i + 1 < blocks.Count)
            {
                var next = blocks[i + 1];
                IReadOnlyList<SourcePosition>? positions = block.Positions is { } first && next.Positions is { } second
                    ? [.. first, first[^1], .. second]
                    : null;
                joined.Add(next with
                {
                    Text = $"{block.Text} {next.Text}",
                    StartLine = block.StartLine,
                    StartColumn = block.StartColumn,
                    Positions = positions,
                });
                i++;
                continue;
            }

            joined.Add(block);
        }

        return joined;
    }

    private static bool IsSectionNumber(string text) =>
        text.Length is > 0 and <= 3 && char.IsAsciiDigit(text[0]) && text.Skip(1).All(c => char.IsAsciiDigit(c) || c is '.' or '、' or ')');
}
