using System.Text;
using QaBot.Core;
using QaBot.Ingestion.Reading;

namespace QaBot.Ingestion.Tests;

/// <summary>Runs the real parser on made-up snippets.</summary>
internal static class ParserRunner
{
    public static CleanArticle Parse(string path, string content, Encoding? encoding = null) =>
        new ArticleParser().Parse(path, (encoding ?? new UTF8Encoding(false)).GetBytes(content));

    public static CleanArticle ParseCorpus(string name) => new ArticleParser().Parse(name, CorpusFile.Read(name));

    public static ArticleRejectedException Reject(string path, byte[] content) =>
        Assert.Throws<ArticleRejectedException>(() => new ArticleParser().Parse(path, content));

    /// <summary>A block without its positions (lists compare by reference), for comparing text, lines and kind.</summary>
    public static (string Text, int StartLine, int EndLine, BlockKind Kind) Shape(this TextBlock block) =>
        (block.Text, block.StartLine, block.EndLine, block.Kind);

    public static IEnumerable<(string Text, int StartLine, int EndLine, BlockKind Kind)> Shapes(this IEnumerable<TextBlock> blocks) =>
        blocks.Select(Shape);

    public static TextBlock Single(this CleanArticle article, string textStart) =>
        Assert.Single(article.Blocks, b => b.Text.StartsWith(textStart, StringComparison.Ordinal));
}
