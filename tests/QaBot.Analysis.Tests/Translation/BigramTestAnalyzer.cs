using System.Text.RegularExpressions;

namespace QaBot.Analysis.Tests.Translation;

/// <summary>A trivial stand-in for the index analyzer: lowercase words, Chinese as overlapping bigrams.</summary>
internal static partial class BigramTestAnalyzer
{
    public static IReadOnlyList<string> Analyze(string text, string language)
    {
        var terms = new List<string>();
        foreach (Match match in Token().Matches(text.ToLowerInvariant()))
        {
            var token = match.Value;
            if (!match.Groups["han"].Success)
            {
                terms.Add(token);
            }
            else if (token.Length == 1)
            {
                terms.Add(token);
            }
            else
            {
                for (var i = 0; i + 1 < token.Length; i++)
                {
                    terms.Add(token.Substring(i, 2));
                }
            }
        }

        return terms;
    }

    /// <summary>Chunk frequencies of the terms of the given chunks, as the index would report them.</summary>
    public static Dictionary<string, int> Vocabulary(params (string Text, string Language)[] chunks)
    {
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (text, language) in chunks)
        {
            foreach (var term in Analyze(text, language).Distinct())
            {
                vocabulary[term] = vocabulary.GetValueOrDefault(term) + 1;
            }
        }

        return vocabulary;
    }

    [GeneratedRegex(@"(?<han>[\u4e00-\u9fff]+)|[\p{L}\p{N}-[\u4e00-\u9fff]]+")]
    private static partial Regex Token();
}
