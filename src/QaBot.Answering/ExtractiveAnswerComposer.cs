using QaBot.Analysis;
using QaBot.Core;

namespace QaBot.Answering;

/// <summary>
/// Answers without a language model: picks the sentences of the top passages that hold most of the question's
/// (weighted) terms, in any of its languages, and marks each with the number of the passage it came from.
/// </summary>
public sealed class ExtractiveAnswerComposer(TextAnalyzer analyzer) : IAnswerComposer
{
    private const int PassagesConsidered = 3;
    private const int MaxSentences = 3;
    private const int MaxSentencesPerPassage = 2;
    private const double MinShareOfBestScore = 0.5;

    public string Name => "extractive";

    public Task<ComposedAnswer> ComposeAsync(string question, RetrievalResult retrieval, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(retrieval);
        var queryTerms = retrieval.Queries.SelectMany(q => q.Terms).ToHashSet(StringComparer.Ordinal);
        var asksForNumber = AsksForQuantity(question);
        var candidates = new List<(RetrievedPassage Passage, string Sentence, double Score)>();
        foreach (var passage in retrieval.Passages.Take(PassagesConsidered))
        {
            foreach (var sentence in SentenceSplitter.Split(passage.Chunk.Text))
            {
                var score = Score(sentence, passage, queryTerms, retrieval.TermWeights, asksForNumber);
                if (score > 0)
                {
                    candidates.Add((passage, sentence, score));
                }
            }
        }

        if (candidates.Count == 0)
        {
            return Task.FromResult(new ComposedAnswer(RefusalMessages.NotCovered(TextAnalyzer.DetectLanguage(question)), [], Refused: true));
        }

        var best = candidates.Max(c => c.Score);
        var chosen = new List<(RetrievedPassage Passage, string Sentence)>();
        foreach (var candidate in candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Passage.Rank))
        {
            if (chosen.Count == MaxSentences || candidate.Score < best * MinShareOfBestScore)
            {
                break;
            }

            if (chosen.Count(c => c.Passage == candidate.Passage) < MaxSentencesPerPassage && !chosen.Any(c => c.Sentence == candidate.Sentence))
            {
                chosen.Add((candidate.Passage, candidate.Sentence));
            }
        }

        var cited = new List<RetrievedPassage>();
        var parts = new List<string>();
        foreach (var (passage, sentence) in chosen)
        {
            if (!cited.Contains(passage))
            {
                cited.Add(passage);
            }

            parts.Add($"{sentence} [{cited.IndexOf(passage) + 1}]");
        }

        return Task.FromResult(new ComposedAnswer(string.Join(' ', parts), cited));
    }

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
