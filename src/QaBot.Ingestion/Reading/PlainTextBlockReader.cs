using System.Text.RegularExpressions;
using QaBot.Core;

namespace QaBot.Ingestion.Reading;

/// <summary>
/// Splits plain text into blocks. Lines between blank lines form a group; a group that looks
/// hard-wrapped (similar-length lines that mostly stop mid-sentence) is one paragraph, otherwise every
/// line is its own block, as scraped articles put one paragraph per line. <c>- item</c> lines are list items.
/// </summary>
internal static partial class PlainTextBlockReader
{
    private const int MaxWrappedLineLength = 100;
    private const int MinWrappedLineLength = 40;

    /// <summary>Reads the lines from <paramref name="bodyStart"/> up to <paramref name="bodyEnd"/> (exclusive; the end of the text when null).</summary>
    public static IReadOnlyList<TextBlock> Read(string text, int bodyStart, LineMap lines, int? bodyEnd = null)
    {
        var lastLine = bodyEnd is null ? lines.LineCount : lines.LineAt(bodyEnd.Value) - 1;
        var blocks = new List<TextBlock>();
        var group = new List<(int Line, string Text)>();
        void AddGroup(List<(int Line, string Text)> lineGroup, List<TextBlock> target) => AddLines(text, lines, lineGroup, target);
        for (var line = lines.LineAt(bodyStart); line <= lastLine; line++)
        {
            var lineText = text[lines.StartOf(line)..lines.EndOf(text, line)];
            if (string.IsNullOrWhiteSpace(lineText))
            {
                AddGroup(group, blocks);
                group.Clear();
            }
            else
            {
                group.Add((line, lineText));
            }
        }

        AddGroup(group, blocks);
        return blocks;
    }

    private static void AddLines(string text, LineMap lines, List<(int Line, string Text)> group, List<TextBlock> blocks)
    {
        if (group.Count == 0)
        {
            return;
        }

        if (IsHardWrapped(group))
        {
            var paragraph = new SourceTextBuilder();
            foreach (var (line, lineText) in group)
            {
                if (paragraph.Length > 0)
                {
                    paragraph.AppendSeparator("\n");
                }

                AppendLine(paragraph, lines, line, lineText, 0);
            }

            blocks.Add(paragraph.ToBlock(lines, BlockKind.Paragraph)!);
            return;
        }

        foreach (var (line, lineText) in group)
        {
            var marker = ListMarker().Match(lineText);
            var builder = new SourceTextBuilder();
            AppendLine(builder, lines, line, lineText, marker.Success ? marker.Length : 0);
            if (builder.ToBlock(lines, marker.Success ? BlockKind.ListItem : BlockKind.Paragraph) is { } block)
            {
                blocks.Add(block);
            }
        }
    }

    private static void AppendLine(SourceTextBuilder builder, LineMap lines, int line, string lineText, int from)
    {
        var start = lines.StartOf(line);
        for (var i = from; i < lineText.Length; i++)
        {
            builder.Append(lineText[i], start + i);
        }
    }

    private static bool IsHardWrapped(List<(int Line, string Text)> group)
    {
        if (group.Count < 2 || group.Any(l => l.Text.Trim().Length > MaxWrappedLineLength || ListMarker().IsMatch(l.Text)))
        {
            return false;
        }

        var wrapped = group.Take(group.Count - 1).ToList();
        var openEnded = wrapped.Count(l => !TextShape.EndsSentence(l.Text));
        return wrapped.All(l => l.Text.Trim().Length >= MinWrappedLineLength) && openEnded * 2 >= wrapped.Count;
    }

    [GeneratedRegex(@"^\s*[-•*·]\s+", RegexOptions.CultureInvariant)]
    private static partial Regex ListMarker();
}
