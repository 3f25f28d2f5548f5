using System.Globalization;
using System.Text;
using QaBot.Analysis;
using QaBot.Core;

namespace QaBot.Ingestion.Chunking;

/// <summary>
/// Cuts a cleaned article into chunks of about <see cref="ChunkingOptions.TargetTokens"/> tokens along sentence
/// boundaries, with whole-sentence overlap. A heading starts a new chunk (and names the chunk's section);
/// a sentence is only split when it alone is longer than <see cref="ChunkingOptions.MaxSentenceTokens"/>.
/// Every chunk knows the original lines it came from.
/// </summary>
public sealed class SentenceAwareChunker(ChunkingOptions options)
{
    /// <summary>Changes whenever the same input would be chunked differently.</summary>
    public string Version => string.Create(CultureInfo.InvariantCulture, $"chunker-2({options.TargetTokens}/{options.OverlapTokens}/{options.MaxSentenceTokens})");

    public IReadOnlyList<Chunk> Chunk(CleanArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var chunks = new List<Chunk>();
        var current = new List<Sentence>();
        var currentTokens = 0;
        string? section = null;
        string? currentSection = null;

        foreach (var block in article.Blocks)
        {
            if (block.Kind == BlockKind.Heading)
            {
                // A new section starts a new chunk unless the current one is still a stub. A chunk that opened
                // with overlap continues the previous section, so it is never merged into the next one.
                if (currentTokens >= options.TargetTokens / 3 || current.Any(s => s.IsOverlap))
                {
                    Emit();
                    current.Clear();
                    currentTokens = 0;
                }

                section = block.Text;
            }

            if (current.Count == 0)
            {
                currentSection = section;
            }

            foreach (var sentence in SplitBlock(block))
            {
                if (currentTokens > 0 && currentTokens + sentence.Tokens > options.TargetTokens)
                {
                    Emit();
                    // The overlap gives way to the sentence that opens the chunk, so the chunk keeps the target.
                    var overlap = TakeOverlap(current, Math.Min(options.OverlapTokens, options.TargetTokens - sentence.Tokens));
                    current.Clear();
                    current.AddRange(overlap);
                    currentTokens = overlap.Sum(s => s.Tokens);
                    currentSection = section;
                }

                current.Add(sentence);
                currentTokens += sentence.Tokens;
            }
        }

        Emit();
        return chunks;

        void Emit()
        {
            if (current.Count == 0 || (chunks.Count > 0 && current.All(s => s.IsOverlap)))
            {
                return;
            }

            var text = Join(current);
            chunks.Add(new Chunk(
                article.SourcePath,
                chunks.Count,
                article.DisplayTitle,
                currentSection,
                article.Metadata.Date,
                current.Min(s => s.StartLine),
                current.Max(s => s.EndLine),
                LanguageDetector.Detect(text),
                text));
        }
    }

    private static List<Sentence> TakeOverlap(List<Sentence> sentences, int maxTokens)
    {
        var overlap = new List<Sentence>();
        var tokens = 0;
        for (var i = sentences.Count - 1; i > 0; i--)
        {
            var sentence = sentences[i];
            if (sentence.IsHeading || tokens + sentence.Tokens > maxTokens)
            {
                break;
            }

            overlap.Insert(0, sentence with { IsOverlap = true });
            tokens += sentence.Tokens;
        }

        return overlap;
    }

    private IEnumerable<Sentence> SplitBlock(TextBlock block)
    {
        var isHeading = block.Kind == BlockKind.Heading;
        var first = true;
        foreach (var sentence in SentenceSplitter.Split(block.Text))
        {
            foreach (var piece in SplitLongSentence(sentence))
            {
                yield return new Sentence(piece, TokenEstimator.Count(piece), block.StartLine, block.EndLine, isHeading, StartsBlock: first);
                first = false;
            }
        }
    }

    /// <summary>Cuts an over-long sentence at clause marks, and failing that at word or character boundaries.</summary>
    private IEnumerable<string> SplitLongSentence(string sentence)
    {
        if (TokenEstimator.Count(sentence) <= options.MaxSentenceTokens)
        {
            yield return sentence;
            yield break;
        }

        var piece = new StringBuilder();
        var pieceTokens = 0;
        foreach (var part in SplitKeepingDelimiters(sentence))
        {
            var partTokens = TokenEstimator.Count(part);
            if (pieceTokens > 0 && pieceTokens + partTokens > options.TargetTokens)
            {
                yield return piece.ToString().Trim();
                piece.Clear();
                pieceTokens = 0;
            }

            piece.Append(part);
            pieceTokens += partTokens;
        }

        if (piece.Length > 0 && piece.ToString().Trim() is { Length: > 0 } rest)
        {
            yield return rest;
        }
    }

    /// <summary>Clauses (after ， , ; ： :), or single words and Han characters when a clause is itself too long.</summary>
    private IEnumerable<string> SplitKeepingDelimiters(string sentence)
    {
        var start = 0;
        for (var i = 0; i < sentence.Length; i++)
        {
            if (sentence[i] is '，' or ',' or ';' or '：' or ':' or '、' && (i + 1 == sentence.Length || !char.IsAsciiDigit(sentence[i + 1])))
            {
                foreach (var part in SplitClause(sentence[start..(i + 1)]))
                {
                    yield return part;
                }

                start = i + 1;
            }
        }

        foreach (var part in SplitClause(sentence[start..]))
        {
            yield return part;
        }
    }

    private IEnumerable<string> SplitClause(string clause)
    {
        if (TokenEstimator.Count(clause) <= options.TargetTokens)
        {
            yield return clause;
            yield break;
        }

        var start = 0;
        for (var i = 1; i < clause.Length; i++)
        {
            if (char.IsWhiteSpace(clause[i - 1]) != char.IsWhiteSpace(clause[i]) && char.IsWhiteSpace(clause[i - 1]) || Tokenizer.IsHan(clause, i))
            {
                yield return clause[start..i];
                start = i;
            }
        }

        yield return clause[start..];
    }

    private static string Join(List<Sentence> sentences)
    {
        var builder = new StringBuilder();
        foreach (var sentence in sentences)
        {
            if (builder.Length > 0)
            {
                // Blocks stay on their own lines; sentences of one block are joined like the original text.
                if (sentence.StartsBlock)
                {
                    builder.Append('\n');
                }
                else if (!(IsCjk(builder[^1]) && IsCjk(sentence.Text[0])))
                {
                    builder.Append(' ');
                }
            }

            builder.Append(sentence.Text);
        }

        return builder.ToString();
    }

    private static bool IsCjk(char c) => c is >= '\u2E80' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF';

    private sealed record Sentence(string Text, int Tokens, int StartLine, int EndLine, bool IsHeading, bool StartsBlock, bool IsOverlap = false);
}
