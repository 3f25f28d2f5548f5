using System.Globalization;
using System.Text.RegularExpressions;

namespace QaBot.Ingestion.Cleaning;

/// <summary>
/// A line that is only a publication date, optionally after a source name:
/// <c>2024-09-20</c>, <c>Example News · 2025-07-30 13:35</c>, <c>2024年9月20日</c>.
/// </summary>
internal static partial class Dateline
{
    public static bool TryParse(string line, out DateTimeOffset date)
    {
        date = default;
        var match = Pattern().Match(line.Trim());
        if (!match.Success)
        {
            return false;
        }

        var value = match.Groups["date"].Value
            .Replace('年', '-').Replace('月', '-').Replace("日", string.Empty, StringComparison.Ordinal)
            .Replace('.', '-').Replace('/', '-');
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date);
    }

    [GeneratedRegex(
        @"^(?:[^\s·|•][^·|•]{0,19}?\s*[·|•]\s*)?(?<date>\d{4}(?:[-./]\d{1,2}[-./]\d{1,2}|年\d{1,2}月\d{1,2}日)(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?)$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
