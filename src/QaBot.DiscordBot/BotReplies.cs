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

    public static string TooLong(int length, int maxLength) =>
        $"Your question has {length} characters; please keep it under {maxLength}.";
}
