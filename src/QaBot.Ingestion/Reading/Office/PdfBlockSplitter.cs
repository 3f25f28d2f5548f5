using UglyToad.PdfPig.DocumentLayoutAnalysis;
using PdfTextBlock = UglyToad.PdfPig.DocumentLayoutAnalysis.TextBlock;

namespace QaBot.Ingestion.Reading.Office;

/// <summary>
/// Splits a Docstrum block where the font size changes or a blank line's space separates two lines. Docstrum
/// estimates line spacing from the whole page; on a page with few lines it can join a running header, a
/// heading or two paragraphs into one block.
/// </summary>
internal static class PdfBlockSplitter
{
    /// <summary>A gap this many times the block's tightest line spacing is a paragraph break.</summary>
    private const double ParagraphGapRatio = 1.6;

    /// <summary>Baselines further apart than this many font sizes have a blank line between them.</summary>
    private const double BlankLineInFontSizes = 2.2;

    public static IEnumerable<PdfTextBlock> Split(PdfTextBlock block)
    {
        var lines = block.TextLines;
        if (lines.Count < 2)
        {
            yield return block;
            yield break;
        }

        var gaps = Enumerable.Range(1, lines.Count - 1).Select(i => BaselineGap(lines[i - 1], lines[i])).ToList();
        var tightest = gaps.Where(gap => gap > 0).DefaultIfEmpty(0).Min();
        var start = 0;
        for (var i = 1; i < lines.Count; i++)
        {
            if (IsBreak(lines[i - 1], lines[i], gaps[i - 1], tightest))
            {
                yield return new PdfTextBlock(lines.Skip(start).Take(i - start).ToList(), block.Separator);
                start = i;
            }
        }

        yield return start == 0 ? block : new PdfTextBlock(lines.Skip(start).ToList(), block.Separator);
    }

    private static bool IsBreak(TextLine above, TextLine below, double gap, double tightest)
    {
        var (sizeAbove, sizeBelow) = (FontSize(above), FontSize(below));
        if (sizeAbove != sizeBelow)
        {
            return true;
        }

        return gap > BlankLineInFontSizes * sizeAbove || (tightest > 0 && gap > ParagraphGapRatio * tightest);
    }

    private static double BaselineGap(TextLine above, TextLine below) =>
        Math.Abs(above.BoundingBox.Bottom - below.BoundingBox.Bottom);

    private static double FontSize(TextLine line) => PdfFontSize.MostCommon(line.Words.SelectMany(word => word.Letters));
}
