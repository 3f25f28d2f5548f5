using QaBot.Core;

namespace QaBot.Ingestion.Reading;

/// <summary>Reads one article file's bytes into a <see cref="CleanArticle"/> (the seam to fake in pipeline tests).</summary>
public interface IArticleParser
{
    /// <inheritdoc cref="ArticleParser.Parse"/>
    CleanArticle Parse(string relativePath, ReadOnlySpan<byte> content);
}
