using QaBot.Discord.Models;
using QaBot.Discord.Rest;

namespace QaBot.DiscordBot;

/// <summary>Where the messages of one answer go: part 0 is the reply itself, later parts follow it.</summary>
internal interface IReplyTarget
{
    /// <summary>Posts part <paramref name="index"/>; returns its message id.</summary>
    Task<ulong> PostAsync(int index, string content, IReadOnlyList<MessageComponent>? components, CancellationToken cancellationToken);

    /// <summary>Replaces part <paramref name="index"/>; an empty component list removes the buttons.</summary>
    Task EditAsync(int index, ulong messageId, string content, IReadOnlyList<MessageComponent> components, CancellationToken cancellationToken);
}

/// <summary>An answer to a mention or DM: a reply in the channel (or thread), then plain messages after it.</summary>
internal sealed class ChannelReplyTarget(IDiscordRestClient rest, ulong channelId, ulong? replyTo) : IReplyTarget
{
    public async Task<ulong> PostAsync(int index, string content, IReadOnlyList<MessageComponent>? components, CancellationToken cancellationToken)
    {
        var message = await rest.CreateMessageAsync(channelId, new CreateMessageRequest
        {
            Content = content,
            Flags = MessageFlags.SuppressEmbeds,
            MessageReference = index == 0 && replyTo is { } id ? MessageReference.ReplyTo(id) : null,
            Components = components,
        }, cancellationToken);
        return message.Id;
    }

    public Task EditAsync(int index, ulong messageId, string content, IReadOnlyList<MessageComponent> components, CancellationToken cancellationToken) =>
        rest.EditMessageAsync(channelId, messageId, new EditMessageRequest
        {
            Content = content,
            Flags = MessageFlags.SuppressEmbeds,
            Components = components,
        }, cancellationToken);
}

/// <summary>An answer to <c>/ask</c>: the deferred original response, then follow-ups.</summary>
internal sealed class InteractionReplyTarget(IDiscordRestClient rest, DiscordInteraction interaction) : IReplyTarget
{
    public async Task<ulong> PostAsync(int index, string content, IReadOnlyList<MessageComponent>? components, CancellationToken cancellationToken)
    {
        if (index == 0)
        {
            var original = await rest.EditOriginalInteractionResponseAsync(interaction.ApplicationId, interaction.Token, new EditMessageRequest
            {
                Content = content,
                Flags = MessageFlags.SuppressEmbeds,
                Components = components,
            }, cancellationToken);
            return original.Id;
        }

        var followup = await rest.CreateFollowupMessageAsync(interaction.ApplicationId, interaction.Token, new CreateMessageRequest
        {
            Content = content,
            Flags = MessageFlags.SuppressEmbeds,
            Components = components,
        }, cancellationToken);
        return followup.Id;
    }

    public Task EditAsync(int index, ulong messageId, string content, IReadOnlyList<MessageComponent> components, CancellationToken cancellationToken)
    {
        var edit = new EditMessageRequest { Content = content, Flags = MessageFlags.SuppressEmbeds, Components = components };
        return index == 0
            ? rest.EditOriginalInteractionResponseAsync(interaction.ApplicationId, interaction.Token, edit, cancellationToken)
            : rest.EditFollowupMessageAsync(interaction.ApplicationId, interaction.Token, messageId, edit, cancellationToken);
    }
}
