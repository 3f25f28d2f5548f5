using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Helpers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using QaBot.Core;
using QaBot.Ingestion.Cleaning;

namespace QaBot.Ingestion.Reading;

/// <summary>
/// Reads Markdown through Markdig (CommonMark with pipe tables): headings with their level, paragraphs,
/// list items, table rows (cells joined by " | ", each carrying its header row) and code (fenced or
/// indented, verbatim). Inline markup is reduced to its text; every character keeps its source offset
/// (precise source locations), so blocks cite exact lines and columns.
/// </summary>
internal static class MarkdownBlockReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .UsePipeTables()
        .Build();

    public static IReadOnlyList<TextBlock> Read(string text, int bodyStart, LineMap lines)
    {
        // Front matter is blanked (line breaks kept) so Markdig's offsets are file offsets.
        var source = bodyStart == 0 ? text : FrontMatterReader.Blank(text, bodyStart);
        var document = Markdown.Parse(source, Pipeline);
        var blocks = new List<TextBlock>();
        new Walker(source, lines, blocks).Visit(document, BlockKind.Paragraph);
        return blocks;
    }

    private sealed class Walker(string source, LineMap lines, List<TextBlock> blocks)
    {
        public void Visit(Block block, BlockKind kind)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    Add(Inlines(heading.Inline).ToBlock(lines, BlockKind.Heading, heading.Level));
                    break;
                case CodeBlock code:
                    Add(Code(code).ToBlock(lines, BlockKind.Code));
                    break;
                case Table table:
                    ReadTable(table);
                    break;
                case ParagraphBlock paragraph:
                    Add(Inlines(paragraph.Inline).ToBlock(lines, kind));
                    break;
                case ListItemBlock item:
                    VisitChildren(item, BlockKind.ListItem);
                    break;
                case ContainerBlock container:
                    VisitChildren(container, kind);
                    break;
            }
        }

        private void VisitChildren(ContainerBlock container, BlockKind kind)
        {
            foreach (var child in container)
            {
                Visit(child, kind);
            }
        }

        private void ReadTable(Table table)
        {
            var rows = table.OfType<TableRow>().Select(row => (row.IsHeader, Text: Row(row))).ToList();
            var header = string.Join(" | ", rows.Where(r => r.IsHeader).Select(r => TextNormalizer.Normalize(r.Text.ToBlock(lines, BlockKind.TableRow)?.Text ?? string.Empty)));
            foreach (var (_, row) in rows)
            {
                Add(row.ToBlock(lines, BlockKind.TableRow, tableHeader: header.Length > 0 ? header : null));
            }
        }

        private static SourceTextBuilder Row(TableRow row)
        {
            var builder = new SourceTextBuilder();
            foreach (var cell in row.OfType<TableCell>())
            {
                if (builder.HasVisibleText)
                {
                    builder.AppendSeparator(" | ");
                }

                foreach (var paragraph in cell.OfType<ParagraphBlock>())
                {
                    AppendInlines(paragraph.Inline, builder);
                }
            }

            return builder;
        }

        /// <summary>The code's lines as they stand in the source, joined by line breaks.</summary>
        private SourceTextBuilder Code(CodeBlock code)
        {
            var builder = new SourceTextBuilder();
            var codeLines = code.Lines;
            for (var i = 0; i < codeLines.Count; i++)
            {
                var slice = codeLines.Lines[i].Slice;
                if (i > 0)
                {
                    builder.AppendSeparator("\n");
                }

                for (var offset = slice.Start; offset <= slice.End && offset < slice.Text.Length; offset++)
                {
                    builder.Append(slice.Text[offset], SourceOffset(slice, offset));
                }
            }

            return builder;
        }

        // Code lines are slices of the parsed source; tabs expanded by Markdig may make a copy, then map to the line start.
        private int SourceOffset(StringSlice slice, int offset) =>
            ReferenceEquals(slice.Text, source) ? offset : Math.Min(offset, source.Length - 1);

        private static SourceTextBuilder Inlines(ContainerInline? inline)
        {
            var builder = new SourceTextBuilder();
            AppendInlines(inline, builder);
            return builder;
        }

        private static void AppendInlines(ContainerInline? container, SourceTextBuilder builder)
        {
            if (container is null)
            {
                return;
            }

            foreach (var inline in container)
            {
                switch (inline)
                {
                    case LiteralInline literal:
                        AppendLiteral(literal, builder);
                        break;
                    case HtmlEntityInline entity:
                        AppendSpan(entity.Transcoded.ToString(), entity.Span, builder);
                        break;
                    case CodeInline code:
                        AppendSpan(code.Content, new SourceSpan(code.Span.Start + code.DelimiterCount, code.Span.End - code.DelimiterCount), builder);
                        break;
                    case AutolinkInline link:
                        AppendSpan(link.Url, new SourceSpan(link.Span.Start + 1, link.Span.End - 1), builder);
                        break;
                    case LineBreakInline lineBreak:
                        builder.Append('\n', Math.Max(lineBreak.Span.Start, 0));
                        break;
                    case HtmlInline:
                        break;
                    case ContainerInline nested:
                        AppendInlines(nested, builder);
                        break;
                }
            }
        }

        private static void AppendLiteral(LiteralInline literal, SourceTextBuilder builder)
        {
            var content = literal.Content;
            var text = content.ToString();
            if (content.Length == literal.Span.Length || literal.Span.Start < 0)
            {
                AppendSpan(text, literal.Span, builder);
                return;
            }

            // The span can include white space around the text (a table cell): place the text where it occurs in it.
            var spanStart = literal.Span.Start;
            var inSpan = content.Text is { } whole && spanStart + literal.Span.Length <= whole.Length
                ? whole.IndexOf(text, spanStart, literal.Span.Length, StringComparison.Ordinal)
                : -1;
            AppendSpan(text, inSpan >= 0 ? new SourceSpan(inSpan, inSpan + text.Length - 1) : literal.Span, builder);
        }

        /// <summary>Characters one for one from the span's start; text longer than its source (an entity) stays at its last source character.</summary>
        private static void AppendSpan(string text, SourceSpan span, SourceTextBuilder builder)
        {
            var start = Math.Max(span.Start, 0);
            var last = Math.Max(span.End, start);
            var oneForOne = span.Length == text.Length;
            for (var i = 0; i < text.Length; i++)
            {
                builder.Append(text[i], oneForOne ? start + i : Math.Min(start + i, last));
            }
        }

        private void Add(TextBlock? block)
        {
            if (block is not null)
            {
                blocks.Add(block);
            }
        }
    }
}
