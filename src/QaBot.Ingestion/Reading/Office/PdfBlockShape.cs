using System.Text.RegularExpressions;

namespace QaBot.Ingestion.Reading.Office;

/// <summary>What a PDF block's text looks like beyond its font: a table-of-contents entry or a bulleted item.</summary>
internal static partial class PdfBlockShape
{
    private const string Bullets = "•◦▪▫‣●○■□–";

    /// <summary>Most of its lines end in leader dots and a page number ("Introduction ....... 1"): navigation, not content.</summary>
    public static bool IsTableOfContents(IReadOnlyList<string> lines) =>
        lines.Count > 0 && lines.Count(line => LeaderDotsAndPage().IsMatch(line)) * 2 > lines.Count;

    /// <summary>The length of a leading bullet and the space after it, or 0.</summary>
    public static int BulletLength(string text) =>
        text.Length > 2 && Bullets.Contains(text[0], StringComparison.Ordinal) && char.IsWhiteSpace(text[1]) ? 2 : 0;

    [GeneratedRegex(@"(\.\s?){4,}\s*[0-9ivxlcIVXLC]{1,6}$", RegexOptions.CultureInvariant)]
    private static partial Regex LeaderDotsAndPage();
}
