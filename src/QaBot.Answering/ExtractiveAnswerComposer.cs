using QaBot.Analysis;
using QaBot.Core;

namespace QaBot.Answering;

/// <summary>
/// Answers without a language model: picks the sentences of the top passages that hold most of the question's
/// (weighted) terms, in any of its languages, and marks each with the number of the passage it came from.
/// The quotes are given in document order (by file, in the order the files are first cited, then by position),
/// so two sentences of one passage never read back to front; each cites its whole chunk.
/// </summary>
public sealed partial class ExtractiveAnswerComposer(TextAnalyzer analyzer) : IAnswerComposer
{
    private const int PassagesConsidered = 3;
    private const int MaxSentences = 3;
    private const int MaxSentencesPerPassage = 2;
    private const double MinShareOfBestScore = 0.5;
    private const int MaxContinuationSentences = 4;
    private const int ShortSentenceTokens = 24;

    private static readonly HashSet<string> ReferenceWords = new(StringComparer.Ordinal)
    {
        "it", "this", "these", "that", "those", "they", "he", "she", "its", "their", "es", "dies", "diese", "dieser", "dieses", "er", "sie", "damit", "dabei",
    };

    public string Name => "extractive";

    public Task<ComposedAnswer> ComposeAsync(string question, RetrievalResult retrieval, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(retrieval);
        var queryTerms = retrieval.Queries.SelectMany(q => q.Terms).ToHashSet(StringComparer.Ordinal);
        var asksForNumber = AsksForQuantity(question);
        var candidates = new List<(RetrievedPassage Passage, IReadOnlyList<string> Sentences, int Index, double Score)>();
        foreach (var passage in retrieval.Passages.Take(PassagesConsidered))
        {
            var sentences = SentenceSplitter.Split(passage.Chunk.Text);
            for (var i = 0; i < sentences.Count; i++)
            {
                var score = Score(sentences[i], passage, queryTerms, retrieval.TermWeights, asksForNumber);
                if (score > 0)
                {
                    candidates.Add((passage, sentences, i, score));
                }
            }
        }

        if (candidates.Count == 0)
        {
            return Task.FromResult(new ComposedAnswer(RefusalMessages.NotCovered(TextAnalyzer.DetectLanguage(question)), [], Refused: true));
        }

        var best = candidates.Max(c => c.Score);
        var chosen = new List<(RetrievedPassage Passage, int Index, string Text)>();
        foreach (var candidate in candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Passage.Rank))
        {
            if (chosen.Count == MaxSentences || candidate.Score < best * MinShareOfBestScore)
            {
                break;
            }

            var text = WithContinuation(candidate.Sentences, candidate.Index);
            if (chosen.Count(c => c.Passage == candidate.Passage) < MaxSentencesPerPassage && !chosen.Any(c => c.Text.Contains(text, StringComparison.Ordinal) || text.Contains(c.Text, StringComparison.Ordinal)))
            {
                chosen.Add((candidate.Passage, candidate.Index, text));
            }
        }

        // Two chunks can cite the same span (a long line whose reader kept no columns): they share one number,
        // so the sources never list the same location twice.
        var cited = new List<RetrievedPassage>();
        var parts = new List<string>();
        foreach (var (passage, _, text) in InDocumentOrder(chosen))
        {
            var location = CitationFormatter.Location(passage.Chunk);
            var number = cited.FindIndex(c => CitationFormatter.Location(c.Chunk) == location) + 1;
            if (number == 0)
            {
                cited.Add(passage);
                number = cited.Count;
            }

            parts.Add($"{text} [{number}]");
        }

        return Task.FromResult(new ComposedAnswer(string.Join(' ', parts), cited));
    }

    private static IEnumerable<(RetrievedPassage Passage, int Index, string Text)> InDocumentOrder(List<(RetrievedPassage Passage, int Index, string Text)> chosen)
    {
        var fileOrder = chosen.Select(c => c.Passage.Chunk.SourcePath).Distinct(StringComparer.Ordinal).ToList();
        return chosen
            .OrderBy(c => fileOrder.IndexOf(c.Passage.Chunk.SourcePath))
            .ThenBy(c => c.Passage.Chunk.Page)
            .ThenBy(c => c.Passage.Chunk.StartLine)
            .ThenBy(c => c.Passage.Chunk.StartColumn)
            .ThenBy(c => c.Passage.Chunk.Index)
            .ThenBy(c => c.Index);
    }

    /// <summary>
    /// A sentence with what it needs to be understood: the items of a list it opens (it ends with ':' or ';'),
    /// or, when it is short, a next sentence that points back to it ("The conference was held. It was the fourth.").
    /// The article's own reference marks ("[7]") are dropped so they are not mistaken for our citations.
    /// </summary>
    private static string WithContinuation(IReadOnlyList<string> sentences, int index)
    {
        var builder = new System.Text.StringBuilder(sentences[index]);
        var added = 0;
        for (var next = index + 1; next < sentences.Count && added < MaxContinuationSentences; next++)
        {
            var current = sentences[next - 1].TrimEnd();
            var opensList = current.EndsWith('；') || current.EndsWith(';') || current.EndsWith('：') || current.EndsWith(':');
            var isContinuedBy = added == 0 && TokenEstimator.Count(sentences[index]) < ShortSentenceTokens && StartsWithReference(sentences[next]);
            if (!opensList && !isContinuedBy)
            {
                break;
            }

            var separator = IsCjk(builder[^1]) && IsCjk(sentences[next][0]) ? string.Empty : " ";
            builder.Append(separator).Append(sentences[next]);
            added++;
        }

        return ReferenceMarks().Replace(builder.ToString(), string.Empty).Trim();
    }

    /// <summary>The sentence opens by pointing back ("This", "It", "此次", "Diese"): it completes the one before.</summary>
    private static bool StartsWithReference(string sentence)
    {
        var trimmed = sentence.TrimStart();
        if (trimmed.Length > 0 && "此这该其它他她".Contains(trimmed[0], StringComparison.Ordinal))
        {
            return true;
        }

        var firstWord = trimmed.Split(' ', 2)[0].TrimEnd(',', ';', ':').ToLowerInvariant();
        return ReferenceWords.Contains(firstWord);
    }

    private static bool IsCjk(char c) => c is >= '\u2E80' and <= '\u9FFF' or >= '\uFF00' and <= '\uFFEF';

    [System.Text.RegularExpressions.GeneratedRegex(@"\s?(\[\d{1,3}\])+")]
    private static partial System.Text.RegularExpressions.Regex ReferenceMarks();

    /// <summary>Weighted query terms in the sentence; a number counts extra when the question asks "how many".</summary>
    private double Score(string sentence, RetrievedPassage passage, HashSet<string> queryTerms, IReadOnlyDictionary<string, double> weights, bool asksForNumber)
    {
        var terms = analyzer.Analyze(sentence, passage.Chunk.Language).ToHashSet(StringComparer.Ordinal);
        var score = terms.Where(queryTerms.Contains).Sum(t => weights.TryGetValue(t, out var w) ? w : 1.0);
        if (score <= 0)
        {
            return 0;
        }

        if (asksForNumber && sentence.Any(char.IsAsciiDigit))
        {
            score *= 1.25;
        }

        // A question the article asks itself ("So what does this mean?") announces an answer but is none.
        if (sentence.TrimEnd().EndsWith('?') || sentence.TrimEnd().EndsWith('？'))
        {
            score *= 0.5;
        }

        // Among equally good sentences, prefer the better-ranked passage.
        return score * (1 + (0.05 / passage.Rank));
    }

    private static bool AsksForQuantity(string question)
    {
        var folded = question.ToLowerInvariant();
        return folded.Contains("how many", StringComparison.Ordinal) || folded.Contains("how much", StringComparison.Ordinal)
            || folded.Contains("wie viel", StringComparison.Ordinal) || folded.Contains("wie hoch", StringComparison.Ordinal)
            || folded.Contains("wieviel", StringComparison.Ordinal) || folded.Contains("多少", StringComparison.Ordinal)
            || folded.Contains('几', StringComparison.Ordinal) || folded.Contains('幾', StringComparison.Ordinal)
            || folded.Contains("by how", StringComparison.Ordinal) || folded.Contains("what percentage", StringComparison.Ordinal);
    }
}
