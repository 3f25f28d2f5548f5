using QaBot.Analysis;
using QaBot.Core;
using QaBot.Ingestion.Chunking;
using QaBot.Ingestion.Reading;

namespace QaBot.Ingestion.Sync;

/// <summary>Turns a file's bytes into indexable chunks: parse and clean, chunk, analyze.</summary>
public sealed class DocumentPreparer(IArticleParser parser, SentenceAwareChunker chunker, TextAnalyzer analyzer, LanguageTags languageTags)
{
    /// <summary>Reader, chunker and analyzer versions: a change re-ingests every file.</summary>
    public string PipelineVersion => $"reader-2;{chunker.Version};headings-1;{TextAnalyzer.Version};tags-1";

    /// <exception cref="ArticleRejectedException">The content is not a usable article.</exception>
    public IReadOnlyList<IndexedChunk> Prepare(string relativePath, byte[] bytes)
    {
        var article = parser.Parse(relativePath, bytes);
        var chunks = chunker.Chunk(article);
        if (chunks.Count == 0)
        {
            throw new ArticleRejectedException("no text left after cleaning");
        }

        var titleTerms = analyzer.Analyze(article.DisplayTitle, TextAnalyzer.DetectLanguage(article.DisplayTitle));
        return chunks.Select(chunk => new IndexedChunk(chunk, TermsOf(chunk, titleTerms))).ToList();
    }

    /// <summary>
    /// The chunk's own terms, its language's name, its article title's and its heading path's: headings are not
    /// part of the chunk text (they are never quoted as sentences), so lexical search finds them here.
    /// </summary>
    private List<string> TermsOf(Chunk chunk, IReadOnlyList<string> titleTerms)
    {
        var terms = new List<string>(analyzer.Analyze(chunk.Text, chunk.Language));
        terms.AddRange(languageTags.TermsFor(chunk.Language, chunk.Text));
        terms.AddRange(titleTerms);
        foreach (var heading in chunk.HeadingPath)
        {
            terms.AddRange(analyzer.Analyze(heading, chunk.Language));
        }

        return terms;
    }
}
