namespace QaBot.Retrieval;

/// <summary>One ranked list to fuse: its name, its weight and its items best first.</summary>
public sealed record RankedList<T>(string Name, double Weight, IReadOnlyList<(T Item, double Score)> Items);

/// <summary>An item after fusion: its fused score and where it stood in each list.</summary>
public sealed record FusedItem<T>(T Item, double Score, IReadOnlyList<(string List, int Rank, double Score)> Ranks);

/// <summary>
/// Reciprocal rank fusion: score(d) = Σ weight / (k + rank(d)) over the lists that hold d. Only ranks count,
/// so lists with incomparable scores (BM25 in two languages, dense cosine) fuse without calibration.
/// </summary>
public static class ReciprocalRankFusion
{
    public static IReadOnlyList<FusedItem<T>> Fuse<T>(IEnumerable<RankedList<T>> lists, int k)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(lists);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        var scores = new Dictionary<T, (double Score, List<(string, int, double)> Ranks, int FirstSeen)>();
        var order = 0;
        foreach (var list in lists)
        {
            for (var i = 0; i < list.Items.Count; i++)
            {
                var (item, score) = list.Items[i];
                var rank = i + 1;
                if (!scores.TryGetValue(item, out var entry))
                {
                    entry = (0, [], order++);
                }

                entry.Ranks.Add((list.Name, rank, score));
                scores[item] = (entry.Score + (list.Weight / (k + rank)), entry.Ranks, entry.FirstSeen);
            }
        }

        // Ties keep the order in which items first appeared, so results are deterministic.
        return scores
            .OrderByDescending(p => p.Value.Score)
            .ThenBy(p => p.Value.FirstSeen)
            .Select(p => new FusedItem<T>(p.Key, p.Value.Score, p.Value.Ranks))
            .ToList();
    }
}
