using System.Text;
using System.Text.Json;
using QaBot.Analysis;
using QaBot.Core;

namespace QaBot.Evaluation.Feedback;

/// <summary>
/// The feedback sink as two JSON-lines files: every vote appended to <see cref="VotesPath"/> (read by
/// <c>qabot eval --from-feedback</c>), and moderators' reviews in <see cref="ReviewedPath"/>, one question a line in
/// the question-set format with <c>status: reviewed</c>, so <c>qabot eval --set</c> runs it as it is. Folders are
/// created on the first write.
/// </summary>
public sealed class FeedbackFiles(string votesPath, string reviewedPath) : IFeedbackSink, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The file votes are appended to.</summary>
    public string VotesPath { get; } = Path.GetFullPath(votesPath);

    /// <summary>The reviewed question set.</summary>
    public string ReviewedPath { get; } = Path.GetFullPath(reviewedPath);

    /// <summary>Appends one line. Concurrent calls are serialised so lines never interleave.</summary>
    public async Task RecordVoteAsync(AnswerVote vote, CancellationToken cancellationToken)
    {
        var line = JsonSerializer.Serialize(FeedbackEntry.From(vote)) + "\n";
        await _gate.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(VotesPath)!);
            await File.AppendAllTextAsync(VotesPath, line, Encoding.UTF8, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Replaces the answer's line (same id) or adds it at the end, then swaps the whole file in at once, so a
    /// crash leaves the old set or the new one, never half a line.
    /// </summary>
    public async Task RecordReviewAsync(ReviewedAnswer review, CancellationToken cancellationToken)
    {
        var candidate = ToCandidate(review);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var lines = File.Exists(ReviewedPath) ? [.. await File.ReadAllLinesAsync(ReviewedPath, cancellationToken)] : new List<string>();
            var existing = lines.FindIndex(line => IdOf(line) == candidate.Id);
            var json = JsonSerializer.Serialize(candidate);
            if (existing >= 0)
            {
                lines[existing] = json;
            }
            else
            {
                lines.Add(json);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(ReviewedPath)!);
            var temporary = ReviewedPath + ".tmp";
            await File.WriteAllLinesAsync(temporary, lines.Where(line => !string.IsNullOrWhiteSpace(line)), cancellationToken);
            File.Move(temporary, ReviewedPath, overwrite: true);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _gate.Dispose();

    /// <summary>The question as a reviewed candidate: same id as <c>--from-feedback</c> gives the answer's candidate.</summary>
    public static FeedbackCandidate ToCandidate(ReviewedAnswer review)
    {
        ArgumentNullException.ThrowIfNull(review);
        return new FeedbackCandidate(
            FeedbackCandidates.IdFor(review.AnswerId),
            review.Question,
            LanguageDetector.Detect(review.Question),
            review.Sources,
            [],
            review.Kind,
            FeedbackCandidate.Reviewed,
            review.VotesUp,
            review.VotesDown,
            review.BotAnswer);
    }

    /// <summary>The id of a line, or null for a line that is not a JSON object with one (kept as it is).</summary>
    private static string? IdOf(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("id", out var id)
                && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
