using System.Text.RegularExpressions;
using QaBot.Core;

namespace QaBot.Generation;

/// <summary>
/// Checks that what the answer puts in quotation marks and attributes to a passage ("…" [n]) is in that passage
/// word for word (whitespace aside). A quote that is not is reported, never silently trusted.
/// </summary>
public static partial class QuoteVerifier
{
    /// <summary>Shorter quotes are terms, not quotations, and are not checked.</summary>
    private const int MinQuoteLength = 12;

    /// <param name="text">The answer, with markers already renumbered.</param>
    /// <param name="cited">Marker n = cited[n - 1].</param>
    /// <returns>Each quote not found verbatim in the passages its markers name, with those markers.</returns>
    public static IReadOnlyList<string> FindUnverified(string text, IReadOnlyList<RetrievedPassage> cited)
    {
        ArgumentNullException.ThrowIfNull(cited);
        return FindUnverified(text, [.. cited.Select(p => (IReadOnlyList<RetrievedPassage>)[p])]);
    }

    /// <summary>As above, where a marker can stand for several passages (chunks of the same lines): a quote is verified when any of them holds it.</summary>
    public static IReadOnlyList<string> FindUnverified(string text, IReadOnlyList<IReadOnlyList<RetrievedPassage>> cited)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(cited);
        var unverified = new List<string>();
        foreach (Match match in QuoteThenMarkers().Matches(text))
        {
            var quote = match.Groups["quote"].Value.Trim();
            if (quote.Length < MinQuoteLength)
            {
                continue;
            }

            var numbers = match.Groups["n"].Captures.Select(c => int.Parse(c.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            var found = numbers.Any(n => n >= 1 && n <= cited.Count && cited[n - 1].Any(p => Collapse(p.Chunk.Text).Contains(Collapse(quote), StringComparison.Ordinal)));
            if (!found)
            {
                unverified.Add($"\"{quote}\" {string.Concat(numbers.Select(n => $"[{n}]"))}");
            }
        }

        return unverified;
    }

    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    // A quotation in "…", “…”, „…“, «…» or 「…」, then up to a little punctuation, then one or more markers.
    [GeneratedRegex("""(?:"(?<quote>[^"\n]+)"|“(?<quote>[^”\n]+)”|„(?<quote>[^“”\n]+)[“”]|«(?<quote>[^»\n]+)»|「(?<quote>[^」\n]+)」)[\s,.;:，。；：]{0,3}(?:\[(?<n>\d{1,3})\])+""")]
    private static partial Regex QuoteThenMarkers();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
