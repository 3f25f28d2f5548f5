using System.Globalization;
using System.Text;
using QaBot.Analysis;
using QaBot.Core;

namespace QaBot.Ingestion.Chunking;

/// <summary>
/// Cuts a cleaned article into chunks of about <see cref="ChunkingOptions.TargetTokens"/> tokens that follow its
/// sections: a heading closes the chunk before it, so no chunk spans two sections, and every chunk carries the
/// headings above it (<see cref="Chunk.HeadingPath"/>) instead of quoting them as text. Within a section, text
/// is cut at sentence boundaries with whole-sentence overlap; table rows stay whole and a chunk of a table opens
/// with the table's header row; code stays whole, or is cut only at line breaks when it is too long. Every
/// chunk knows the exact line and column span it came from.
/// </summary>
public sealed class SentenceAwareChunker(ChunkingOptions options)
{
    /// <summary>Changes whenever the same input would be chunked differently.</summary>
    public string Version => string.Create(CultureInfo.InvariantCulture, $"chunker-3({options.TargetTokens}/{options.OverlapTokens}/{options.MaxSentenceTokens})");

    public IReadOnlyList<Chunk> Chunk(CleanArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        // An article of headings only (a list of titles) is still content: read them as paragraphs.
        var blocks = article.Blocks.All(b => b.Kind == BlockKind.Heading)
            ? article.Blocks.Select(b => b with { Kind = BlockKind.Paragraph }).ToList()
            : article.Blocks;

        var chunks = new List<Chunk>();
        var current = new List<Unit>();
        var currentTokens = 0;
        var path = new HeadingPathBuilder();
        var page = blocks.Count > 0 ? blocks[0].Page : 0;

        foreach (var block in blocks)
        {
            if (block.Kind == BlockKind.Heading || block.Page != page)
            {
                // A new section (or page) never shares a chunk, nor overlap, with the one before.
                Emit();
                current.Clear();
                currentTokens = 0;
                page = block.Page;
                if (block.Kind == BlockKind.Heading)
                {
                    path.Enter(block.Text.Trim(), block.Level);
                    continue;
                }
            }

            foreach (var unit in UnitsOf(block))
            {
                var headerTokens = NeedsHeader(current, unit) ? TokenEstimator.Count(unit.Block.TableHeader!) : 0;
                if (currentTokens > 0 && currentTokens + headerTokens + unit.Tokens > options.TargetTokens)
                {
                    Emit();
                    // The overlap gives way to the unit that opens the chunk, so the chunk keeps the target.
                    var overlap = TakeOverlap(current, Math.Min(options.OverlapTokens, options.TargetTokens - unit.Tokens));
                    current.Clear();
                    currentTokens = 0;
                    foreach (var repeated in overlap)
                    {
                        currentTokens += Append(current, repeated);
                    }
                }

                currentTokens += Append(current, unit);
            }
        }

        Emit();
        return WholeLinesWhereAlone(chunks);

        void Emit()
        {
            var sourced = current.Where(u => !u.IsContext).ToList();
            if (sourced.Count == 0 || (chunks.Count > 0 && sourced.All(u => u.IsOverlap)))
            {
                return;
            }

            var text = Join(current);
            var first = sourced.MinBy(u => Order(u.Start))!;
            var last = sourced.MaxBy(u => Order(u.End))!;
            var headings = path.Current;
            chunks.Add(new Chunk(
                article.SourcePath,
                chunks.Count,
                article.DisplayTitle,
                headings.Count > 0 ? headings[^1] : null,
                article.Metadata.Date,
                first.Start.Line,
                last.End.Line,
                LanguageDetector.Detect(text),
                text)
            {
                StartColumn = first.Start.Column,
                EndColumn = last.End.Column,
                HeadingPath = headings,
                Page = first.Block.Page,
            });
        }
    }

    /// <summary>
    /// A chunk that is the only one on its first (last) line is cited by line: its start column becomes 1 (its
    /// end column 0, end of line). Columns stay where a line holds more than one chunk, which is when they matter.
    /// </summary>
    private static List<Chunk> WholeLinesWhereAlone(List<Chunk> chunks)
    {
        bool Alone(int line, Chunk self) => !chunks.Any(c => !ReferenceEquals(c, self) && c.StartLine <= line && line <= c.EndLine);

        return chunks.Select(c => c with
        {
            StartColumn = Alone(c.StartLine, c) ? 1 : c.StartColumn,
            EndColumn = Alone(c.EndLine, c) ? 0 : c.EndColumn,
        }).ToList();
    }

    /// <summary>Orders positions, a column of 0 (end of line) after every other column of its line.</summary>
    private static (int, int) Order(SourcePosition position) => (position.Line, position.Column == 0 ? int.MaxValue : position.Column);

    /// <summary>Adds a unit, first the table's header row when the unit opens a run of rows; returns the tokens added.</summary>
    private static int Append(List<Unit> units, Unit unit)
    {
        var tokens = unit.Tokens;
        if (NeedsHeader(units, unit))
        {
            var header = unit.Block.TableHeader!;
            var headerTokens = TokenEstimator.Count(header);
            units.Add(new Unit(unit.Block, header, headerTokens, unit.Start, unit.Start, 0, 0, StartsBlock: true, IsContext: true));
            tokens += headerTokens;
        }

        units.Add(unit);
        return tokens;
    }

    private static bool NeedsHeader(List<Unit> units, Unit unit)
    {
        if (unit.Block.Kind != BlockKind.TableRow || string.IsNullOrWhiteSpace(unit.Block.TableHeader) || unit.Text == unit.Block.TableHeader)
        {
            return false;
        }

        var previous = units.Count > 0 ? units[^1] : null;
        return previous is null || previous.Block.Kind != BlockKind.TableRow || previous.Block.TableHeader != unit.Block.TableHeader;
    }

    /// <summary>The last whole sentences of a chunk, repeated at the start of the next; rows, code and headers are not repeated.</summary>
    private static List<Unit> TakeOverlap(List<Unit> units, int maxTokens)
    {
        var overlap = new List<Unit>();
        var tokens = 0;
        for (var i = units.Count - 1; i > 0; i--)
        {
            var unit = units[i];
            if (unit.IsContext || unit.Block.Kind is BlockKind.Code or BlockKind.TableRow || tokens + unit.Tokens > maxTokens)
            {
                break;
            }

            overlap.Insert(0, unit with { IsOverlap = true });
            tokens += unit.Tokens;
        }

        return overlap;
    }

    /// <summary>The pieces a block is cut into: sentences (or parts of too-long ones), a whole row, whole code lines.</summary>
    private IEnumerable<Unit> UnitsOf(TextBlock block)
    {
        var pieces = block.Kind switch
        {
            BlockKind.TableRow => [new SentenceSpan(0, block.Text.Length)],
            BlockKind.Code => CodePieces(block.Text),
            _ => SentenceSplitter.SplitSpans(block.Text).SelectMany(s => SplitLongSentence(block.Text, s)),
        };

        var map = new PositionMap(block);
        var first = true;
        foreach (var piece in pieces)
        {
            var (start, end) = Trim(block.Text, piece, block.Kind == BlockKind.Code);
            if (end <= start)
            {
                continue;
            }

            var text = block.Text[start..end];
            yield return new Unit(block, text, TokenEstimator.Count(text), map.StartOf(start), map.EndOf(end - 1), start, end, StartsBlock: first);
            first = false;
        }
    }

    /// <summary>Code whole when it fits under the sentence maximum, else runs of whole lines of about the target.</summary>
    private IEnumerable<SentenceSpan> CodePieces(string code)
    {
        if (TokenEstimator.Count(code) <= options.MaxSentenceTokens)
        {
            yield return new SentenceSpan(0, code.Length);
            yield break;
        }

        var start = 0;
        var tokens = 0;
        var lineStart = 0;
        while (lineStart < code.Length)
        {
            var newLine = code.IndexOf('\n', lineStart);
            var lineEnd = newLine < 0 ? code.Length : newLine + 1;
            var lineTokens = TokenEstimator.Count(code.AsSpan(lineStart, lineEnd - lineStart));
            if (tokens > 0 && tokens + lineTokens > options.TargetTokens)
            {
                yield return new SentenceSpan(start, lineStart);
                start = lineStart;
                tokens = 0;
            }

            tokens += lineTokens;
            lineStart = lineEnd;
        }

        yield return new SentenceSpan(start, code.Length);
    }

    /// <summary>Cuts an over-long sentence at clause marks, and failing that at word or character boundaries.</summary>
    private IEnumerable<SentenceSpan> SplitLongSentence(string text, SentenceSpan sentence)
    {
        if (TokenEstimator.Count(text.AsSpan(sentence.Start, sentence.Length)) <= options.MaxSentenceTokens)
        {
            yield return sentence;
            yield break;
        }

        var pieceStart = sentence.Start;
        var pieceEnd = sentence.Start;
        var pieceTokens = 0;
        foreach (var part in SplitKeepingDelimiters(text, sentence))
        {
            var partTokens = TokenEstimator.Count(text.AsSpan(part.Start, part.Length));
            if (pieceTokens > 0 && pieceTokens + partTokens > options.TargetTokens)
            {
                yield return new SentenceSpan(pieceStart, pieceEnd);
                pieceStart = part.Start;
                pieceTokens = 0;
            }

            pieceEnd = part.End;
            pieceTokens += partTokens;
        }

        if (pieceEnd > pieceStart)
        {
            yield return new SentenceSpan(pieceStart, pieceEnd);
        }
    }

    /// <summary>Clauses (after ， , ; ： :), or single words and Han characters when a clause is itself too long.</summary>
    private IEnumerable<SentenceSpan> SplitKeepingDelimiters(string text, SentenceSpan sentence)
    {
        var start = sentence.Start;
        for (var i = sentence.Start; i < sentence.End; i++)
        {
            if (text[i] is '，' or ',' or ';' or '：' or ':' or '、' && (i + 1 == sentence.End || !char.IsAsciiDigit(text[i + 1])))
            {
                foreach (var part in SplitClause(text, new SentenceSpan(start, i + 1)))
                {
                    yield return part;
                }

                start = i + 1;
            }
        }

        foreach (var part in SplitClause(text, new SentenceSpan(start, sentence.End)))
        {
            yield return part;
        }
    }

    private IEnumerable<SentenceSpan> SplitClause(string text, SentenceSpan clause)
    {
        if (TokenEstimator.Count(text.AsSpan(clause.Start, clause.Length)) <= options.TargetTokens)
        {
            yield return clause;
            yield break;
        }

        var start = clause.Start;
        for (var i = clause.Start + 1; i < clause.End; i++)
        {
            if ((char.IsWhiteSpace(text[i - 1]) && !char.IsWhiteSpace(text[i])) || Tokenizer.IsHan(text, i))
            {
                yield return new SentenceSpan(start, i);
                start = i;
            }
        }

        yield return new SentenceSpan(start, clause.End);
    }

    /// <summary>The span without surrounding white space; code keeps its indentation and loses only line breaks.</summary>
    private static (int Start, int End) Trim(string text, SentenceSpan span, bool isCode)
    {
        var (start, end) = (span.Start, span.End);
        while (start < end && (isCode ? text[start] is '\n' or '\r' : char.IsWhiteSpace(text[start])))
        {
            start++;
        }

        while (end > start && (isCode ? text[end - 1] is '\n' or '\r' : char.IsWhiteSpace(text[end - 1])))
        {
            end--;
        }

        return (start, end);
    }

    /// <summary>
    /// Blocks stay on their own lines; consecutive pieces of one block are joined by the text that stood between
    /// them (white space or line breaks), so a chunk reads exactly like its source.
    /// </summary>
    private static string Join(List<Unit> units)
    {
        var builder = new StringBuilder();
        Unit? previous = null;
        foreach (var unit in units)
        {
            if (previous is not null)
            {
                if (ReferenceEquals(previous.Block, unit.Block) && !previous.IsContext && !unit.IsContext && previous.Offset <= unit.Offset)
                {
                    var between = unit.Block.Text[previous.EndOffset..unit.Offset];
                    builder.Append(between.Length == 0 || !string.IsNullOrWhiteSpace(between) ? string.Empty : between.Contains('\n', StringComparison.Ordinal) ? "\n" : " ");
                }
                else
                {
                    builder.Append('\n');
                }
            }

            builder.Append(unit.Text);
            previous = unit;
        }

        return builder.ToString();
    }

    /// <summary>
    /// One piece of a block: its text, tokens, source span and offsets in the block. A context unit (a table's
    /// header row repeated) is shown but not cited.
    /// </summary>
    private sealed record Unit(
        TextBlock Block,
        string Text,
        int Tokens,
        SourcePosition Start,
        SourcePosition End,
        int Offset,
        int EndOffset,
        bool StartsBlock,
        bool IsOverlap = false,
        bool IsContext = false);
}
