using QaBot.Core;
using QaBot.Ingestion.Reading;

namespace QaBot.Ingestion.Cleaning;

/// <summary>The title and the blocks, with the title's block (if it has one) marked as a heading.</summary>
internal sealed record ResolvedTitle(string? Title, IReadOnlyList<TextBlock> Blocks);

/// <summary>
/// Derives a plain-text article's title: the first line when it looks like a title (short, no
/// sentence-final punctuation; a question mark is fine); else the title-like line just above a
/// dateline (scrapers put "headline / source·date" anywhere); else a "原文標題: ..." footer.
/// </summary>
internal static class TitleResolver
{
    public static ResolvedTitle ForPlainText(IReadOnlyList<TextBlock> blocks, BoilerplateResult filtered)
    {
        if (blocks.Count == 0)
        {
            return new ResolvedTitle(filtered.DuplicatedTitle, blocks);
        }

        if (IsTitle(blocks[0]) && blocks.Count > 1)
        {
            return MarkHeading(blocks, 0);
        }

        var dateline = filtered.Removed.FirstOrDefault(r => r.Reason == BoilerplateReason.Dateline);
        if (dateline is not null)
        {
            var above = blocks.Select((block, index) => (block, index)).LastOrDefault(b => b.block.EndLine < dateline.Block.StartLine);
            if (above.block is not null && IsTitle(above.block))
            {
                return MarkHeading(blocks, above.index);
            }
        }

        return new ResolvedTitle(filtered.DuplicatedTitle, blocks);
    }

    /// <summary>For HTML and Markdown: front matter, then &lt;title&gt;, then the first h1 or leading heading, then a title footer.</summary>
    public static string? ForMarkup(string? frontMatterTitle, string? htmlTitle, string? firstH1, IReadOnlyList<TextBlock> blocks, BoilerplateResult filtered)
    {
        var leadingHeading = blocks.Count > 0 && blocks[0].Kind == BlockKind.Heading ? blocks[0].Text : null;
        return new[] { frontMatterTitle, htmlTitle, firstH1, leadingHeading, filtered.DuplicatedTitle }
            .Select(t => t is null ? null : TextNormalizer.Normalize(t))
            .FirstOrDefault(t => !string.IsNullOrWhiteSpace(t));
    }

    private static bool IsTitle(TextBlock block) =>
        block.Kind != BlockKind.ListItem && block.StartLine == block.EndLine && TextShape.LooksLikeTitle(block.Text);

    private static ResolvedTitle MarkHeading(IReadOnlyList<TextBlock> blocks, int index)
    {
        var marked = blocks.ToList();
        marked[index] = marked[index] with { Kind = BlockKind.Heading };
        return new ResolvedTitle(marked[index].Text, marked);
    }
}
