using System.Globalization;
using System.Text;
using QaBot.Core;

namespace QaBot.DiscordBot;

/// <summary>
/// Turns an <see cref="Answer"/> into Discord messages, in the layout the REPL shows too (<see cref="AnswerLayout"/>):
/// the text with its unverified marks, the word glosses, and a compact source list with each source's section;
/// split at 2,000 characters. The REPL's footer (who answered, how long) is left out: a Discord reply names its bot.
/// </summary>
public static class AnswerFormatter
{
    /// <summary>The messages to post, in order.</summary>
    public static IReadOnlyList<string> Format(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var layout = AnswerLayout.For(answer);
        var builder = new StringBuilder(layout.Text.Length == 0 ? "(no answer)" : layout.Text);
        if (layout.GlossLines.Count > 0)
        {
            builder.Append("\n\n**").Append(layout.GlossHeading).Append("**");
            foreach (var line in layout.GlossLines)
            {
                builder.Append('\n').Append(line);
            }
        }

        if (layout.Sources.Count > 0)
        {
            builder.Append("\n\n**").Append(layout.SourcesHeading).Append("**");
            foreach (var c in layout.Sources)
            {
                builder.Append(CultureInfo.InvariantCulture, $"\n[{c.Number}] `{CitationFormatter.Location(c)}`{CitationFormatter.Section(c.HeadingPath)} — {DisplayText.Escape(c.Title)}");
            }
        }

        return AnswerMessageSplitter.Split(builder.ToString());
    }
}
