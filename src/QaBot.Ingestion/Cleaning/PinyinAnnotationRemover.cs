using System.Text;
using System.Text.RegularExpressions;
using QaBot.Core;

namespace QaBot.Ingestion.Cleaning;

/// <summary>
/// Removes pinyin that a broken Simplified-to-Traditional converter inserted after characters
/// (<c>練習(liàn xí)</c> becomes <c>練習</c>). Only a parenthesised run of Latin letters with at least one
/// tone mark, right after a Chinese ideograph, is removed; <c>(API)</c> or <c>(第三版)</c> stay.
/// </summary>
internal static partial class PinyinAnnotationRemover
{
    public static string Remove(string text) => Remove(text, null).Text;

    /// <summary>Removes the annotations and the positions of their characters.</summary>
    public static (string Text, IReadOnlyList<SourcePosition>? Positions) Remove(string text, IReadOnlyList<SourcePosition>? positions)
    {
        if (!text.Contains('(', StringComparison.Ordinal) && !text.Contains('（', StringComparison.Ordinal))
        {
            return (text, positions);
        }

        var matches = Annotation().Matches(text);
        if (matches.Count == 0)
        {
            return (text, positions);
        }

        var builder = new StringBuilder(text.Length);
        var map = positions is null ? null : new List<SourcePosition>(text.Length);
        var next = 0;
        foreach (Match match in matches)
        {
            Keep(next, match.Index);
            next = match.Index + match.Length;
        }

        Keep(next, text.Length);
        return (builder.ToString(), map);

        void Keep(int start, int end)
        {
            builder.Append(text, start, end - start);
            for (var i = start; i < end && map is not null; i++)
            {
                map.Add(positions![i]);
            }
        }
    }

    // One syllable is at most six letters (zhuāng); the lookahead demands a tone-marked vowel.
    [GeneratedRegex(
        @"(?<=[\p{IsCJKUnifiedIdeographs}\p{IsCJKUnifiedIdeographsExtensionA}\p{IsCJKCompatibilityIdeographs}])[(（](?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ]{1,7}[)）]",
        RegexOptions.CultureInvariant)]
    private static partial Regex Annotation();
}
