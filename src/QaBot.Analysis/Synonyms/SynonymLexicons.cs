using System.Collections.Concurrent;

namespace QaBot.Analysis.Synonyms;

/// <summary>
/// The synonym list of each language, loaded on first use (parsing a shipped list takes a fraction of a second,
/// which only a question with synonyms turned on should pay), then kept for the process.
/// </summary>
/// <param name="load">Loads the list of a language, or returns null when it has none.</param>
public sealed class SynonymLexicons(Func<string, SynonymLexicon?> load)
{
    private readonly ConcurrentDictionary<string, Lazy<SynonymLexicon?>> _loaded = new(StringComparer.Ordinal);

    /// <summary>The lists shipped in this assembly (English and German).</summary>
    public static SynonymLexicons Shipped(TextAnalyzer analyzer) => new(language => SynonymLexicon.LoadShipped(language, analyzer));

    /// <summary>The synonyms of <paramref name="language"/>, or null when there are none for it.</summary>
    public SynonymLexicon? For(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return _loaded.GetOrAdd(language, l => new Lazy<SynonymLexicon?>(() => load(l))).Value;
    }
}
