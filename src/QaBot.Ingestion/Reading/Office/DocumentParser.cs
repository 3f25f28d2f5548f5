using QaBot.Core;

namespace QaBot.Ingestion.Reading.Office;

/// <summary>
/// The article parser that also reads office documents: <c>.pdf</c> through PdfPig and <c>.docx</c> through
/// the Open XML SDK; every other file goes to the text parser it wraps (plain text, Markdown, HTML).
/// </summary>
/// <remarks>Stateless and thread-safe, like the parser it wraps.</remarks>
public sealed class DocumentParser(ArticleParser textParser) : IArticleParser
{
    /// <summary>Parses one file, choosing the reader by its extension.</summary>
    /// <exception cref="ArticleRejectedException">The file cannot be used as an article; the message says why.</exception>
    public CleanArticle Parse(string relativePath, ReadOnlySpan<byte> content)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(relativePath);
        var sourcePath = relativePath.Replace('\\', '/');
        return Path.GetExtension(relativePath).ToLowerInvariant() switch
        {
            ".pdf" => PdfArticleReader.Read(sourcePath, content.ToArray()),
            ".docx" => DocxArticleReader.Read(sourcePath, content.ToArray()),
            _ => textParser.Parse(relativePath, content),
        };
    }
}
