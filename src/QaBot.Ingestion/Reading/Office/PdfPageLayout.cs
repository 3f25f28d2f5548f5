using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;
using PdfTextBlock = UglyToad.PdfPig.DocumentLayoutAnalysis.TextBlock;

namespace QaBot.Ingestion.Reading.Office;

/// <summary>One block of a PDF page in reading order, with the page's 1-based index of its first text line.</summary>
internal sealed record PdfLayoutBlock(int Page, double PageHeight, PdfTextBlock Block, int FirstLine)
{
    public int LastLine => FirstLine + Block.TextLines.Count - 1;

    /// <summary>Vertical centre as a fraction of the page height (0 = bottom), to compare places across pages of any size.</summary>
    public double RelativeCenterY => PageHeight > 0 ? Block.BoundingBox.Centroid.Y / PageHeight : 0;
}

/// <summary>
/// Lays out one page with PdfPig's document layout analysis: letters into words (PdfPig's default extractor: by baseline, font and spacing; the nearest-neighbour one costs five times as much), words
/// into lines and blocks (Docstrum, then split at font size changes and blank lines), blocks into reading order (unsupervised, spatial reasoning column-wise). Lines are
/// numbered in that order from 1 within the page, so a citation's line span counts lines a reader can see.
/// </summary>
internal static class PdfPageLayout
{
    /// <summary>
    /// Column by column, top to bottom, from the blocks' places alone: the order a file draws its text in
    /// (running headers last, columns either way) says little about the order it is read in.
    /// </summary>
    private static readonly UnsupervisedReadingOrderDetector ReadingOrder =
        new(5, UnsupervisedReadingOrderDetector.SpatialReasoningRules.ColumnWise, useRenderingOrder: false);

    public static IReadOnlyList<PdfLayoutBlock> Read(Page page)
    {
        var words = page.GetWords()
            .Where(word => !string.IsNullOrWhiteSpace(word.Text))
            .ToList();
        if (words.Count == 0)
        {
            return [];
        }

        var blocks = DocstrumBoundingBoxes.Instance.GetBlocks(words).SelectMany(PdfBlockSplitter.Split).ToList();
        var ordered = ReadingOrder.Get(blocks).OrderBy(block => block.ReadingOrder);

        var result = new List<PdfLayoutBlock>();
        var nextLine = 1;
        foreach (var block in ordered)
        {
            result.Add(new PdfLayoutBlock(page.Number, page.Height, block, nextLine));
            nextLine += block.TextLines.Count;
        }

        return result;
    }
}
