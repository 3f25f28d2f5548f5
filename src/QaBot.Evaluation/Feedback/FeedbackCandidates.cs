using System.Text.Json;
using System.Text.Json.Serialization;
using QaBot.Analysis;
using QaBot.Core;

namespace QaBot.Evaluation.Feedback;

/// <summary>
/// A candidate question for the evaluation set, in the eval/dev.jsonl format plus review fields that
/// <see cref="EvalSetReader"/> ignores. <c>answer_any</c> is left empty: a person writes it after checking the answer.
/// </summary>
public sealed record FeedbackCandidate(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("lang")] string Language,
    [property: JsonPropertyName("sources")] IReadOnlyList<string> Sources,
    [property: JsonPropertyName("answer_any")] IReadOnlyList<IReadOnlyList<string>> AnswerAny,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("votes_up")] int VotesUp,
    [property: JsonPropertyName("votes_down")] int VotesDown,
    [property: JsonPropertyName("bot_answer")] string BotAnswer)
{
    /// <summary>More 👍 than 👎: the cited sources are taken as the expected ones.</summary>
    public const string Confirmed = "confirmed";

    /// <summary>At least as many 👎 as 👍: sources and kind are the bot's guess and need a person.</summary>
    public const string NeedsReview = "needs_review";

    /// <summary>A moderator chose the sources in Discord ("Mark source…"); the kind follows from them.</summary>
    public const string Reviewed = "reviewed";
}

/// <summary>Turns votes into candidate questions: one per answered question, newest votes per voter only.</summary>
public static class FeedbackCandidates
{
    /// <summary>The candidates, confirmed ones first, each group in order of first vote.</summary>
    public static IReadOnlyList<FeedbackCandidate> Build(IReadOnlyList<FeedbackEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return FeedbackReader.LatestVotes(entries)
            .GroupBy(entry => entry.AnswerId, StringComparer.Ordinal)
            .Select(ToCandidate)
            .OrderBy(candidate => candidate.Status == FeedbackCandidate.Confirmed ? 0 : 1)
            .ToList();
    }

    /// <summary>Writes the candidates as JSON lines; returns how many were written.</summary>
    public static async Task<int> WriteAsync(IReadOnlyList<FeedbackCandidate> candidates, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var lines = candidates.Select(candidate => JsonSerializer.Serialize(candidate));
        await File.WriteAllLinesAsync(path, lines, cancellationToken);
        return candidates.Count;
    }

    /// <summary>The question id of an answer's candidate, the same in the candidates and the reviewed file.</summary>
    public static string IdFor(string answerId) => "fb-" + answerId;

    private static FeedbackCandidate ToCandidate(IGrouping<string, FeedbackEntry> votes)
    {
        // Question, answer and sources are the same on every vote of an answer; the newest line is as good as any.
        var latest = votes.MaxBy(vote => vote.VotedAt)!;
        var up = votes.Count(vote => vote.Vote == FeedbackVote.Up);
        var down = votes.Count(vote => vote.Vote == FeedbackVote.Down);
        var sources = latest.Refused ? [] : latest.Sources.Select(source => source.Path).Distinct(StringComparer.Ordinal).ToList();
        var kind = ReviewedAnswer.KindFor(sources.Count);
        return new FeedbackCandidate(
            IdFor(latest.AnswerId),
            latest.Question,
            LanguageDetector.Detect(latest.Question),
            sources,
            [],
            kind,
            up > down ? FeedbackCandidate.Confirmed : FeedbackCandidate.NeedsReview,
            up,
            down,
            latest.Answer);
    }
}
