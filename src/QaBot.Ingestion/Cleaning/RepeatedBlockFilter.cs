using QaBot.Core;

namespace QaBot.Ingestion.Cleaning;

/// <summary>
/// Finds the paragraphs and list items that stand verbatim in many files of one collection (a site's
/// header, footer, licence line or "report a bug" box) and drops them from each article. Headings,
/// code and table rows are never candidates: they give structure, or are content that rightly repeats.
/// Texts are compared folded (<see cref="TextFolder"/>), so case and script variants count as one.
/// </summary>
/// <remarks>
/// Needs the whole collection: the ingest job reads every file's blocks, calls <see cref="FindRepeated"/>
/// once, then <see cref="Filter"/> per file before chunking.
/// </remarks>
/// <param name="minFiles">Fewest files a text must stand in to be furniture.</param>
/// <param name="minFileShare">Least share of the collection's files it must stand in as well.</param>
public sealed class RepeatedBlockFilter(int minFiles = 5, double minFileShare = 0.2)
{
    /// <summary>The folded texts that stand in enough files of <paramref name="articles"/> (each counted once per file).</summary>
    public IReadOnlySet<string> FindRepeated(IEnumerable<IReadOnlyList<TextBlock>> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var files = 0;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var blocks in articles)
        {
            files++;
            foreach (var key in blocks.Where(IsCandidate).Select(Key).Distinct(StringComparer.Ordinal))
            {
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        var needed = Math.Max(minFiles, (int)Math.Ceiling(files * minFileShare));
        return counts.Where(pair => pair.Value >= needed).Select(pair => pair.Key).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The article's blocks without those whose text is in <paramref name="repeated"/>.</summary>
    public static IReadOnlyList<TextBlock> Filter(IReadOnlyList<TextBlock> blocks, IReadOnlySet<string> repeated)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(repeated);
        return repeated.Count == 0 ? blocks : blocks.Where(block => !IsCandidate(block) || !repeated.Contains(Key(block))).ToList();
    }

    private static bool IsCandidate(TextBlock block) => block.Kind is BlockKind.Paragraph or BlockKind.ListItem;

    private static string Key(TextBlock block) => TextFolder.Fold(block.Text).Trim();
}
