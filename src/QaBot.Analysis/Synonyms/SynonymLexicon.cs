using System.IO.Compression;

namespace QaBot.Analysis.Synonyms;

/// <summary>
/// Synonyms of one language by index term: each headword's synonyms, analyzed as the index analyzes a single
/// word, so a question's analyzed term finds them directly. Headwords that share a stem ("package", "packages")
/// pool their synonyms in the order the lines give them (best first). The shipped lists are compiled from WordNet
/// (English) and OpenThesaurus (German) by tools/dictionaries/synonyms.py.
/// </summary>
public sealed class SynonymLexicon
{
    private readonly Dictionary<string, string[]> _synonyms;

    private SynonymLexicon(Dictionary<string, string[]> synonyms) => _synonyms = synonyms;

    /// <summary>Languages with a shipped synonym list.</summary>
    public static IReadOnlyList<string> ShippedLanguages { get; } = [Languages.English, Languages.German];

    /// <summary>How many headwords have at least one synonym.</summary>
    public int Count => _synonyms.Count;

    /// <summary>
    /// Parses lines of the form <c>word&lt;TAB&gt;synonym|synonym|...</c> (blank lines and '#' comments skipped).
    /// A synonym that analyzes to the headword's own term, or to no single term, is left out.
    /// </summary>
    public static SynonymLexicon Parse(IEnumerable<string> lines, string language, TextAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(analyzer);
        var pooled = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (line.Length == 0 || line[0] == '#' || tab <= 0 || analyzer.AnalyzeWord(line[..tab], language) is not { } head)
            {
                continue;
            }

            foreach (var synonym in line[(tab + 1)..].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (analyzer.AnalyzeWord(synonym, language) is { } term && term != head)
                {
                    var list = pooled.TryGetValue(head, out var found) ? found : pooled[head] = [];
                    if (!list.Contains(term, StringComparer.Ordinal))
                    {
                        list.Add(term);
                    }
                }
            }
        }

        return new SynonymLexicon(pooled.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal));
    }

    /// <summary>The shipped list of <paramref name="language"/>, or null when none is shipped for it.</summary>
    public static SynonymLexicon? LoadShipped(string language, TextAnalyzer analyzer)
    {
        if (!ShippedLanguages.Contains(language, StringComparer.Ordinal))
        {
            return null;
        }

        using var gzip = new GZipStream(EmbeddedData.Open($"QaBot.Analysis.Synonyms.Data.synonyms-{language}.txt.gz"), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return Parse(ReadLines(reader), language, analyzer);
    }

    /// <summary>The synonyms of an index term, best first; empty when it has none.</summary>
    public IReadOnlyList<string> SynonymsOf(string term) => _synonyms.GetValueOrDefault(term) ?? [];

    private static IEnumerable<string> ReadLines(StreamReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }
}
