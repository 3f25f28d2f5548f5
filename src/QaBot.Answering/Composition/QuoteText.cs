using System.Text.RegularExpressions;

namespace QaBot.Answering.Composition;

/// <summary>
/// The words a quote shows: the source text of its sentences exactly as they stand (the source's own reference
/// marks such as "[7]", its punctuation and spacing kept), cleaned only of markup that is not prose: a list bullet
/// or an inline heading ("Part 2: Costs and Funding - ") in front of the first sentence, and line breaks.
/// </summary>
public static partial class QuoteText
{
    private const int MaxHeadingWords = 10;

    public static string Clean(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var text = LineBreaks().Replace(source, " ").Trim();
        text = Bullet().Replace(text, string.Empty);
        var dash = HeadingDash().Match(text);
        if (dash.Success && IsHeading(text[..dash.Index]))
        {
            text = text[(dash.Index + dash.Length)..];
        }

        return text;
    }

    /// <summary>A few words, mostly capitalised, without sentence punctuation: a heading run into its text.</summary>
    private static bool IsHeading(string prefix)
    {
        var words = prefix.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || words.Length > MaxHeadingWords || prefix.IndexOfAny(['.', '!', '?', ',']) >= 0)
        {
            return false;
        }

        var lettered = words.Where(w => char.IsLetter(w[0])).ToList();
        return lettered.Count > 0 && lettered.Count(w => char.IsUpper(w[0])) * 3 >= lettered.Count * 2;
    }

    [GeneratedRegex(@"\s*[\r\n]+\s*")]
    private static partial Regex LineBreaks();

    [GeneratedRegex(@"^[-•*·▪◦]\s+")]
    private static partial Regex Bullet();

    // The first " - " (or en/em dash) that is followed by a capital: where an inline heading ends.
    [GeneratedRegex(@"\s[-–—]\s+(?=\p{Lu})")]
    private static partial Regex HeadingDash();
}
