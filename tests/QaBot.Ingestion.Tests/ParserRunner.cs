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

    public static TextBlock Single(this CleanArticle article, string textStart) =>
        Assert.Single(article.Blocks, b => b.Text.StartsWith(textStart, StringComparison.Ordinal));
}
