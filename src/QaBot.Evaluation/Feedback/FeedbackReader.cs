using System.Text.Json;

namespace QaBot.Evaluation.Feedback;

/// <summary>Reads a feedback file; a bad line is an error naming the file and line.</summary>
public static class FeedbackReader
{
    /// <summary>Every vote in file order.</summary>
    public static IReadOnlyList<FeedbackEntry> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The feedback file '{Path.GetFullPath(path)}' does not exist. Pass the file the Discord bot writes (DiscordBot:FeedbackFile) to --from-feedback.", path);
        }

        var entries = new List<FeedbackEntry>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            FeedbackEntry? entry;
            try
            {
                entry = JsonSerializer.Deserialize<FeedbackEntry>(line);
            }
            catch (JsonException exception)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: not a valid feedback line ({exception.Message}).", exception);
            }

            if (entry is null || string.IsNullOrWhiteSpace(entry.AnswerId) || string.IsNullOrWhiteSpace(entry.Voter) || string.IsNullOrWhiteSpace(entry.Question) || entry.Sources is null)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: a feedback line needs answer_id, vote, voter, question and sources.");
            }

            entries.Add(entry);
        }

        return entries;
    }

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
