namespace QaBot.DiscordBot;

/// <summary>The short fixed replies.</summary>
internal static class BotReplies
{
    public const string Busy = "I'm busy answering other questions right now. Please try again in a minute.";
    public const string RateLimited = "You're asking faster than I can keep up. Please wait a moment before the next question.";
    public const string Apology = "Sorry, something went wrong while answering. Please try again later.";
    public const string ChannelRateLimited = "This channel is asking faster than I can keep up. Please wait a moment.";
    public const string FeedbackThanks = "Thanks for the feedback!";
    public const string FeedbackExpired = "This answer is too old to rate; ask again to rate a fresh answer.";
    public const string FeedbackFailed = "Sorry, I could not record that vote.";
    public const string Stopped = "*Stopped.*";
    public const string StopNotYours = "Only the person who asked can stop this answer.";
    public const string NotHere = "I don't answer questions in this channel.";
    public const string EmptyQuestion = "Please include a question, e.g. `/ask question: How do I ingest the corpus?`";

    public const string ReviewNotModerator = "Only moderators can mark the source of an answer.";
    public const string ReviewNotAnAnswer = "That message is not one of my answers (or it was posted before answers were kept), so there is nothing to mark.";
    public const string ReviewMixedChoice = "Choose either files or \"Not answerable\", not both.";
    public const string ReviewFailed = "Sorry, I could not save that review.";

    public static string ReviewBadPath(string path) =>
        $"`{path}` is not a file path inside the collection: give paths as answers cite them (e.g. `guides/install.md`), one per line.";

    public static string ReviewUnknownPaths(IReadOnlyList<string> paths) =>
        $"Not in the index: {string.Join(", ", paths.Select(p => $"`{p}`"))}. Give paths as answers cite them and try again.";

    public static string Reviewed(string kind, IReadOnlyList<string> sources) => sources.Count == 0
        ? "Marked as not answerable from the collection; saved to the reviewed question set."
        : $"Marked as {kind}: {string.Join(", ", sources.Select(s => $"`{s}`"))}; saved to the reviewed question set.";

    public static string TooLong(int length, int maxLength) =>
        $"Your question has {length} characters; please keep it under {maxLength}.";
}
