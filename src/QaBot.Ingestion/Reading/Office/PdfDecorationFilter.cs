using System.Text;

namespace QaBot.Ingestion.Reading.Office;

/// <summary>
/// Drops running headers and footers: a block whose text (digits ignored, so page numbers match) stands at the
/// same height on more than half of the pages, and on at least two. Body text seldom repeats like that.
/// </summary>
internal static class PdfDecorationFilter
{
    /// <summary>How far apart (fraction of the page height) two blocks may stand and still count as the same place.</summary>
    private const double SamePlaceTolerance = 0.02;

    public static IReadOnlyList<PdfLayoutBlock> Filter(IReadOnlyList<PdfLayoutBlock> blocks, int pageCount)
    {
        if (pageCount < 2)
        {
            return blocks;
        }

        var byKey = blocks.ToLookup(block => Key(block.Block.Text));
        return blocks.Where(block => !IsDecoration(block, byKey[Key(block.Block.Text)], pageCount)).ToList();
    }

    private static bool IsDecoration(PdfLayoutBlock block, IEnumerable<PdfLayoutBlock> sameText, int pageCount)
    {
        var pages = sameText
            .Where(other => Math.Abs(other.RelativeCenterY - block.RelativeCenterY) <= SamePlaceTolerance)
            .Select(other => other.Page)
            .Distinct()
            .Count();
        return pages >= 2 && pages * 2 > pageCount;
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
