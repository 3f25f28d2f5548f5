using System.Globalization;
using System.Text;
using QaBot.Core;
using QaBot.Retrieval;

namespace QaBot.Cli.Output;

/// <summary>How an answer is shown in a terminal: the text, then its sources as <see cref="CitationFormatter"/> writes them.</summary>
public static class AnswerPrinter
{
    public static string Format(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return answer.Text.Trim() + FormatTrailer(answer);
    }

    /// <summary>What follows the answer text, as <see cref="AnswerLayout"/> orders it: glosses, sources (exactly the passages cited), who answered.</summary>
    public static string FormatTrailer(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var layout = AnswerLayout.For(answer);
        var builder = new StringBuilder();
        if (layout.GlossLines.Count > 0)
        {
            builder.AppendLine().AppendLine().AppendLine(CultureInfo.InvariantCulture, $"{layout.GlossHeading}:");
            foreach (var line in layout.GlossLines)
            {
                builder.Append("  ").AppendLine(line);
            }
        }

        if (layout.Sources.Count > 0)
        {
            // The gloss block already ends its line.
            builder.Append(layout.GlossLines.Count > 0 ? Environment.NewLine : Environment.NewLine + Environment.NewLine)
                .AppendLine(CultureInfo.InvariantCulture, $"{layout.SourcesHeading}:");
            foreach (var citation in layout.Sources)
            {
                builder.Append("  ").AppendLine(citation.ToString());
            }
        }
        else
        {
            builder.AppendLine();
        }

        builder.Append(CultureInfo.InvariantCulture, $"({layout.Footer}, {answer.Elapsed.TotalMilliseconds:0} ms)");
        return builder.ToString();
    }

    /// <summary>The passages behind an answer, as /sources shows them.</summary>
    public static string FormatSources(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var builder = new StringBuilder();
        foreach (var passage in answer.Retrieval.Passages)
        {
            builder.Append(CultureInfo.InvariantCulture, $"#{passage.Rank} {CitationFormatter.Location(passage.Chunk)} — {DisplayText.Escape(passage.Chunk.Title)}");
            foreach (var heading in passage.Chunk.HeadingPath)
            {
                builder.Append(" › ").Append(heading);
            }

            builder.AppendLine().AppendLine(Indent(passage.Chunk.Text)).AppendLine();
        }

        return builder.Length == 0 ? "No passages were retrieved." : builder.ToString().TrimEnd();
    }

    /// <summary>Ranks, scores, coverage and timings, as /debug shows them.</summary>
    public static string FormatDebug(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var retrieval = answer.Retrieval;
        var builder = new StringBuilder();
        var stages = retrieval.TimingsMs.Count == 0
            ? string.Empty
            : $" ({string.Join(", ", retrieval.TimingsMs.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Key} {t.Value:0.0}")))})";
        builder.AppendLine(CultureInfo.InvariantCulture, $"retrieval {retrieval.Elapsed.TotalMilliseconds:0.0} ms{stages}, answer {answer.Elapsed.TotalMilliseconds:0.0} ms, by {answer.AnsweredBy}");
        AppendGeneration(builder, answer.Diagnostics);
        foreach (var query in retrieval.Queries)
        {
            builder.AppendLine(CultureInfo.InvariantCulture, $"query {query.Label} [{query.Language}]: {string.Join(' ', query.Terms)}");
            foreach (var hit in query.TopHits)
            {
                var measure = query.Label switch
                {
                    FusionRetriever.DenseLeg => "cosine",
                    FusionRetriever.HybridLeg => "rrf",
                    _ => "bm25",
                };
                builder.AppendLine(CultureInfo.InvariantCulture, $"    rank {hit.Rank,2}  {measure} {hit.Score,7:0.000}  {hit.Leg}");
            }
        }

        builder.AppendLine("fused (reciprocal rank fusion):");
        foreach (var passage in retrieval.Passages)
        {
            var legs = string.Join(", ", passage.Legs.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Leg} #{l.Rank} ({l.Score:0.00})")));
            builder.AppendLine(CultureInfo.InvariantCulture, $"  #{passage.Rank} {passage.Score:0.0000} {CitationFormatter.Location(passage.Chunk)}  <- {legs}");
        }

        var evidence = retrieval.Evidence;
        builder.AppendLine(CultureInfo.InvariantCulture, $"coverage {evidence.MatchedTermShare:0.00} of {evidence.ContentTermCount} content terms; answerability {evidence.Answerability:0.00}; relevant: {retrieval.IsRelevant}");
        if (evidence.GateFeatures.Count > 0)
        {
            builder.AppendLine("gate: " + string.Join(", ", evidence.GateFeatures.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Key} {f.Value:0.00}"))));
        }

        builder.AppendLine(CultureInfo.InvariantCulture, $"  matched: {string.Join(' ', evidence.MatchedTerms)}");
        builder.Append(CultureInfo.InvariantCulture, $"  missing: {string.Join(' ', evidence.MissingTerms)}");
        return builder.ToString();
    }

    private static void AppendGeneration(StringBuilder builder, AnswerDiagnostics diagnostics)
    {
        if (diagnostics.StandaloneQuestion is { } standalone)
        {
            builder.AppendLine(CultureInfo.InvariantCulture, $"condensed follow-up: {standalone}");
        }

        if (diagnostics.RemovedMarkers.Count > 0)
        {
            builder.AppendLine(CultureInfo.InvariantCulture, $"removed markers (no such passage): {string.Join(' ', diagnostics.RemovedMarkers)}");
        }

        foreach (var quote in diagnostics.UnverifiedQuotes)
        {
            builder.AppendLine(CultureInfo.InvariantCulture, $"quote not found verbatim in its passage: {quote}");
        }

        if (diagnostics.CheckedSentences > 0)
        {
            builder.AppendLine(CultureInfo.InvariantCulture, $"claims checked: {diagnostics.VerifiedSentences} of {diagnostics.CheckedSentences} sentences verified against the passages they cite");
        }

        foreach (var sentence in diagnostics.UnverifiedSentences)
        {
            builder.AppendLine(CultureInfo.InvariantCulture, $"unverified sentence: {sentence}");
        }

        if (diagnostics.QuotedSentences > 0)
        {
            builder.AppendLine(CultureInfo.InvariantCulture, $"quoted sentences: {diagnostics.QuotedSentences}");
        }

        if (diagnostics.PromptTokens + diagnostics.CompletionTokens > 0)
        {
            builder.AppendLine(CultureInfo.InvariantCulture, $"tokens: {diagnostics.PromptTokens} prompt, {diagnostics.CompletionTokens} completion");
        }
    }

    private static string Indent(string text) => "    " + text.Replace("\n", "\n    ", StringComparison.Ordinal);
}
