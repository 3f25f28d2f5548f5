using System.Text.Json;
using System.Text.Json.Serialization;
using QaBot.Core;

namespace QaBot.Evaluation.Feedback;

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
    [property: JsonPropertyName("vote"), JsonConverter(typeof(FeedbackVoteJsonConverter))] FeedbackVote Vote,
    [property: JsonPropertyName("voter")] string Voter,
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("answer")] string Answer,
    [property: JsonPropertyName("refused")] bool Refused,
    [property: JsonPropertyName("sources")] IReadOnlyList<FeedbackSource> Sources,
    [property: JsonPropertyName("voted_at")] DateTimeOffset VotedAt)
{
    /// <summary>The line for a vote the bot recorded.</summary>
    public static FeedbackEntry From(AnswerVote vote)
    {
        ArgumentNullException.ThrowIfNull(vote);
        return new FeedbackEntry(
            vote.AnswerId,
            vote.Vote,
            vote.Voter,
            vote.Question,
            vote.Answer,
            vote.Refused,
            [.. vote.Sources.Select(c => new FeedbackSource(c.SourcePath, c.StartLine, c.EndLine, c.Title))],
            vote.VotedAt);
    }
}

/// <summary>Votes are <c>"up"</c> and <c>"down"</c> in the file.</summary>
internal sealed class FeedbackVoteJsonConverter() : JsonStringEnumConverter<FeedbackVote>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false);
