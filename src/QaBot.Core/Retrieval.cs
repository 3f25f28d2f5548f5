namespace QaBot.Core;

/// <summary>What to retrieve.</summary>
/// <param name="Question">The user's question, stand-alone.</param>
/// <param name="Limit">How many passages to return.</param>
/// <param name="ExtraQueries">More versions of the question (for example translations by a chat model), fused with the rest.</param>
public sealed record RetrievalRequest(string Question, int Limit = 5, IReadOnlyList<QueryVersion>? ExtraQueries = null);

/// <summary>One version of the question that is scored on its own and fused with the others.</summary>
/// <param name="Label">Where it came from: "original", "dictionary:de", "model:zh"...</param>
public sealed record QueryVersion(string Label, string Language, string Text);

/// <summary>A passage found for a question, with its score and the citation data to show.</summary>
public sealed record RetrievedPassage(Chunk Chunk, int Rank, double Score, IReadOnlyList<LegRank> Legs)
{
    public string CitationLabel => $"{Chunk.SourcePath}:{Chunk.StartLine}-{Chunk.EndLine}";
}

/// <summary>Where a passage stood in one ranked list before fusion (shown under /debug and in eval output).</summary>
public sealed record LegRank(string Leg, int Rank, double Score);

/// <summary>How much of the question the top passages account for; drives the "not covered" decision.</summary>
/// <param name="ContentTermCount">Content terms of the question (after stopwords).</param>
/// <param name="MatchedTermShare">Share of those terms (original or translated) found in the best passage.</param>
/// <param name="TopScore">Raw lexical score of the best passage for the original question.</param>
public sealed record RetrievalEvidence(int ContentTermCount, double MatchedTermShare, double TopScore, IReadOnlyList<string> MatchedTerms, IReadOnlyList<string> MissingTerms)
{
    public static RetrievalEvidence None { get; } = new(0, 0, 0, [], []);

    /// <summary>The answerability gate's estimate (0–1) that the passages answer the question; compared with <c>Retrieval:AnswerabilityThreshold</c>.</summary>
    public double Answerability { get; init; }

    /// <summary>The evidence the gate weighed, by name (coverage of the best passages, answer type, leg agreement, margin), for /debug and eval.</summary>
    public IReadOnlyDictionary<string, double> GateFeatures { get; init; } = new Dictionary<string, double>();
}

/// <summary>The ranked passages, the evidence for relevance and what happened on the way.</summary>
public sealed record RetrievalResult(
    IReadOnlyList<RetrievedPassage> Passages,
    RetrievalEvidence Evidence,
    bool IsRelevant,
    IReadOnlyList<QueryDiagnostics> Queries,
    TimeSpan Elapsed)
{
    public static RetrievalResult Empty { get; } = new([], RetrievalEvidence.None, false, [], TimeSpan.Zero);

    /// <summary>Rarity weight (IDF) of every term searched for, in any version of the question.</summary>
    public IReadOnlyDictionary<string, double> TermWeights { get; init; } = new Dictionary<string, double>();

    /// <summary>Milliseconds spent per stage ("translate", "search", "rerank"), for /debug.</summary>
    public IReadOnlyDictionary<string, double> TimingsMs { get; init; } = new Dictionary<string, double>();

    /// <summary>Every reranked candidate, best first, with the features it was scored on (for eval --json and fitting the ranker).</summary>
    public IReadOnlyList<RankedCandidate> Candidates { get; init; } = [];

    /// <summary>
    /// The question's content terms as concepts, each with the analyzed forms that stand for it in any language
    /// (itself, its translations) and its rarity weight; empty when the retriever does not say.
    /// </summary>
    public IReadOnlyList<QuestionConcept> Concepts { get; init; } = [];
}

/// <summary>A content term of the question, the term lists that stand for it (one per translation; all terms of one must occur), and its rarity (IDF).</summary>
public sealed record QuestionConcept(string Term, IReadOnlyList<IReadOnlyList<string>> Forms, double Weight);

/// <summary>A reranked candidate passage: its rerank score and the features behind it.</summary>
public sealed record RankedCandidate(Chunk Chunk, double Score, IReadOnlyDictionary<string, double> Features);

/// <summary>One version of the question as it was searched: its terms and what it ranked.</summary>
public sealed record QueryDiagnostics(string Label, string Language, IReadOnlyList<string> Terms, IReadOnlyList<LegRank> TopHits);

/// <summary>Finds passages for a question. Front ends talk to this, never to an index.</summary>
public interface IRetriever
{
    Task<RetrievalResult> RetrieveAsync(RetrievalRequest request, CancellationToken cancellationToken);
}
