namespace QaBot.Core;

/// <summary>
/// What every front end shows for an answer, in this order: the text (with its "(unverified)" marks), the word
/// glosses under their heading, the sources (none for a refusal), and who answered; headings and footer in the
/// question's language. The REPL and Discord render this one layout, each in its own markup, so they cannot drift
/// apart.
/// </summary>
public sealed record AnswerLayout(
    string Text,
    string GlossHeading,
    IReadOnlyList<string> GlossLines,
    string SourcesHeading,
    IReadOnlyList<Citation> Sources,
    string Footer)
{
    public static AnswerLayout For(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var language = answer.Language;
        return new AnswerLayout(
            answer.Text.Trim(),
            AnswerTexts.WordGloss(language),
            [.. answer.Glosses.Select(g => DisplayText.Escape(g.Format()))],
            AnswerTexts.Sources(language),
            answer.Refused ? [] : answer.Citations,
            AnswerTexts.AnsweredBy(language, answer.AnsweredBy));
    }
}
