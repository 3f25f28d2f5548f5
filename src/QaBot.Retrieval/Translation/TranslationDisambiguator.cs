using QaBot.Analysis;
using QaBot.Core;

namespace QaBot.Retrieval.Translation;

/// <summary>
/// Picks the senses of a dictionary translation that the collection itself uses together (the classic
/// dictionary-CLIR disambiguation by co-occurrence): the whole translated question is searched once, and a
/// phrase's candidate counts by the best passages that hold it together with a candidate of another phrase of
/// the question. "prüfen" has 测试 and 检查 among its candidates; in a collection where 检查 stands beside the
/// question's other translated terms, 检查 is kept and 测试 dropped. A phrase without such evidence keeps all
/// its candidates: no evidence is no reason to drop a sense.
/// </summary>
public sealed class TranslationDisambiguator(IChunkIndex index, TextAnalyzer analyzer)
{
    /// <summary>How many passages of the whole translated question are read for co-occurrence.</summary>
    public const int PassageDepth = 30;

    /// <summary>A candidate is kept when its support is at least this share of its phrase's best candidate's.</summary>
    public const double KeptShareOfBest = 0.5;

    /// <summary>The candidates of each phrase, in the same order, with the senses the collection does not use together dropped.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<string>>> ChooseAsync(
        string language, IReadOnlyList<IReadOnlyList<string>> candidatesPerPhrase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidatesPerPhrase);
        if (candidatesPerPhrase.Count(c => c.Count > 0) < 2 || candidatesPerPhrase.All(c => c.Count <= 1))
        {
            return candidatesPerPhrase;
        }

        var analyzed = candidatesPerPhrase
            .Select(candidates => candidates.Select(c => analyzer.Analyze(c, language).Distinct(StringComparer.Ordinal).ToList()).ToList())
            .ToList();
        var queryTerms = analyzed.SelectMany(p => p).SelectMany(t => t).Distinct(StringComparer.Ordinal).ToList();
        var hits = await index.SearchLexicalAsync(queryTerms, PassageDepth, cancellationToken);
        var passages = (await index.GetChunksAsync([.. hits.Select(h => h.ChunkId)], cancellationToken))
            .Select(chunk => analyzer.Analyze(chunk.Text, chunk.Language).ToHashSet(StringComparer.Ordinal))
            .ToList();

        var chosen = new List<IReadOnlyList<string>>(candidatesPerPhrase.Count);
        for (var phrase = 0; phrase < candidatesPerPhrase.Count; phrase++)
        {
            chosen.Add(Choose(phrase, candidatesPerPhrase[phrase], analyzed, passages));
        }

        return chosen;
    }

    private static IReadOnlyList<string> Choose(int phrase, IReadOnlyList<string> candidates, List<List<List<string>>> analyzed, List<HashSet<string>> passages)
    {
        if (candidates.Count <= 1)
        {
            return candidates;
        }

        var support = analyzed[phrase]
            .Select(terms => terms.Count == 0 ? 0 : passages.Count(passage => terms.All(passage.Contains) && HoldsAnotherPhrase(phrase, analyzed, passage)))
            .ToList();
        var best = support.Max();
        if (best == 0)
        {
            return candidates;
        }

        return [.. candidates
            .Select((candidate, rank) => (candidate, rank, support: support[rank]))
            .Where(c => c.support >= best * KeptShareOfBest)
            .OrderByDescending(c => c.support)
            .ThenBy(c => c.rank)
            .Select(c => c.candidate)];
    }

    private static bool HoldsAnotherPhrase(int phrase, List<List<List<string>>> analyzed, HashSet<string> passage)
    {
        for (var other = 0; other < analyzed.Count; other++)
        {
            if (other != phrase && analyzed[other].Any(terms => terms.Count > 0 && terms.All(passage.Contains)))
            {
                return true;
            }
        }

        return false;
    }
}
