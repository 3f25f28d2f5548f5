using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaBot.Answering;
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
    BotStateStore store,
    IOptions<ConversationOptions> conversationOptions,
    ActiveAnswers activeAnswers,
    IndexReadinessGate readiness,
    IOptions<DiscordBotOptions> options,
    TimeProvider timeProvider,
    ILogger<QuestionAnswerer> logger,
    ConversationStore? conversations = null)
{
    /// <summary>Typing lasts 10 s; renew a little before.</summary>
    public static readonly TimeSpan TypingRenewal = TimeSpan.FromSeconds(8);

    /// <summary>At most one edit per message this often while an answer streams (well inside the per-channel REST bucket).</summary>
    public static readonly TimeSpan EditInterval = TimeSpan.FromSeconds(1.5);

    public async Task AnswerAsync(BotQuestion question, CancellationToken cancellationToken)
    {
        using var activity = DiscordBotTelemetry.StartReply(question);
        var started = timeProvider.GetTimestamp();
        var failed = false;
        try
        {
            if (!await readiness.WaitUntilReadyAsync(question.ReceivedAt, cancellationToken))
            {
                // Held for the index, which did not get ready in time: say so instead of answering from half of it.
                Log.HeldQuestionNotReady(logger, question.UserId, readiness.Current.ToString());
                await ReplyAsync(question, IndexReadinessGate.NotReadyReply(readiness.Current, question.Text), cancellationToken);
                return;
            }

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
        var target = new ChannelReplyTarget(rest, channelId, replyTo);
        await StreamAnswerAsync(question, conversationId, question.Message.Id, target, channelId, cancellationToken);
    }

    /// <summary>
    /// Streams the answer into Discord: the reply is posted as soon as there is text and the model is still writing,
    /// then edited as it grows, at most once per <see cref="EditInterval"/> per message; text beyond 2,000
    /// characters continues in further messages. A Stop button sits under it meanwhile. The final edit brings the
    /// sources and the 👍/👎 buttons. An answer that arrives whole is posted once.
    /// </summary>
    private async Task StreamAnswerAsync(
        BotQuestion question, string conversationId, ulong askedId, IReplyTarget target, ulong? typingChannelId, CancellationToken cancellationToken)
    {
        var answerId = askedId.ToString(CultureInfo.InvariantCulture);
        using var active = activeAnswers.Start(answerId, question.UserId, cancellationToken);
        var messages = new StreamedMessages(target);
        var stopButton = StopButton.For(answerId);
        var text = new StringBuilder();
        var shown = string.Empty;
        DateTimeOffset? lastShown = null;
        Answer? answer = null;

        using var typingCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var typing = typingChannelId is { } channel ? KeepTypingAsync(channel, typingCts.Token, cancellationToken) : Task.CompletedTask;
        RestoreConversation(conversationId);
        try
        {
            var updates = answers.StreamAsync(new Question(question.Text, conversationId), active.Token).GetAsyncEnumerator(active.Token);
            await using (updates)
            {
                while (true)
                {
                    var next = updates.MoveNextAsync();
                    if (!next.IsCompleted)
                    {
                        // The model is still writing: show what there is, within the edit cadence, while waiting for more.
                        var pending = next.AsTask();
                        while (!pending.IsCompleted && text.Length > 0 && !string.Equals(text.ToString(), shown, StringComparison.Ordinal))
                        {
                            var wait = lastShown is { } last ? last + EditInterval - timeProvider.GetUtcNow() : TimeSpan.Zero;
                            if (wait > TimeSpan.Zero)
                            {
                                await WaitForEitherAsync(pending, wait, active.Token);
                                continue;
                            }

                            shown = text.ToString();
                            await messages.ShowAsync(AnswerMessageSplitter.Split(shown), stopButton, cancellationToken);
                            lastShown = timeProvider.GetUtcNow();
                            await typingCts.CancelAsync();
                        }

                        if (!await pending)
                        {
                            break;
                        }
                    }
                    else if (!await next)
                    {
                        break;
                    }

                    if (updates.Current is AnswerCompleted completed)
                    {
                        // Always the last update.
                        answer = completed.Answer;
                        break;
                    }

                    if (updates.Current is AnswerTextDelta delta)
                    {
                        text.Append(delta.Text);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (active.StopRequested && !cancellationToken.IsCancellationRequested)
        {
            await typingCts.CancelAsync();
            await typing;
            Log.AnswerStopped(logger, question.UserId);
            await WaitForEditSlotAsync(lastShown, cancellationToken);
            var stopped = text.Length > 0 ? $"{text.ToString().TrimEnd()}\n\n{BotReplies.Stopped}" : BotReplies.Stopped;
            await messages.ShowAsync(AnswerMessageSplitter.Split(stopped), [], cancellationToken);
            return;
        }
        finally
        {
            await typingCts.CancelAsync();
            await typing;
        }

        if (answer is null)
        {
            throw new InvalidOperationException("The answer stream ended without a completed answer.");
        }

        store.AddTurn(conversationId, question.Text, answer.Text, timeProvider.GetUtcNow());
        var buttons = Remember(askedId, question.Text, answer);
        await WaitForEditSlotAsync(lastShown, cancellationToken);
        await messages.ShowAsync(AnswerFormatter.Format(answer), buttons, cancellationToken);
        store.AddAnswerMessages(answerId, messages.MessageIds);
    }

    /// <summary>
    /// After a restart the answer service's conversation memory is empty: fill it from the stored turns (within
    /// Conversations:MaxAge and MaxTurns), so a follow-up in a thread is still answered in context.
    /// </summary>
    private void RestoreConversation(string conversationId)
    {
        if (conversations is null || conversations.Recent(conversationId).Count > 0)
        {
            return;
        }

        var settings = conversationOptions.Value;
        foreach (var turn in store.RecentTurns(conversationId, timeProvider.GetUtcNow() - settings.MaxAge, settings.MaxTurns))
        {
            conversations.Add(conversationId, turn.Question, turn.Answer);
        }
    }

    /// <summary>The final edit keeps the cadence too: at most one edit per message per <see cref="EditInterval"/>.</summary>
    private async Task WaitForEditSlotAsync(DateTimeOffset? lastShown, CancellationToken cancellationToken)
    {
        if (lastShown is { } last && last + EditInterval - timeProvider.GetUtcNow() is var wait && wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, timeProvider, cancellationToken);
        }
    }

    /// <summary>Waits until <paramref name="pending"/> completes or <paramref name="delay"/> passes, whichever is first.</summary>
    private async Task WaitForEitherAsync(Task pending, TimeSpan delay, CancellationToken cancellationToken)
    {
        using var delayCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delayed = Task.Delay(delay, timeProvider, delayCts.Token);
        await Task.WhenAny(pending, delayed);
        await delayCts.CancelAsync();
    }

    /// <summary>Keeps the answer for the votes on it; returns the 👍/👎 buttons that go under its last part.</summary>
    /// <param name="answerId">The id of the message or interaction that asked: unique, and known before posting.</param>
    private IReadOnlyList<MessageComponent> Remember(ulong answerId, string questionText, Answer answer)
    {
        var id = answerId.ToString(CultureInfo.InvariantCulture);
        store.SaveAnswer(new AnsweredQuestion(id, questionText, answer), timeProvider.GetUtcNow());
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
            Log.ThreadFailed(logger, ex.Message);
            return (message.ChannelId, message.Id, message.Id);
        }
    }

    private async Task AnswerSlashAsync(SlashQuestion question, CancellationToken cancellationToken)
    {
        var interaction = question.Interaction;
        var conversationId = interaction.ChannelId is { } channelId && state.IsConversationThread(channelId)
            ? channelId.ToString(CultureInfo.InvariantCulture)
            : interaction.Id.ToString(CultureInfo.InvariantCulture);

        // The deferred response already shows "thinking…"; no typing indicator.
        await StreamAnswerAsync(question, conversationId, interaction.Id, new InteractionReplyTarget(rest, interaction), null, cancellationToken);
    }

    private async Task ApologizeAsync(BotQuestion question, CancellationToken cancellationToken)
    {
        try
        {
            await ReplyAsync(question, BotReplies.Apology, cancellationToken);
        }
        catch (DiscordRestException ex)
        {
            Log.AnswerFailed(logger, question.UserId, ex);
        }
    }

    /// <summary>A short reply where the question was asked: in its channel, or in the deferred <c>/ask</c> response.</summary>
    private Task ReplyAsync(BotQuestion question, string content, CancellationToken cancellationToken) => question switch
    {
        MessageQuestion message => rest.CreateMessageAsync(message.Message.ChannelId, new CreateMessageRequest
        {
            Content = content,
            MessageReference = MessageReference.ReplyTo(message.Message.Id),
        }, cancellationToken),
        SlashQuestion slash => rest.EditOriginalInteractionResponseAsync(
            slash.Interaction.ApplicationId, slash.Interaction.Token, new EditMessageRequest { Content = content }, cancellationToken),
        _ => Task.CompletedTask,
    };

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
