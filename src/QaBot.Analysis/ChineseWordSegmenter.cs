using JiebaNet.Segmenter;

namespace QaBot.Analysis;

/// <summary>
/// Chinese word segmentation with jieba (its prefix dictionary plus HMM for unknown words). The dictionary takes
/// a moment to load, so it is loaded once, on the first Chinese text, and shared; jieba's own classes are not
/// documented as thread-safe for concurrent cuts, hence the lock. Only dictionary words are cut out: jieba's HMM
/// guesses words for unknown runs, but its guess depends on the neighbouring characters, so a question and the
/// passage it quotes would be cut differently; unknown runs come out as single characters, which the analyzer
/// searches as bigrams.
/// </summary>
public static class ChineseWordSegmenter
{
    private static readonly Lazy<JiebaSegmenter> Segmenter = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lock Gate = new();

    /// <summary>The words of a run of Han characters (already folded to Simplified), in order.</summary>
    public static IReadOnlyList<string> Cut(string run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Length <= 1)
        {
            return [run];
        }

        var segmenter = Segmenter.Value;
        lock (Gate)
        {
            return segmenter.Cut(run, cutAll: false, hmm: false).Where(w => w.Length > 0).ToList();
        }
    }

    private static JiebaSegmenter Create()
    {
        // jieba reads its dictionary from Resources/ beside the application (copied there by QaBot.Analysis.csproj).
        var dictionary = Path.Combine(AppContext.BaseDirectory, "Resources", "dict.txt");
        if (!File.Exists(dictionary))
        {
            throw new FileNotFoundException(
                $"jieba's dictionary is missing at '{dictionary}'. Rebuild the application: QaBot.Analysis.csproj copies jieba.NET's Resources folder beside it.",
                dictionary);
        }

        return new JiebaSegmenter();
    }
}
