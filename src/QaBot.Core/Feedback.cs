namespace QaBot.Core;

/// <summary>A vote on an answer.</summary>
public enum FeedbackVote
{
    /// <summary>👍: the answer helped.</summary>
    Up,

    /// <summary>👎: the answer was wrong or unhelpful.</summary>
    Down,
}

/// <summary>
/// A vote together with what was voted on, so it stands on its own. <see cref="Voter"/> is a pseudonym that is stable
/// for one person on one answer only, so a later vote replaces an earlier one without linking a person's votes.
/// </summary>
public sealed record AnswerVote(
    string AnswerId,
    FeedbackVote Vote,
    string Voter,
    string Question,
    string Answer,
    bool Refused,
    IReadOnlyList<Citation> Sources,
    DateTimeOffset VotedAt);

/// <summary>
/// A moderator's verdict on an answer: the collection files that answer its question (<see cref="Sources"/>, corpus
/// relative, '/' separators), or none when the collection does not answer it.
/// </summary>
public sealed record ReviewedAnswer(
    string AnswerId,
    string Question,
    string BotAnswer,
    IReadOnlyList<string> Sources,
    int VotesUp,
    int VotesDown,
    DateTimeOffset ReviewedAt)
{
    /// <summary>The kind of question the verdict makes of it: unanswerable (no source), factual (one) or multi (several).</summary>
    public string Kind => KindFor(Sources.Count);

    /// <summary>The eval kind of a question with this many source files, as votes and reviews both guess it.</summary>
    public static string KindFor(int sourceCount) => sourceCount switch
    {
        0 => "unanswerable",
        1 => "factual",
        _ => "multi",
    };
}

/// <summary>
/// Where feedback on answers goes: votes, and moderators' reviews that become test questions. A front end records
/// through it without knowing the files or formats behind it. Failures to store are <see cref="IOException"/> or
/// <see cref="UnauthorizedAccessException"/>.
/// </summary>
public interface IFeedbackSink
{
    /// <summary>Stores one vote; every vote is kept, the reader decides which one of a voter counts.</summary>
    Task RecordVoteAsync(AnswerVote vote, CancellationToken cancellationToken);

    /// <summary>Stores a review; a later review of the same answer replaces the earlier one.</summary>
    Task RecordReviewAsync(ReviewedAnswer review, CancellationToken cancellationToken);
}
