using UglyToad.PdfPig.Content;

namespace QaBot.Ingestion.Reading.Office;

/// <summary>
/// Finds headings by font size: the body size is the size most letters of the document have; a short block
/// set clearly larger is a heading, and its level is the rank of its size among the heading sizes (largest = 1).
/// </summary>
internal sealed class PdfHeadingClassifier
{
    /// <summary>A heading's letters are at least this much larger than the body's (1.15 = 15 %).</summary>
    private const double HeadingSizeRatio = 1.15;

    /// <summary>Longer blocks are paragraphs set large (a lead or a quote), not headings.</summary>
    private const int MaxHeadingChars = 200;

    private const int MaxHeadingLines = 3;
    private const int MaxLevel = 6;

    private readonly Dictionary<double, int> _levelBySize;

    private PdfHeadingClassifier(Dictionary<double, int> levelBySize) => _levelBySize = levelBySize;

    public static PdfHeadingClassifier For(IReadOnlyList<PdfLayoutBlock> blocks)
    {
        var bodySize = PdfFontSize.MostCommon(blocks.SelectMany(LettersOf));

        var headingSizes = blocks
            .Where(IsHeadingShaped)
            .Select(SizeOf)
            .Where(size => bodySize > 0 && size >= bodySize * HeadingSizeRatio)
            .Distinct()
            .OrderDescending()
            .Select((size, rank) => (size, level: Math.Min(rank + 1, MaxLevel)))
            .ToDictionary(pair => pair.size, pair => pair.level);
        return new PdfHeadingClassifier(headingSizes);
    }

    /// <summary>The heading level of the block, or 0 when it is body text.</summary>
    public int LevelOf(PdfLayoutBlock block) =>
        IsHeadingShaped(block) && _levelBySize.TryGetValue(SizeOf(block), out var level) ? level : 0;

    /// <summary>Short, and with a letter: a large number alone is a figure or a page number, not a heading.</summary>
    private static bool IsHeadingShaped(PdfLayoutBlock block) =>
        block.Block.TextLines.Count <= MaxHeadingLines
        && block.Block.Text.Length <= MaxHeadingChars
        && block.Block.Text.Any(char.IsLetter);

    private static double SizeOf(PdfLayoutBlock block) => PdfFontSize.MostCommon(LettersOf(block));

    private static IEnumerable<Letter> LettersOf(PdfLayoutBlock block) =>
        block.Block.TextLines.SelectMany(line => line.Words.SelectMany(word => word.Letters));
}
