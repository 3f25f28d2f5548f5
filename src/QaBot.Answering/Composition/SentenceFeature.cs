namespace QaBot.Answering.Composition;

/// <summary>
/// The features an extractive answer's sentence candidates are scored by (<see cref="SentenceModel"/>). The first six
/// are the logarithms of the factors of the hand-set score the composer used before it was fitted, so weights of 1
/// (and the old factors' logarithms for the flags) reproduce it.
/// </summary>
public static class SentenceFeature
{
    /// <summary>ln of the rarity-weighted share of the question's concepts the candidate covers.</summary>
    public const string Share = "share";

    /// <summary>ln(0.7 + 0.3 × the share its whole passage covers): a sentence in a passage about the question.</summary>
    public const string PassageShare = "passage_share";

    /// <summary>−ln(1 + 0.1 × (passage rank − 1)).</summary>
    public const string PassageRank = "passage_rank";

    /// <summary>1 when the question asks for an item (number, date, name, command) the candidate does not hold.</summary>
    public const string MissingItem = "missing_item";

    /// <summary>1 when the candidate ends with a question of the text's own ("So what does this mean?").</summary>
    public const string AsksItself = "asks_itself";

    /// <summary>1 for two adjacent sentences quoted together.</summary>
    public const string Pair = "pair";

    /// <summary>Share of the weight of the question's rare concepts (see <see cref="QuestionFocus.Rare"/>) the candidate covers.</summary>
    public const string RareShare = "rare_share";

    /// <summary>How far the passage's retrieval score is below the best passage's, relative to the best.</summary>
    public const string PassageScoreGap = "passage_score_gap";

    /// <summary>ln(1 + the candidate's tokens).</summary>
    public const string Length = "length";

    /// <summary>1 when the candidate is a line of a code block, table or list rather than a prose sentence.</summary>
    public const string BlockLine = "block_line";

    /// <summary>The sentence's position in its passage, 0 for the first and 1 for the last.</summary>
    public const string Position = "position";
}
