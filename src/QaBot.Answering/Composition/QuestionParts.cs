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
    public static IReadOnlyList<string> Split(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var parts = new List<string>();
        var start = 0;
        foreach (Match boundary in Boundary().Matches(question))
        {
            var before = question[start..boundary.Index];
            if (Interrogative().IsMatch(before))
            {
                parts.Add(before.Trim());
                start = boundary.Index + boundary.Length;
            }
        }

        var rest = question[start..].Trim();
        if (parts.Count == 0 || !Interrogative().IsMatch(rest))
        {
            return [question.Trim()];
        }

        parts.Add(rest);
        return parts;
    }

    // A conjunction that begins another interrogative clause; the interrogative itself stays in the new part.
    [GeneratedRegex(@",?\s+(and|und|sowie)\s+(?=(which|what|how|where|when|who|whom|whose|why|wie|welche[snrm]?|was|wo|wohin|woher|wann|wer|wem|wen|warum|weshalb|womit|wofür|wozu|(mit|in|an|auf|ab|seit|von|für|aus|nach|zu)\s+(welche[snrm]?|wann|was|wem))\b)|[，,；;]\s*(并且|而且|还有|以及|又|再|并|和)?(?=[^，,。；;？?]*(哪|什么|什麼|怎么|怎麼|怎样|怎樣|如何|多少|几|幾|谁|誰))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Boundary();

    [GeneratedRegex(@"\b(which|what|how|where|when|who|whom|whose|why|wie|welche[snrm]?|was|wo|wohin|woher|wann|wer|wem|wen|warum|weshalb|womit|wofür|wozu)\b|哪|什么|什麼|怎么|怎麼|怎样|怎樣|如何|多少|几|幾|谁|誰", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Interrogative();
}
