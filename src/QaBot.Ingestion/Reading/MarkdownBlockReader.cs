using System.Text.RegularExpressions;
using QaBot.Core;

namespace QaBot.Ingestion.Reading;

/// <summary>
/// Splits Markdown into blocks: ATX and setext headings, list items, and paragraphs of consecutive
/// lines. Inline markup (emphasis, code ticks, links, images, inline HTML tags) is reduced to its text.
/// </summary>
internal static partial class MarkdownBlockReader
{
    public static IReadOnlyList<TextBlock> Read(string text, int bodyStart, LineMap lines)
    {
        var blocks = new List<TextBlock>();
        var pending = new List<string>();
        var pendingStart = 0;
        var pendingEnd = 0;
        var pendingKind = BlockKind.Paragraph;
        var inFence = false;

        void Flush()
        {
            if (pending.Count > 0)
            {
                blocks.Add(new TextBlock(StripInline(string.Join('\n', pending)), pendingStart, pendingEnd, pendingKind));
            }

            pending.Clear();
            pendingKind = BlockKind.Paragraph;
        }

        void Append(int line, string lineText, BlockKind kind)
        {
            if (pending.Count == 0)
            {
                pendingStart = line;
                pendingKind = kind;
            }

            pending.Add(lineText);
            pendingEnd = line;
        }

        for (var line = lines.LineAt(bodyStart); line <= lines.LineCount; line++)
        {
            var lineText = text[lines.StartOf(line)..lines.EndOf(text, line)];
            if (Fence().IsMatch(lineText))
            {
                // Code is kept as one paragraph: it may hold the answer (a command, a setting).
                Flush();
                inFence = !inFence;
                continue;
            }

            if (inFence)
            {
                Append(line, lineText, BlockKind.Paragraph);
                continue;
            }

            if (string.IsNullOrWhiteSpace(lineText) || ReferenceDefinition().IsMatch(lineText))
            {
                Flush();
                continue;
            }

            if (SetextUnderline().IsMatch(lineText) && pending.Count == 1 && pendingKind == BlockKind.Paragraph)
            {
                pendingKind = BlockKind.Heading;
                pendingEnd = line;
                Flush();
                continue;
            }

            if (ThematicBreak().IsMatch(lineText))
            {
                Flush();
                continue;
            }

            var heading = AtxHeading().Match(lineText);
            if (heading.Success)
            {
                Flush();
                blocks.Add(new TextBlock(StripInline(heading.Groups["text"].Value), line, line, BlockKind.Heading));
                continue;
            }

            var item = ListItem().Match(lineText);
            if (item.Success)
            {
                Flush();
                Append(line, lineText[item.Length..], BlockKind.ListItem);
                continue;
            }

            var quote = Blockquote().Match(lineText);
            Append(line, quote.Success ? lineText[quote.Length..] : lineText, BlockKind.Paragraph);
        }

        Flush();
        return blocks;
    }

    private static string StripInline(string text)
    {
        text = Image().Replace(text, "${alt}");
        text = Link().Replace(text, "${text}");
        text = InlineTag().Replace(text, string.Empty);
        text = Emphasis().Replace(text, "${text}");
        return text.Replace("`", string.Empty, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\s{0,3}(```|~~~)")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^\s{0,3}\[[^\]]+\]:\s+\S+")]
    private static partial Regex ReferenceDefinition();

    [GeneratedRegex(@"^\s{0,3}(=+|-+)\s*$")]
    private static partial Regex SetextUnderline();

    [GeneratedRegex(@"^\s{0,3}([-*_])(\s*\1){2,}\s*$")]
    private static partial Regex ThematicBreak();

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+(?<text>.*?)\s*#*\s*$")]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"^\s*([-*+]|\d{1,3}[.)])\s+")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^\s{0,3}>\s?")]
    private static partial Regex Blockquote();

    [GeneratedRegex(@"!\[(?<alt>[^\]]*)\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[(?<text>[^\]]+)\](\([^)]*\)|\[[^\]]*\])")]
    private static partial Regex Link();

    [GeneratedRegex(@"</?[a-zA-Z][^>]*>")]
    private static partial Regex InlineTag();

    [GeneratedRegex(@"(\*\*|__|\*|~~)(?<text>\S(.*?\S)?)\1")]
    private static partial Regex Emphasis();
}
