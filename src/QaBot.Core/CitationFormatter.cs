using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace QaBot.Core;

/// <summary>
/// The one way QaBot writes where a passage stands, for every front end: <c>file:7</c>, <c>file:7-9</c>,
/// <c>file:7:120-7:480</c> when the passage covers only part of its lines (a line holding several chunks),
/// <c>manual.pdf:p12:3-8</c> for a page, then the section it is in: <c> (§4.3 "PAM")</c>.
/// </summary>
public static partial class CitationFormatter
{
    /// <summary>Headings longer than this are shortened with an ellipsis, so a source line stays readable.</summary>
    public const int MaxHeadingLength = 60;

    /// <summary><c>[n] location (§ "section") — title</c>, as a source list shows it.</summary>
    public static string Format(Citation citation)
    {
        ArgumentNullException.ThrowIfNull(citation);
        return $"[{citation.Number.ToString(CultureInfo.InvariantCulture)}] {Location(citation)}{Section(citation.HeadingPath)} — {DisplayText.Escape(citation.Title)}";
    }

    /// <summary>Where the cited span stands: path, page if any, lines, and columns when it covers part of a line.</summary>
    public static string Location(Citation citation)
    {
        ArgumentNullException.ThrowIfNull(citation);
        return Location(citation.SourcePath, citation.Page, citation.StartLine, citation.StartColumn, citation.EndLine, citation.EndColumn);
    }

    /// <summary>Where the chunk stands, as <see cref="Location(Citation)"/> writes it.</summary>
    public static string Location(Chunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        return Location(chunk.SourcePath, chunk.Page, chunk.StartLine, chunk.StartColumn, chunk.EndLine, chunk.EndColumn);
    }

    /// <summary>A chunk's location and section, e.g. <c>faq.html:7:1-7:480 (§11.4 "How do I…")</c>.</summary>
    public static string LocationWithSection(Chunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        return Location(chunk) + Section(chunk.HeadingPath);
    }

    /// <param name="endColumn">Inclusive; 0 for the end of the line.</param>
    public static string Location(string sourcePath, int page, int startLine, int startColumn, int endLine, int endColumn)
    {
        ArgumentNullException.ThrowIfNull(sourcePath);
        // A file name is data: a newline or escape sequence in it must not forge a line of the output.
        var builder = new StringBuilder(DisplayText.Escape(sourcePath));
        if (page > 0)
        {
            builder.Append(CultureInfo.InvariantCulture, $":p{page}");
        }

        if (startColumn <= 1 && endColumn == 0)
        {
            builder.Append(CultureInfo.InvariantCulture, $":{startLine}");
            if (endLine != startLine)
            {
                builder.Append(CultureInfo.InvariantCulture, $"-{endLine}");
            }
        }
        else
        {
            // An end column of 0 means "to the end of the line": the end line is written without a column.
            builder.Append(CultureInfo.InvariantCulture, $":{startLine}:{Math.Max(startColumn, 1)}-{endLine}");
            if (endColumn > 0)
            {
                builder.Append(CultureInfo.InvariantCulture, $":{endColumn}");
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The section of a heading path, by its innermost heading: <c> (§4.3 "PAM")</c> when the heading starts with
    /// a section number, <c> (§ "Installing")</c> otherwise; empty outside any section.
    /// </summary>
    public static string Section(IReadOnlyList<string> headingPath)
    {
        ArgumentNullException.ThrowIfNull(headingPath);
        var heading = headingPath.Count > 0 ? DisplayText.Escape(Collapse(headingPath[^1])) : string.Empty;
        if (heading.Length == 0)
        {
            return string.Empty;
        }

        var numbered = SectionNumber().Match(heading);
        return numbered.Success
            ? $" (§{numbered.Groups["number"].Value} \"{Shorten(numbered.Groups["title"].Value)}\")"
            : $" (§ \"{Shorten(heading)}\")";
    }

    private static string Collapse(string text) => WhiteSpace().Replace(text, " ").Trim();

    private static string Shorten(string heading) =>
        heading.Length <= MaxHeadingLength ? heading : heading[..(MaxHeadingLength - 1)].TrimEnd() + "…";

    // "4.3 PAM", "11.4. How do I …", "A.2 Tools"; a bare year or number with no title after it is not a section number.
    [GeneratedRegex(@"^(?<number>(?:\d+|[A-Z])(?:\.\d+)+|\d{1,3})\.?\s+(?<title>\S.*)$")]
    private static partial Regex SectionNumber();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
