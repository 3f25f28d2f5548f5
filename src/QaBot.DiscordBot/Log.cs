using Microsoft.Extensions.Logging;

namespace QaBot.DiscordBot;

/// <summary>Source-generated log messages for the bot front end (3800s). Question and answer text only at Debug.</summary>
internal static partial class Log
{
    [LoggerMessage(3800, LogLevel.Information, "Question from user {UserId} in channel {ChannelId}")]
    public static partial void QuestionReceived(ILogger logger, ulong userId, ulong? channelId);

    [LoggerMessage(3801, LogLevel.Debug, "Question text: {Question}")]
    public static partial void QuestionText(ILogger logger, string question);

    [LoggerMessage(3802, LogLevel.Warning, "The work queue is full; told user {UserId} the bot is busy")]
    public static partial void Busy(ILogger logger, ulong userId);

    [LoggerMessage(3804, LogLevel.Error, "Answering user {UserId} failed")]
    public static partial void AnswerFailed(ILogger logger, ulong userId, Exception exception);

    [LoggerMessage(3805, LogLevel.Warning, "Could not start a thread ({Reason}); answering in the channel")]
    public static partial void ThreadFailed(ILogger logger, string reason);

    [LoggerMessage(3806, LogLevel.Information, "Registered the application commands ({Scope})")]
    public static partial void CommandsRegistered(ILogger logger, string scope);

    [LoggerMessage(3807, LogLevel.Warning, "Could not register the application commands ({Reason}); trying again at the next READY")]
    public static partial void CommandsFailed(ILogger logger, string reason);

    [LoggerMessage(3808, LogLevel.Warning, "A Discord call failed while handling an event: {Reason}")]
    public static partial void EventFailed(ILogger logger, string reason);

    [LoggerMessage(3809, LogLevel.Debug, "Typing indicator failed")]
    public static partial void TypingFailed(ILogger logger, Exception exception);

    [LoggerMessage(3810, LogLevel.Information, "Recorded a {Vote} vote on answer {AnswerId}")]
    public static partial void VoteRecorded(ILogger logger, QaBot.Core.FeedbackVote vote, string answerId);

    [LoggerMessage(3811, LogLevel.Error, "Could not record a vote: {Reason}")]
    public static partial void VoteFailed(ILogger logger, string reason, Exception exception);

    [LoggerMessage(3812, LogLevel.Information, "Refused a question from user {UserId}: {Reason}")]
    public static partial void QuestionRefused(ILogger logger, ulong userId, string reason);

    [LoggerMessage(3814, LogLevel.Information, "A question from user {UserId} waited for the index, which is still {IndexState}; told them so")]
    public static partial void HeldQuestionNotReady(ILogger logger, ulong userId, string indexState);

    [LoggerMessage(3815, LogLevel.Information, "User {UserId} stopped their answer")]
    public static partial void AnswerStopped(ILogger logger, ulong userId);

    [LoggerMessage(3816, LogLevel.Information, "A moderator marked answer {AnswerId}: {Kind}, {Sources} source(s)")]
    public static partial void AnswerReviewed(ILogger logger, string answerId, string kind, int sources);

    [LoggerMessage(3817, LogLevel.Error, "Could not record a review: {Reason}")]
    public static partial void ReviewFailed(ILogger logger, string reason, Exception exception);

    [LoggerMessage(3818, LogLevel.Information, "Refused a review by user {UserId}: no moderator role")]
    public static partial void ReviewRefused(ILogger logger, ulong userId);

    [LoggerMessage(3819, LogLevel.Warning, "Could not read the ingest record from the index ({Reason}); keeping the last index state and trying again")]
    public static partial void IngestPollFailed(ILogger logger, string reason);

    [LoggerMessage(3813, LogLevel.Warning, "Too many replies waiting; dropped a short reply")]
    public static partial void ReplyDropped(ILogger logger);
}
