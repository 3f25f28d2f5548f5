using QaBot.Discord.Models;

namespace QaBot.DiscordBot;

/// <summary>
/// The Discord messages of one answer as it grows: part i of the text is message i. Showing new parts edits only
/// the messages whose text changed and posts the ones that are new; the buttons go on the last part only.
/// </summary>
internal sealed class StreamedMessages(IReplyTarget target)
{
    private readonly List<(ulong Id, string Content, IReadOnlyList<MessageComponent> Buttons)> _posted = [];

    public bool AnyPosted => _posted.Count > 0;

    /// <summary>The messages posted so far, in part order.</summary>
    public IEnumerable<ulong> MessageIds => _posted.Select(part => part.Id);

    public async Task ShowAsync(IReadOnlyList<string> parts, IReadOnlyList<MessageComponent> lastButtons, CancellationToken cancellationToken)
    {
        for (var i = 0; i < parts.Count; i++)
        {
            IReadOnlyList<MessageComponent> buttons = i == parts.Count - 1 ? lastButtons : [];
            if (i < _posted.Count)
            {
                var (id, content, shownButtons) = _posted[i];
                var sameButtons = ReferenceEquals(shownButtons, buttons) || (shownButtons.Count == 0 && buttons.Count == 0);
                if (content != parts[i] || !sameButtons)
                {
                    await target.EditAsync(i, id, parts[i], buttons, cancellationToken);
                    _posted[i] = (id, parts[i], buttons);
                }
            }
            else
            {
                var id = await target.PostAsync(i, parts[i], buttons.Count > 0 ? buttons : null, cancellationToken);
                _posted.Add((id, parts[i], buttons));
            }
        }
    }
}
