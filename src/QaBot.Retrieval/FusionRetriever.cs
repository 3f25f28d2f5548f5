using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaBot.Analysis;
using QaBot.Core;
using QaBot.Retrieval.Answerability;
using QaBot.Retrieval.QueryExpansion;
using QaBot.Retrieval.Ranking;

namespace QaBot.Retrieval;

/// <summary>
/// Lexical retrieval across languages, in two stages. First, the question as asked and each of its
/// translations (dictionary translations into the collection's other languages, plus extra versions such as a
/// chat model's) are searched separately with BM25 and fused by reciprocal rank, so no single weight decides
/// and no language's larger share of chunks dominates. Then the best fused candidates are reranked by how much
/// of the question each one covers (<see cref="CoverageAssessor"/>), which, unlike BM25 scores, compares
/// passages of different languages; the fused rank breaks ties. The <see cref="AnswerabilityGate"/> decides from the best
/// passages whether the collection answers the question. With an embedding model configured, a dense leg joins the fusion: the
/// question's vector against the index's vectors (exact search), weighted by <see cref="RetrievalOptions.DenseWeight"/>,
/// so passages that share meaning but not words enter the candidates. An index that fuses lexical and dense search
/// itself registers an <see cref="IHybridSearchIndex"/> (Qdrant does; the embedded index does not).
/// </summary>
public sealed partial class FusionRetriever(
    IChunkIndex index,
    TextAnalyzer analyzer,
    IQueryTranslator translator,
    CoverageAssessor assessor,
    AnswerabilityGate gate,
    IOptions<RetrievalOptions> options,
    ILogger<FusionRetriever> logger,
    IEmbeddingGenerator<string, Embedding<float>>? embedder = null,
    IVectorIndex? vectorIndex = null,
    CollectionVocabulary? vocabulary = null,
    SynonymExpander? synonyms = null,
    IHybridSearchIndex? hybridIndex = null) : IRetriever
{
    private readonly PassageFeatureExtractor features = new(analyzer);

    public const string CoverageLeg = "coverage";

    /// <summary>How the fused candidates are scored in the rerank; tests of fusion alone set <see cref="RankingModel.CoverageFirst"/>.</summary>
    public RankingModel Ranking { get; init; } = RankingModel.Default;

    /// <summary>The name of the dense (vector) leg in the fused ranks and under /debug.</summary>
    public const string DenseLeg = "dense";

    /// <summary>The name of the list an <see cref="IHybridSearchIndex"/> fused itself from the original question's lexical and dense searches.</summary>
    public const string HybridLeg = "original+dense";

    /// <summary>The name of the leg that searches the question with its typos corrected against the collection's vocabulary.</summary>
    public const string CorrectedLeg = "corrected";

    /// <summary>The name of the leg that searches the question's terms together with their synonyms.</summary>
    public const string SynonymLeg = "synonyms";

    public async Task<RetrievalResult> RetrieveAsync(RetrievalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = RetrievalTelemetry.Source.StartActivity("retrieve");
        var settings = options.Value;
        var stopwatch = Stopwatch.StartNew();
        var language = TextAnalyzer.DetectLanguage(request.Question);

        var question = await ComposeVersionsAsync(request, language, settings, cancellationToken);
        var translateMs = stopwatch.Elapsed.TotalMilliseconds;
        var serverFusion = await HandOriginalToServerFusionAsync(request.Question, question.Versions, settings, cancellationToken);
        var queryTerms = AnalyzeVersions(question);
        // A correction counts for coverage as a translation would: the corrected term is a form of the typed one.
        var (forms, formTerms) = assessor.Forms(
            analyzer.AnalyzeQuery(request.Question, language), language, question.Correction is null ? question.Translations : [.. question.Translations, question.Correction]);

        var searched = await SearchLegsAsync(request.Question, question.Versions, queryTerms, formTerms, serverFusion, settings, stopwatch, cancellationToken);
        var searchMs = stopwatch.Elapsed.TotalMilliseconds - translateMs;
        var fused = Fuse(searched.Lists, settings);
        var chunks = (await index.GetChunksAsync(fused.Select(f => f.Item).ToList(), cancellationToken)).ToDictionary(c => c.Id);
        var concepts = CoverageAssessor.Weigh(forms, searched.Frequencies, searched.ChunkCount);

        var reranked = Rerank(fused, chunks, concepts, AnswerTypeDetector.Detect(request.Question), searched.Lists);
        var passages = ToPassages(reranked, request.Limit);
        var verdict = AssessAnswerability(request.Question, concepts, reranked, searched.Lists);
        var best = reranked.Count > 0 ? reranked[0].Coverage : new Coverage(0, [], [.. concepts.Forms.Keys]);
        var lists = searched.Lists;
        var evidence = new RetrievalEvidence(concepts.Forms.Count, best.Share, lists[0].Items.Count > 0 ? lists[0].Items[0].Score : 0, best.Matched, best.Missing)
        {
            Answerability = verdict.Probability,
            GateFeatures = verdict.Features,
        };
        var isRelevant = passages.Count > 0 && verdict.IsAnswerable;
        var diagnostics = Diagnose(queryTerms, searched.DenseHits is not null, language, passages);
        var termWeights = searched.Frequencies.ToDictionary(p => p.Key, p => CoverageAssessor.InverseDocumentFrequency(p.Value, searched.ChunkCount), StringComparer.Ordinal);

        LogRetrieved(passages.Count, question.Versions.Count, evidence.MatchedTermShare, verdict.Probability, isRelevant, stopwatch.Elapsed.TotalMilliseconds);
        var timings = new Dictionary<string, double>
        {
            ["translate"] = translateMs,
            ["search"] = searchMs,
            ["rerank"] = stopwatch.Elapsed.TotalMilliseconds - translateMs - searchMs,
        };
        if (searched.DenseHits is not null)
        {
            timings["dense"] = searched.DenseMs;
        }

        RetrievalTelemetry.RecordRetrieval(activity, passages.Count, isRelevant, verdict.Probability, stopwatch.Elapsed);
        return new RetrievalResult(passages, evidence, isRelevant, diagnostics, stopwatch.Elapsed)
        {
            TermWeights = termWeights,
            TimingsMs = timings,
            Candidates = [.. reranked.Select(c => new RankedCandidate(c.Chunk, c.Score, c.Features))],
            Concepts = [.. concepts.Forms.Select(p => new QuestionConcept(p.Key, p.Value, concepts.Weights[p.Key]))],
        };
    }

    /// <summary>The versions of the question to search, each with its weight: as asked, its translations, extra versions (a chat model's), typos corrected, synonyms.</summary>
    private async Task<QuestionVersions> ComposeVersionsAsync(RetrievalRequest request, string language, RetrievalOptions settings, CancellationToken cancellationToken)
    {
        var translations = settings.DictionaryTranslation
            ? await translator.TranslateAsync(request.Question, language, cancellationToken)
            : [];
        var versions = new List<(QueryVersion Version, double Weight)> { (new QueryVersion("original", language, request.Question), settings.OriginalQueryWeight) };
        versions.AddRange(translations
            .Where(t => !string.IsNullOrWhiteSpace(t.Text))
            .Select(t => (new QueryVersion("dictionary:" + t.Language, t.Language, t.Text), settings.TranslatedQueryWeight)));
        versions.AddRange((request.ExtraQueries ?? []).Select(q => (q, settings.TranslatedQueryWeight)));
        var correction = await CorrectTyposAsync(request.Question, language, settings, cancellationToken);
        if (correction is not null)
        {
            versions.Add((new QueryVersion(CorrectedLeg, language, correction.Text), settings.TypoCorrectionWeight));
        }

        // The synonym leg's terms are given, not analyzed from a text: a synonym is already an index term.
        var expansion = await ExpandSynonymsAsync(request.Question, language, settings, cancellationToken);
        if (expansion is not null)
        {
            versions.Add((new QueryVersion(SynonymLeg, language, string.Join(' ', expansion)), settings.SynonymWeight));
        }

        return new QuestionVersions(versions, translations, correction, expansion);
    }

    /// <summary>
    /// An index that fuses lexical and dense search itself (Qdrant) gets the question's terms and vector in one
    /// request; its fused list takes the place of the original question's lexical list and the dense leg. Returns
    /// the question's vector when it does (and relabels the original version), else <see langword="null"/>.
    /// </summary>
    private async Task<ReadOnlyMemory<float>?> HandOriginalToServerFusionAsync(string question, List<(QueryVersion Version, double Weight)> versions, RetrievalOptions settings, CancellationToken cancellationToken)
    {
        var serverFusion = hybridIndex is not null && DenseEnabled(settings)
            ? await EmbedQuestionAsync(question, cancellationToken)
            : null;
        if (serverFusion is not null)
        {
            versions[0] = (versions[0].Version with { Label = HybridLeg }, versions[0].Weight);
        }

        return serverFusion;
    }

    private List<(QueryVersion Version, IReadOnlyList<string> Terms)> AnalyzeVersions(QuestionVersions question) => question.Versions
        .Select(v => (v.Version, Terms: v.Version.Label == SynonymLeg && question.Expansion is not null ? question.Expansion : analyzer.AnalyzeQuery(v.Version.Text, v.Version.Language)))
        .ToList();

    /// <summary>
    /// The searches of the versions and the term statistics are independent reads: run them at once on the thread
    /// pool (SQLite's async calls complete synchronously; WAL lets readers share the file), then list them in the
    /// order of the versions, the dense leg last.
    /// </summary>
    private async Task<LegSearch> SearchLegsAsync(
        string question,
        List<(QueryVersion Version, double Weight)> versions,
        List<(QueryVersion Version, IReadOnlyList<string> Terms)> queryTerms,
        IEnumerable<string> formTerms,
        ReadOnlyMemory<float>? serverFusion,
        RetrievalOptions settings,
        Stopwatch stopwatch,
        CancellationToken cancellationToken)
    {
        var denseSearch = serverFusion is null
            ? Task.Run(() => RetrievalTelemetry.SearchLegAsync(DenseLeg, () => SearchDenseAsync(question, settings, stopwatch, cancellationToken)), cancellationToken)
            : Task.FromResult<(IReadOnlyList<VectorHit>?, double)>((null, 0));
        var searches = Task.WhenAll(queryTerms.Select((q, i) => Task.Run(
            () => RetrievalTelemetry.SearchLegAsync(q.Version.Label, () => i == 0 && serverFusion is { } vector
                ? hybridIndex!.SearchHybridAsync(q.Terms, vector, embedder!.Model, settings.CandidatesPerQuery, cancellationToken)
                : index.SearchLexicalAsync(q.Terms, settings.CandidatesPerQuery, cancellationToken)),
            cancellationToken)));
        var frequencyTerms = formTerms.Concat(queryTerms.SelectMany(q => q.Terms)).ToHashSet(StringComparer.Ordinal);
        var frequenciesRead = Task.Run(() => index.GetChunkFrequenciesAsync(frequencyTerms, cancellationToken), cancellationToken);
        var statisticsRead = index.GetStatisticsAsync(cancellationToken);
        await Task.WhenAll(searches, frequenciesRead, statisticsRead, denseSearch);
        var hitLists = await searches;
        var lists = versions
            .Select((v, i) => new RankedList<Guid>(v.Version.Label, v.Weight, hitLists[i].Select(h => (h.ChunkId, h.Score)).ToList()))
            .ToList();
        var (denseHits, denseMs) = await denseSearch;
        if (denseHits is not null)
        {
            lists.Add(new RankedList<Guid>(DenseLeg, settings.DenseWeight, denseHits.Select(h => (h.ChunkId, (double)h.Score)).ToList()));
        }

        return new LegSearch(lists, denseHits, denseMs, await frequenciesRead, (await statisticsRead).ChunkCount);
    }

    /// <summary>Reciprocal rank fusion of the legs, the original question's own candidates kept.</summary>
    private static List<FusedItem<Guid>> Fuse(List<RankedList<Guid>> lists, RetrievalOptions settings)
    {
        using var fusionSpan = RetrievalTelemetry.StartStep("retrieve.fusion");
        var fused = KeepOriginalCandidates(ReciprocalRankFusion.Fuse(lists, settings.RrfK).ToList(), lists[0], settings);
        fusionSpan?.SetTag("qabot.lists", lists.Count);
        return fused;
    }

    /// <summary>The fused candidates scored by the ranking model on their coverage of the question and their legs' ranks, best first.</summary>
    private List<RerankedCandidate> Rerank(List<FusedItem<Guid>> fused, Dictionary<Guid, Chunk> chunks, QuestionConcepts concepts, AnswerType askedType, List<RankedList<Guid>> lists)
    {
        var maxFused = fused.Count > 0 ? fused[0].Score : 1;
        var topScores = lists.GroupBy(l => l.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Max(l => l.Items.Count > 0 ? l.Items[0].Score : 0), StringComparer.Ordinal);
        return fused
            .Where(f => chunks.ContainsKey(f.Item))
            .Select(f => (Fused: f, Chunk: chunks[f.Item], Analyzed: assessor.Analyze(chunks[f.Item])))
            .Select(c => (c.Fused, c.Chunk, c.Analyzed, Coverage: CoverageAssessor.Measure(concepts, c.Analyzed.All)))
            .Select(c => (c.Fused, c.Chunk, Terms: c.Analyzed.All, c.Coverage, Features: features.Extract(concepts, askedType, c.Chunk, c.Analyzed, c.Coverage, LegsOf(c.Fused, lists, topScores, maxFused))))
            .Select(c => new RerankedCandidate(c.Fused, c.Chunk, c.Terms, c.Coverage, c.Features, Ranking.Score(c.Features)))
            .OrderByDescending(c => c.Score)
            .ThenByDescending(c => c.Fused.Score)
            .ToList();
    }

    /// <summary>The top candidates as passages, each with its legs' ranks and its coverage rank.</summary>
    private static List<RetrievedPassage> ToPassages(List<RerankedCandidate> reranked, int limit)
    {
        var coverageRanks = reranked.OrderByDescending(c => c.Coverage.Share).Select((c, i) => (c.Chunk.Id, Rank: i + 1)).ToDictionary(p => p.Id, p => p.Rank);
        return reranked.Take(limit).Select((c, i) => new RetrievedPassage(
            c.Chunk,
            i + 1,
            c.Score,
            [.. c.Fused.Ranks.Select(r => new LegRank(r.List, r.Rank, r.Score)), new LegRank(CoverageLeg, coverageRanks[c.Chunk.Id], c.Coverage.Share)]))
            .ToList();
    }

    private GateVerdict AssessAnswerability(string question, QuestionConcepts concepts, List<RerankedCandidate> reranked, List<RankedList<Guid>> lists)
    {
        using var gateSpan = RetrievalTelemetry.StartStep("retrieve.gate");
        var verdict = gate.Assess(
            question,
            concepts,
            [.. reranked.Select(c => new GateCandidate(c.Chunk, c.Terms, c.Score, c.Fused.Ranks.GroupBy(r => r.List).ToDictionary(g => g.Key, g => g.Min(r => r.Rank), StringComparer.Ordinal))
            {
                BestSentenceHoldsAskedType = c.Features[RankFeature.SentenceTypeMissing] == 0,
            })],
            [.. lists.Select(l => l.Name)]);
        gateSpan?.SetTag("qabot.answerability", verdict.Probability);
        return verdict;
    }

    /// <summary>What /debug shows per leg: its language, its terms and where each passage ranked in it.</summary>
    private static List<QueryDiagnostics> Diagnose(List<(QueryVersion Version, IReadOnlyList<string> Terms)> queryTerms, bool dense, string language, List<RetrievedPassage> passages)
    {
        var searched = queryTerms.Select(q => (q.Version.Label, q.Version.Language, q.Terms)).ToList();
        if (dense)
        {
            searched.Add((DenseLeg, language, []));
        }

        return searched
            .Select(q => new QueryDiagnostics(q.Label, q.Language, q.Terms, passages
                .SelectMany(p => p.Legs.Where(l => l.Leg == q.Label).Select(l => l with { Leg = p.CitationLabel }))
                .OrderBy(l => l.Rank)
                .ToList()))
            .ToList();
    }

    private sealed record QuestionVersions(
        List<(QueryVersion Version, double Weight)> Versions,
        IReadOnlyList<QueryTranslation> Translations,
        QueryTranslation? Correction,
        IReadOnlyList<string>? Expansion);

    private sealed record LegSearch(
        List<RankedList<Guid>> Lists,
        IReadOnlyList<VectorHit>? DenseHits,
        double DenseMs,
        IReadOnlyDictionary<string, int> Frequencies,
        int ChunkCount);

    private sealed record RerankedCandidate(
        FusedItem<Guid> Fused,
        Chunk Chunk,
        HashSet<string> Terms,
        Coverage Coverage,
        IReadOnlyDictionary<string, double> Features,
        double Score);

    /// <summary>Where a fused candidate stood in every searched list (rank 0 and score 0 where a list lacks it).</summary>
    private static CandidateLegs LegsOf(FusedItem<Guid> fused, List<RankedList<Guid>> lists, Dictionary<string, double> topScores, double maxFused)
    {
        var legs = lists
            .Select(l => fused.Ranks.Where(r => r.List == l.Name).Select(r => (l.Name, r.Rank, r.Score, topScores[l.Name])).DefaultIfEmpty((l.Name, 0, 0, topScores[l.Name])).First())
            .ToList();
        return new CandidateLegs(fused.Score, maxFused, legs);
    }

    /// <summary>
    /// The best fused candidates for the rerank, plus the question-as-asked list's top hits wherever fusion put
    /// them: many translated legs agreeing on loosely related passages must not push the best passage in the
    /// question's own language out of the candidates.
    /// </summary>
    private static List<FusedItem<Guid>> KeepOriginalCandidates(List<FusedItem<Guid>> fused, RankedList<Guid> original, RetrievalOptions settings)
    {
        var kept = fused.Take(settings.RerankDepth).ToList();
        var present = kept.Select(f => f.Item).ToHashSet();
        var originalTop = original.Items.Take(settings.OriginalCandidatesKept).Select(i => i.Item).ToHashSet();
        kept.AddRange(fused.Skip(settings.RerankDepth).Where(f => originalTop.Contains(f.Item) && present.Add(f.Item)));
        return kept;
    }

    /// <summary>
    /// The dense leg: null without an embedding model or before the index holds vectors (lexical only, as
    /// before). Vectors of another model than the configured one are never compared with its query vector.
    /// </summary>
    /// <exception cref="EmbeddingModelMismatchException">The index holds another model's vectors; 'qabot ingest' re-embeds.</exception>
    private async Task<(IReadOnlyList<VectorHit>? Hits, double ElapsedMs)> SearchDenseAsync(string question, RetrievalOptions settings, Stopwatch stopwatch, CancellationToken cancellationToken)
    {
        if (!DenseEnabled(settings))
        {
            return (null, 0);
        }

        var started = stopwatch.Elapsed.TotalMilliseconds;
        if (await EmbedQuestionAsync(question, cancellationToken) is not { } query)
        {
            return (null, 0);
        }

        var hits = await vectorIndex!.SearchAsync(query, settings.CandidatesPerQuery, cancellationToken);
        return (hits, stopwatch.Elapsed.TotalMilliseconds - started);
    }

    /// <summary>The question with each term the collection lacks replaced by its nearest index term; null when nothing changed.</summary>
    private async Task<QueryTranslation?> CorrectTyposAsync(string question, string language, RetrievalOptions settings, CancellationToken cancellationToken)
    {
        if (!settings.TypoCorrection || vocabulary is null)
        {
            return null;
        }

        var corrector = await vocabulary.GetCorrectorAsync(await index.GetStatisticsAsync(cancellationToken), cancellationToken);
        var terms = analyzer.AnalyzeQuery(question, language);
        var phrases = terms
            .Select(term => (Term: term, Corrected: corrector.Correct(term)))
            .Where(p => p.Corrected is not null)
            .Select(p => new TranslatedPhrase(p.Term, [p.Corrected!]))
            .ToList();
        if (phrases.Count == 0)
        {
            return null;
        }

        var corrected = terms.Select(term => phrases.FirstOrDefault(p => p.Source == term)?.Targets[0] ?? term);
        return new QueryTranslation(language, string.Join(' ', corrected), phrases);
    }

    /// <summary>The question's terms followed by the synonyms of each that the collection holds; null when there are none.</summary>
    private async Task<IReadOnlyList<string>?> ExpandSynonymsAsync(string question, string language, RetrievalOptions settings, CancellationToken cancellationToken)
    {
        if (!settings.Synonyms || synonyms is null)
        {
            return null;
        }

        var terms = analyzer.AnalyzeQuery(question, language);
        var phrases = await synonyms.ExpandAsync(terms, language, settings.SynonymsPerTerm, cancellationToken);
        return phrases.Count == 0 ? null : [.. terms, .. phrases.SelectMany(p => p.Targets).Distinct(StringComparer.Ordinal)];
    }

    private bool DenseEnabled(RetrievalOptions settings) => embedder is not null && vectorIndex is not null && settings.DenseWeight > 0;

    /// <summary>The question's vector, or null while the index holds no vectors yet (lexical only, as before).</summary>
    /// <exception cref="EmbeddingModelMismatchException">The index holds another model's vectors; 'qabot ingest' re-embeds.</exception>
    private async Task<ReadOnlyMemory<float>?> EmbedQuestionAsync(string question, CancellationToken cancellationToken)
    {
        var stored = await vectorIndex!.ReadModelAsync(cancellationToken);
        if (stored is null)
        {
            LogNoVectors(embedder!.Model.ModelId);
            return null;
        }

        if (stored != embedder!.Model)
        {
            throw new EmbeddingModelMismatchException(stored, embedder!.Model);
        }

        return await embedder!.EmbedQueryAsync(question, cancellationToken);
    }

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "The index holds no vectors yet; run 'qabot ingest' to embed the collection with {ModelId}. Searching lexically only.")]
    private partial void LogNoVectors(string modelId);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Retrieved {PassageCount} passages from {VersionCount} versions of the question; coverage {Coverage:0.00}, answerability {Answerability:0.00}, relevant {IsRelevant}, {ElapsedMs:0.0} ms")]
    private partial void LogRetrieved(int passageCount, int versionCount, double coverage, double answerability, bool isRelevant, double elapsedMs);
}
