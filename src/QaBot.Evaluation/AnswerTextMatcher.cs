using System.Text;
using QaBot.Analysis;

namespace QaBot.Evaluation;

/// <summary>
/// Decides whether a text satisfies a question's answer_any groups: for every group, one alternative occurs in
/// the text as a substring, after both are normalised the same way (Unicode NFKC, Traditional Chinese folded to
/// Simplified as the analyzer does, lower case, runs of white space as one space). So a zh-cn answer string
/// matches a zh-tw passage, and a command broken across lines still matches.
/// </summary>
public sealed class AnswerTextMatcher(ChineseScriptFolder chineseScripts)
{
    /// <summary>The matcher over the Chinese tables shipped with QaBot.</summary>
    public static AnswerTextMatcher Default { get; } = new(ChineseScriptFolder.Default);

    /// <summary>True when every group has an alternative in <paramref name="text"/>; false for no groups (nothing to check against).</summary>
    public bool SatisfiesAll(string text, IReadOnlyList<IReadOnlyList<string>> groups)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(groups);
        if (groups.Count == 0)
        {
            return false;
        }

        var normalised = Normalise(text);
        return groups.All(group => Satisfies(normalised, group));
    }

    /// <summary>True when at least one group has an alternative in <paramref name="text"/> (a passage that holds part of a multi-passage answer).</summary>
    public bool SatisfiesAny(string text, IReadOnlyList<IReadOnlyList<string>> groups)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(groups);
        var normalised = Normalise(text);
        return groups.Any(group => Satisfies(normalised, group));
    }

    /// <summary>For each group, whether <paramref name="text"/> holds one of its alternatives.</summary>
    public IReadOnlyList<bool> SatisfiedGroups(string text, IReadOnlyList<IReadOnlyList<string>> groups)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(groups);
        var normalised = Normalise(text);
        return groups.Select(group => Satisfies(normalised, group)).ToList();
    }

    /// <summary>The form both sides are compared in.</summary>
    public string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = chineseScripts.Fold(text.Normalize(NormalizationForm.FormKC)).ToLowerInvariant();
        var builder = new StringBuilder(folded.Length);
        var inSpace = false;
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c))
            {
                inSpace = true;
                continue;
            }

            if (inSpace && builder.Length > 0)
            {
                builder.Append(' ');
            }

            inSpace = false;
            builder.Append(c);
        }

        return builder.ToString();
    }

    private bool Satisfies(string normalisedText, IReadOnlyList<string> group) =>
        group.Any(alternative => normalisedText.Contains(Normalise(alternative), StringComparison.Ordinal));
}
