using QaBot.Core;

namespace QaBot.DiscordBot;

/// <summary>Turns an <see cref="Answer"/> into Discord messages: the text, then a compact source list, split at 2,000 characters.</summary>
public static class AnswerFormatter
{
    /// <summary>The messages to post, in order.</summary>
    public static IReadOnlyList<string> Format(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var text = answer.Text.Trim();
        if (!answer.Refused && answer.Citations.Count > 0)
        {
            var sources = string.Join(
                "\n",
                answer.Citations.Select(c => $"[{c.Number}] `{CitationFormatter.Location(c)}`{CitationFormatter.Section(c.HeadingPath)} — {DisplayText.Escape(c.Title)}"));
            text = $"{text}\n\n**Sources**\n{sources}";
        }

        return AnswerMessageSplitter.Split(text.Length == 0 ? "(no answer)" : text);
    }
}
