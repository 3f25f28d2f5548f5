using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaBot.Analysis;
using QaBot.Core;

namespace QaBot.Retrieval;

/// <summary>
/// Lexical retrieval across languages: the question as asked and each of its translations (dictionary
/// translations into the collection's other languages, plus any extra versions such as a chat model's) are
/// searched separately with BM25 and fused by reciprocal rank, so no single weight decides and no language's
/// larger share of chunks dominates. Then judges whether the best passage covers the question.
/// </summary>
public sealed partial class FusionRetriever(
    IChunkIndex index,
    TextAnalyzer analyzer,
    IQueryTranslator translator,
    CoverageAssessor assessor,
    IOptions<RetrievalOptions> options,
    ILogger<FusionRetriever> logger) : IRetriever
{
    public async Task<RetrievalResult> RetrieveAsync(RetrievalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        var stopwatch = Stopwatch.StartNew();
        var language = TextAnalyzer.DetectLanguage(request.Question);
        var translations = settings.DictionaryTranslation
            ? await translator.TranslateAsync(request.Question, language, cancellationToken)
            : [];

        var versions = new List<(QueryVersion Version, double Weight)> { (new QueryVersion("original", language, request.Question), settings.OriginalQueryWeight) };
        versions.AddRange(translations
            .Where(t => !string.IsNullOrWhiteSpace(t.Text))
            .Select(t => (new QueryVersion("dictionary:" + t.Language, t.Language, t.Text), settings.TranslatedQueryWeight)));
        versions.AddRange((request.ExtraQueries ?? []).Select(q => (q, settings.TranslatedQueryWeight)));

        var lists = new List<RankedList<Guid>>();
        var diagnostics = new List<QueryDiagnostics>();
        double topScoreOfOriginal = 0;
        foreach (var (version, weight) in versions)
        {
            var terms = analyzer.AnalyzeQuery(version.Text, version.Language);
            var hits = await index.SearchLexicalAsync(terms, settings.CandidatesPerQuery, cancellationToken);
            if (version.Label == "original" && hits.Count > 0)
            {
                topScoreOfOriginal = hits[0].Score;
            }

            lists.Add(new RankedList<Guid>(version.Label, weight, hits.Select(h => (h.ChunkId, h.Score)).ToList()));
            diagnostics.Add(new QueryDiagnostics(version.Label, version.Language, terms, []));
        }

        var fused = ReciprocalRankFusion.Fuse(lists, settings.RrfK).Take(request.Limit).ToList();
        var chunks = (await index.GetChunksAsync(fused.Select(f => f.Item).ToList(), cancellationToken)).ToDictionary(c => c.Id);
        var passages = fused
            .Where(f => chunks.ContainsKey(f.Item))
            .Select((f, i) => new RetrievedPassage(chunks[f.Item], i + 1, f.Score, f.Ranks.Select(r => new LegRank(r.List, r.Rank, r.Score)).ToList()))
            .ToList();

        var diagnosticsWithHits = diagnostics
            .Select(d => d with { TopHits = passages.SelectMany(p => p.Legs.Where(l => l.Leg == d.Label).Select(l => l with { Leg = p.CitationLabel })).OrderBy(l => l.Rank).ToList() })
            .ToList();

        var alternatives = assessor.Alternatives(analyzer.AnalyzeQuery(request.Question, language), language, translations);
        var searchedTerms = diagnostics.SelectMany(d => d.Terms);
        var frequencies = await index.GetChunkFrequenciesAsync(CoverageAssessor.TermsNeedingFrequencies(alternatives).Concat(searchedTerms).ToHashSet(StringComparer.Ordinal), cancellationToken);
        var statistics = await index.GetStatisticsAsync(cancellationToken);
        var termWeights = frequencies.ToDictionary(p => p.Key, p => CoverageAssessor.InverseDocumentFrequency(p.Value, statistics.ChunkCount), StringComparer.Ordinal);
        var evidence = assessor.Assess(alternatives, passages.FirstOrDefault()?.Chunk, topScoreOfOriginal, frequencies, statistics.ChunkCount);
        var isRelevant = passages.Count > 0 && evidence.ContentTermCount > 0 && evidence.MatchedTermShare >= settings.MinMatchedTermShare;

        LogRetrieved(passages.Count, versions.Count, evidence.MatchedTermShare, isRelevant, stopwatch.Elapsed.TotalMilliseconds);
        return new RetrievalResult(passages, evidence, isRelevant, diagnosticsWithHits, stopwatch.Elapsed) { TermWeights = termWeights };
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Retrieved {PassageCount} passages from {VersionCount} versions of the question; coverage {Coverage:0.00}, relevant {IsRelevant}, {ElapsedMs:0.0} ms")]
    private partial void LogRetrieved(int passageCount, int versionCount, double coverage, bool isRelevant, double elapsedMs);
}
