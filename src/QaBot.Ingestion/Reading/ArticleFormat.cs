using System.Text.RegularExpressions;

namespace QaBot.Ingestion.Reading;

/// <summary>How an article's body is marked up.</summary>
internal enum ArticleFormat
{
    PlainText,
    Markdown,
    Html,
}

/// <summary>
/// Chooses the format from the extension and the body itself: scraped <c>.txt</c> files are often
/// HTML, or front matter followed by HTML, so the body is sniffed unless the extension says HTML.
/// </summary>
internal static partial class ArticleFormatDetector
{
    public static ArticleFormat Detect(string relativePath, string text, int bodyStart, bool hasFrontMatter)
    {
        var extension = Path.GetExtension(relativePath).ToLowerInvariant();
        if (extension is ".html" or ".htm" or ".xhtml")
        {
            return ArticleFormat.Html;
        }

        if (LooksLikeHtml(text.AsSpan(bodyStart)))
        {
            return ArticleFormat.Html;
        }

        return extension is ".md" or ".markdown" || hasFrontMatter ? ArticleFormat.Markdown : ArticleFormat.PlainText;
    }

    /// <summary>The body opens with a document or block-level tag.</summary>
    private static bool LooksLikeHtml(ReadOnlySpan<char> body)
    {
        var trimmed = body.TrimStart();
        return trimmed.Length > 0 && trimmed[0] == '<' && HtmlOpening().IsMatch(trimmed);
    }

    [GeneratedRegex(
        @"^<(!doctype\s+html|html|head|body|div|p|article|section|main|header|h[1-6]|table|ul|ol|span|figure|blockquote|meta|title)[\s>/]",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlOpening();
}
