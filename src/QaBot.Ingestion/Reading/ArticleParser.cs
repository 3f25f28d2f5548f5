using QaBot.Core;
using QaBot.Ingestion.Cleaning;
using QaBot.Ingestion.Reading.Html;

namespace QaBot.Ingestion.Reading;

/// <summary>
/// The reading and cleaning stage of ingest: decode, split front matter, read the body as plain text,
/// Markdown or HTML, normalize each block, drop boilerplate, find headings and the title. Every block
/// keeps the 1-based line range it came from in the original file.
/// </summary>
/// <remarks>Stateless and thread-safe. File size limits, hashing and I/O are the caller's.</remarks>
public sealed class ArticleParser : IArticleParser
{
    /// <summary>Parses one article.</summary>
    /// <param name="relativePath">Path relative to the corpus folder; its extension picks the format (the content is sniffed too).</param>
    /// <param name="content">The file's raw bytes.</param>
    /// <returns>The article with metadata and non-empty body blocks.</returns>
    /// <exception cref="ArticleRejectedException">The content is binary, not decodable text, or empty after cleaning (<see cref="ArticleRejectedException.OnlyNavigation"/> when it had text, all of it navigation).</exception>
    public CleanArticle Parse(string relativePath, ReadOnlySpan<byte> content)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(relativePath);

        var text = TextDecoder.Decode(content);
        var lines = new LineMap(text);
        var frontMatter = FrontMatterReader.TryRead(text, lines);
        var bodyStart = frontMatter?.BodyStart ?? 0;
        var format = ArticleFormatDetector.Detect(relativePath, text, bodyStart, frontMatter is { IsMalformed: false });

        var html = format == ArticleFormat.Html ? HtmlBlockReader.Read(text, bodyStart, lines) : null;
        var rawBlocks = html?.Blocks ?? (format == ArticleFormat.Markdown
            ? MarkdownBlockReader.Read(text, bodyStart, lines)
            : PlainTextBlockReader.Read(text, bodyStart, lines));

        if (frontMatter is { IsMalformed: true })
        {
            // Malformed front matter must not cost the article: its lines are kept as plain text.
            rawBlocks = [.. PlainTextBlockReader.Read(text, frontMatter.Start, lines, frontMatter.BodyStart), .. rawBlocks];
        }

        var normalized = rawBlocks
            .Select(TextNormalizer.Normalize)
            .Where(block => block.Text.Length > 0)
            .Select(block => BlockSpan.Fit(block, text, lines))
            .ToList();
        var filtered = BoilerplateFilter.Filter(normalized);

        string? title;
        IReadOnlyList<TextBlock> blocks;
        if (format == ArticleFormat.PlainText)
        {
            var resolved = TitleResolver.ForPlainText(PlainTextLayout.Apply(filtered.Kept), filtered);
            (title, blocks) = (resolved.Title, resolved.Blocks);
        }
        else
        {
            blocks = filtered.Kept;
            title = TitleResolver.ForMarkup(frontMatter?.Metadata?.Title, html?.Title, html?.FirstH1, blocks, filtered);
        }

        if (blocks.Count == 0)
        {
            throw normalized.Count > 0 || html is { HadNavigation: true }
                ? ArticleRejectedException.NothingButNavigation()
                : new ArticleRejectedException("empty after cleaning");
        }

        var metadata = (frontMatter?.Metadata ?? ArticleMetadata.Empty) with
        {
            Title = title,
            Date = frontMatter?.Metadata?.Date ?? html?.Date ?? filtered.Date,
            Author = frontMatter?.Metadata?.Author ?? html?.Author,
        };

        return new CleanArticle(relativePath.Replace('\\', '/'), metadata, blocks);
    }
}
