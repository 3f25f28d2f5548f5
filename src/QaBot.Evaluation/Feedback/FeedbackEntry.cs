using System.Text.Json.Serialization;

namespace QaBot.Evaluation.Feedback;

/// <summary>A vote on an answer.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FeedbackVote>))]
public enum FeedbackVote
{
    /// <summary>👍: the answer helped.</summary>
    [JsonStringEnumMemberName("up")]
    Up,

    /// <summary>👎: the answer was wrong or unhelpful.</summary>
    [JsonStringEnumMemberName("down")]
    Down,
}

/// <summary>A source an answer cited: the corpus-relative file, its lines and title.</summary>
public sealed record FeedbackSource(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("start_line")] int StartLine,
    [property: JsonPropertyName("end_line")] int EndLine,
    [property: JsonPropertyName("title")] string Title);

/// <summary>
/// One line of the feedback file: a vote together with the question, the answer and its sources, so the line stands
/// on its own. <see cref="Voter"/> is a pseudonym that is stable for one user on one answer only (see the bot), so a
/// later vote replaces an earlier one without the file linking a user's votes across answers.
/// </summary>
public sealed record FeedbackEntry(
    [property: JsonPropertyName("answer_id")] string AnswerId,
    [property: JsonPropertyName("vote")] FeedbackVote Vote,
    [property: JsonPropertyName("voter")] string Voter,
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("answer")] string Answer,
    [property: JsonPropertyName("refused")] bool Refused,
    [property: JsonPropertyName("sources")] IReadOnlyList<FeedbackSource> Sources,
    [property: JsonPropertyName("voted_at")] DateTimeOffset VotedAt);
