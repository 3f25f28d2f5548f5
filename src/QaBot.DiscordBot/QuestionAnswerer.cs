using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaBot.Core;
using QaBot.Discord.Models;
using QaBot.Discord.Rest;

namespace QaBot.DiscordBot;

/// <summary>
/// Answers one queued question: picks the conversation (one thread per conversation, the thread id being the
/// conversation id), keeps the typing indicator alive, asks <see cref="IAnswerService"/>, and posts the answer in
/// parts of at most 2,000 characters with link previews suppressed and no mentions allowed. Failures get an apology.
/// </summary>
internal sealed class QuestionAnswerer(
    IDiscordRestClient rest,
    IAnswerService answers,
    BotState state,
    RecentAnswers recentAnswers,
    IOptions<DiscordBotOptions> options,
    TimeProvider timeProvider,
    ILogger<QuestionAnswerer> logger)
{
    /// <summary>Typing lasts 10 s; renew a little before.</summary>
    public static readonly TimeSpan TypingRenewal = TimeSpan.FromSeconds(8);

    public async Task AnswerAsync(BotQuestion question, CancellationToken cancellationToken)
    {
        using var activity = DiscordBotTelemetry.StartReply(question);
        var started = timeProvider.GetTimestamp();
        var failed = false;
        try
        {
            var answering = question switch
            {
                MessageQuestion message => AnswerMessageAsync(message, cancellationToken),
                SlashQuestion slash => AnswerSlashAsync(slash, cancellationToken),
                _ => Task.CompletedTask,
            };
            await answering;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The one per-message catch: log, and apologise where the user asked.
            Log.AnswerFailed(logger, question.UserId, ex);
            failed = true;
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            await ApologizeAsync(question, cancellationToken);
        }
        finally
        {
            DiscordBotTelemetry.RecordReply(timeProvider.GetElapsedTime(started), failed);
        }
    }

    private async Task AnswerMessageAsync(MessageQuestion question, CancellationToken cancellationToken)
    {
        var (channelId, replyTo, conversation) = await ChooseChannelAsync(question, cancellationToken);
        var conversationId = conversation.ToString(CultureInfo.InvariantCulture);

        Answer answer;
        using (var typingCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var typing = KeepTypingAsync(channelId, typingCts.Token, cancellationToken);
            try
            {
                answer = await answers.AnswerAsync(new Question(question.Text, conversationId), cancellationToken);
            }
            finally
            {
                await typingCts.CancelAsync();
                await typing;
            }
        }

        var buttons = Remember(question.Message.Id, question.Text, answer);
        var parts = AnswerFormatter.Format(answer);
        for (var i = 0; i < parts.Count; i++)
        {
            await rest.CreateMessageAsync(channelId, new CreateMessageRequest
            {
                Content = parts[i],
                Flags = MessageFlags.SuppressEmbeds,
                MessageReference = i == 0 && replyTo is { } id ? MessageReference.ReplyTo(id) : null,
                Components = i == parts.Count - 1 ? buttons : null,
            }, cancellationToken);
        }
    }

    /// <summary>Keeps the answer for the votes on it; returns the 👍/👎 buttons that go under its last part.</summary>
    /// <param name="answerId">The id of the message or interaction that asked: unique, and known before posting.</param>
    private IReadOnlyList<MessageComponent> Remember(ulong answerId, string questionText, Answer answer)
    {
        var id = answerId.ToString(CultureInfo.InvariantCulture);
        recentAnswers.Add(new AnsweredQuestion(id, questionText, answer));
        return FeedbackButtons.For(id);
    }

    /// <summary>Where to answer, what to reply to, and which conversation the question belongs to.</summary>
    private async Task<(ulong ChannelId, ulong? ReplyTo, ulong ConversationId)> ChooseChannelAsync(MessageQuestion question, CancellationToken cancellationToken)
    {
        var message = question.Message;
        if (message.GuildId is null || state.IsConversationThread(message.ChannelId))
        {
            // A DM, or a follow-up in a conversation thread: the channel is the conversation.
            return (message.ChannelId, message.Id, message.ChannelId);
        }

        try
        {
            var thread = await rest.StartThreadFromMessageAsync(message.ChannelId, message.Id, new StartThreadRequest
            {
                Name = ThreadName(question.Text),
                AutoArchiveDuration = options.Value.ThreadAutoArchiveMinutes,
            }, cancellationToken);
            state.AddThread(thread.Id);
            return (thread.Id, null, thread.Id);
        }
        catch (DiscordRestException ex)
        {
            // Answered in the shared channel: the question starts a conversation of its own, so other
            // people's questions there are never taken as its history.
            Log.ThreadFailed(logger, ex);
            return (message.ChannelId, message.Id, message.Id);
        }
    }

    private async Task AnswerSlashAsync(SlashQuestion question, CancellationToken cancellationToken)
    {
        var interaction = question.Interaction;
        var conversationId = interaction.ChannelId is { } channelId && state.IsConversationThread(channelId)
            ? channelId.ToString(CultureInfo.InvariantCulture)
            : interaction.Id.ToString(CultureInfo.InvariantCulture);
        var answer = await answers.AnswerAsync(new Question(question.Text, conversationId), cancellationToken);
        var buttons = Remember(interaction.Id, question.Text, answer);
        var parts = AnswerFormatter.Format(answer);

        await rest.EditOriginalInteractionResponseAsync(interaction.ApplicationId, interaction.Token, new EditMessageRequest
        {
            Content = parts[0],
            Flags = MessageFlags.SuppressEmbeds,
            Components = parts.Count == 1 ? buttons : null,
        }, cancellationToken);
        for (var i = 1; i < parts.Count; i++)
        {
            await rest.CreateFollowupMessageAsync(interaction.ApplicationId, interaction.Token, new CreateMessageRequest
            {
                Content = parts[i],
                Flags = MessageFlags.SuppressEmbeds,
                Components = i == parts.Count - 1 ? buttons : null,
            }, cancellationToken);
        }
    }

    private async Task ApologizeAsync(BotQuestion question, CancellationToken cancellationToken)
    {
        try
        {
            var apologizing = question switch
            {
                MessageQuestion message => rest.CreateMessageAsync(message.Message.ChannelId, new CreateMessageRequest
                {
                    Content = BotReplies.Apology,
                    MessageReference = MessageReference.ReplyTo(message.Message.Id),
                }, cancellationToken),
                SlashQuestion slash => rest.EditOriginalInteractionResponseAsync(
                    slash.Interaction.ApplicationId, slash.Interaction.Token, new EditMessageRequest { Content = BotReplies.Apology }, cancellationToken),
                _ => Task.CompletedTask,
            };
            await apologizing;
        }
        catch (DiscordRestException ex)
        {
            Log.AnswerFailed(logger, question.UserId, ex);
        }
    }

    /// <param name="answeredToken">Cancelled once the answer is ready: stops the renewals.</param>
    /// <param name="stoppingToken">Cancelled when the bot stops: also aborts a call in flight.</param>
    private async Task KeepTypingAsync(ulong channelId, CancellationToken answeredToken, CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                try
                {
                    // A call in flight is let finish when the answer arrives, so requests are not cut off half-way.
                    await rest.TriggerTypingAsync(channelId, stoppingToken);
                }
                catch (DiscordRestException ex)
                {
                    Log.TypingFailed(logger, ex);
                }

                await Task.Delay(TypingRenewal, timeProvider, answeredToken);
            }
        }
        catch (OperationCanceledException) when (answeredToken.IsCancellationRequested)
        {
            // The answer is ready (or the bot is stopping): stop typing.
        }
    }

    private static string ThreadName(string question)
    {
        var name = question.ReplaceLineEndings(" ");
        return name.Length <= 100 ? name : string.Concat(name.AsSpan(0, 97), "...");
    }
}
