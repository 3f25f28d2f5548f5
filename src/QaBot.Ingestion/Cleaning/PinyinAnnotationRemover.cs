using System.Text.RegularExpressions;

namespace QaBot.Ingestion.Cleaning;

/// <summary>
/// Removes pinyin that a broken Simplified-to-Traditional converter inserted after characters
/// (<c>研發(fā)</c> becomes <c>研發</c>). Only a parenthesised run of Latin letters with at least one
/// tone mark, right after a Chinese ideograph, is removed; <c>(AI)</c> or <c>(第十屆)</c> stay.
/// </summary>
internal static partial class PinyinAnnotationRemover
{
    public static string Remove(string text) =>
        text.Contains('(', StringComparison.Ordinal) || text.Contains('（', StringComparison.Ordinal)
            ? Annotation().Replace(text, string.Empty)
            : text;

    // One syllable is at most six letters (zhuāng); the lookahead demands a tone-marked vowel.
    [GeneratedRegex(
        @"(?<=[\p{IsCJKUnifiedIdeographs}\p{IsCJKUnifiedIdeographsExtensionA}\p{IsCJKCompatibilityIdeographs}])[(（](?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ]{1,7}[)）]",
        RegexOptions.CultureInvariant)]
    private static partial Regex Annotation();
}
