using System.Text;

namespace QaBot.Ingestion.Reading.Office;

/// <summary>
/// Drops running headers and footers. The text is compared with digits ignored, so page numbers match, and at
/// the same height on the page. A block is decoration when it repeats on more than half of the pages (and on
/// at least two), or when it is the top or bottom block of its page and repeats on a neighbouring page (a
/// chapter's running title, which changes with the chapter). Body text seldom repeats like that.
/// </summary>
/// <remarks>
/// PdfPig's <c>DecorationTextBlockClassifier</c> was tried first: it judges by edit-distance similarity, which
/// on short pages also removed body paragraphs that were merely worded alike.
/// </remarks>
internal static class PdfDecorationFilter
{
    /// <summary>How far apart (fraction of the page height) two blocks may stand and still count as the same place.</summary>
    private const double SamePlaceTolerance = 0.02;

    /// <summary>Pages before and after that count as neighbours (two, for left and right pages of a book).</summary>
    private const int NeighbourPages = 2;

    public static IReadOnlyList<PdfLayoutBlock> Filter(IReadOnlyList<PdfLayoutBlock> blocks, int pageCount)
    {
        if (pageCount < 2)
        {
            return blocks;
        }

        var byKey = blocks.ToLookup(block => Key(block.Block.Text));
        var edges = blocks
            .GroupBy(block => block.Page)
            .SelectMany(page => new[] { page.MaxBy(block => block.RelativeCenterY)!, page.MinBy(block => block.RelativeCenterY)! })
            .ToHashSet();
        return blocks.Where(block => !IsDecoration(block, byKey[Key(block.Block.Text)], pageCount, edges.Contains(block))).ToList();
    }

    private static bool IsDecoration(PdfLayoutBlock block, IEnumerable<PdfLayoutBlock> sameText, int pageCount, bool atEdge)
    {
        var pages = sameText
            .Where(other => Math.Abs(other.RelativeCenterY - block.RelativeCenterY) <= SamePlaceTolerance)
            .Select(other => other.Page)
            .ToHashSet();
        if (pages.Count >= 2 && pages.Count * 2 > pageCount)
        {
            return true;
        }

        return atEdge && pages.Any(page => page != block.Page && Math.Abs(page - block.Page) <= NeighbourPages);
    }

    /// <summary>Lower-case text with every digit run as '#' and white space collapsed.</summary>
    private static string Key(string text)
    {
        var key = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsDigit(c))
            {
                if (key.Length == 0 || key[^1] != '#')
                {
                    key.Append('#');
                }
            }
            else if (char.IsWhiteSpace(c))
            {
                if (key.Length > 0 && key[^1] != ' ')
                {
                    key.Append(' ');
                }
            }
            else
            {
                key.Append(char.ToLowerInvariant(c));
            }
        }

        return key.ToString().TrimEnd();
    }
}
