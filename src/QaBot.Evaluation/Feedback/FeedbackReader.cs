namespace QaBot.Evaluation.Feedback;

/// <summary>Reads a feedback file; a bad line is an error naming the file and line.</summary>
public static class FeedbackReader
{
    private static readonly JsonLinesFormat Format = new(
        "feedback file",
        "feedback line",
        "Pass the file the Discord bot writes (DiscordBot:FeedbackFile, inside Data:Path) to --from-feedback.",
        "a feedback line needs answer_id, vote, voter, question and sources");

    /// <summary>Every vote in file order.</summary>
    public static IReadOnlyList<FeedbackEntry> Read(string path) =>
        JsonLinesFile.Read<FeedbackEntry>(path, Format, entry =>
            !string.IsNullOrWhiteSpace(entry.AnswerId) && !string.IsNullOrWhiteSpace(entry.Voter)
            && !string.IsNullOrWhiteSpace(entry.Question) && entry.Sources is not null);

    /// <summary>One vote per voter per answer: the last one in the file wins.</summary>
    public static IReadOnlyList<FeedbackEntry> LatestVotes(IEnumerable<FeedbackEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var latest = new Dictionary<(string AnswerId, string Voter), FeedbackEntry>();
        foreach (var entry in entries)
        {
            latest[(entry.AnswerId, entry.Voter)] = entry;
        }

        return [.. latest.Values];
    }
}
