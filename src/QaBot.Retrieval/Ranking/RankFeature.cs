namespace QaBot.Retrieval.Ranking;

/// <summary>The names of the features a fused candidate is reranked on, as written by <c>eval --json</c>.</summary>
public static class RankFeature
{
    /// <summary>Share of the question's concepts, weighted by rarity, that the passage holds (<see cref="CoverageAssessor"/>).</summary>
    public const string Coverage = "coverage";

    /// <summary>The same share for the passage's single best sentence: an answer states its facts together.</summary>
    public const string SentenceCoverage = "sentence_coverage";

    /// <summary>What the passage's heading path adds to its coverage: a section titled after the question.</summary>
    public const string HeadingCoverage = "heading_coverage";

    /// <summary>Reciprocal rank fusion score relative to the best candidate's.</summary>
    public const string Fused = "fused";

    /// <summary>The passage's best BM25 score in any searched list, relative to that list's top score.</summary>
    public const string BestLegScore = "best_leg_score";

    /// <summary>BM25 score for the question as asked, relative to that list's top score (0 when absent).</summary>
    public const string OriginalScore = "original_score";

    /// <summary>1 / the best rank the passage has in any searched list.</summary>
    public const string BestLegRank = "best_leg_rank";

    /// <summary>1 when the question asks for a number, date or name and the passage holds none.</summary>
    public const string TypeMissing = "type_missing";

    /// <summary>1 when the question asks for a number, date, name or technical item and the passage's best sentences hold none.</summary>
    public const string SentenceTypeMissing = "sentence_type_missing";

    /// <summary>Weight of the rarest question concept the passage holds, relative to the question's rarest: does it hold the specific term?</summary>
    public const string RareMatched = "rare_matched";

    /// <summary>ln(1 + the passage's number of distinct index terms): long passages cover more by chance.</summary>
    public const string Length = "length";
}
