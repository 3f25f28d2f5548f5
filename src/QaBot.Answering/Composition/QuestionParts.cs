using System.Text.RegularExpressions;

namespace QaBot.Answering.Composition;

/// <summary>
/// Splits a question that asks two things ("Which command signs the files, and which daemon picks them up?",
/// "Wer hat es gegründet, und in welchem Jahr?", "用什么命令检查，又用哪个工具上传？") into its parts, so that an
/// extractive answer can cover each. A question is split only where a conjunction starts a new interrogative
/// clause and the clause before it asks something too: "When I file a bug, which tags …" stays whole.
/// </summary>
public static partial class QuestionParts
{
    /// <param name="question">The question.</param>
    /// <param name="language">Its language (en, de, zh): whose conjunctions and interrogatives to read.</param>
    public static IReadOnlyList<string> Split(string question, string language)
    {
        ArgumentNullException.ThrowIfNull(question);
        var (boundaries, interrogative) = language switch
        {
            "de" => (GermanBoundary(), GermanInterrogative()),
            "zh" => (ChineseBoundary(), ChineseInterrogatives()),
            _ => (EnglishBoundary(), EnglishInterrogative()),
        };
        var parts = new List<string>();
        var start = 0;
        foreach (Match boundary in boundaries.Matches(question))
        {
            var before = question[start..boundary.Index];
            if (interrogative.IsMatch(before))
            {
                parts.Add(before.Trim());
                start = boundary.Index + boundary.Length;
            }
        }

        var rest = question[start..].Trim();
        if (parts.Count == 0 || !interrogative.IsMatch(rest))
        {
            return [question.Trim()];
        }

        parts.Add(rest);
        return parts;
    }

    // A conjunction that begins another interrogative clause; the interrogative itself stays in the new part.
    [GeneratedRegex(@",?\s+and\s+(?=((in|for|since|from|to|at|on|by|with)\s+)?(which|what|how|where|when|who|whom|whose|why)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnglishBoundary();

    [GeneratedRegex(@",?\s+(und|sowie)\s+(?=(wie|welche[snrm]?|was|wo|wohin|woher|wann|wer|wem|wen|warum|weshalb|womit|wofür|wozu|(mit|in|an|auf|ab|seit|von|für|aus|nach|zu)\s+(welche[snrm]?|wann|was|wem))\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GermanBoundary();

    [GeneratedRegex(@"[，,；;]\s*(并且|而且|还有|以及|又|再|并|和)?(?=[^，,。；;？?]*" + ChineseInterrogative + ")")]
    private static partial Regex ChineseBoundary();

    [GeneratedRegex(@"\b(which|what|how|where|when|who|whom|whose|why)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnglishInterrogative();

    [GeneratedRegex(@"\b(wie|welche[snrm]?|was|wo|wohin|woher|wann|wer|wem|wen|warum|weshalb|womit|wofür|wozu)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GermanInterrogative();

    [GeneratedRegex(ChineseInterrogative)]
    private static partial Regex ChineseInterrogatives();

    // Not 几乎 (almost), 几何, 哪怕 (even if), nor 无论如何/无论谁/什么都 (whatever), which ask nothing.
    private const string ChineseInterrogative = @"(哪(?!怕)|(?<!无论)(什么|什麼)(?!都)|怎么|怎麼|怎样|怎樣|(?<!无论|無論)如何|多少|几(?!乎|何)|幾(?!乎|何)|(?<!无论|無論)(谁|誰))";
}
