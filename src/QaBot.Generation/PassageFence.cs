using System.Text;
using QaBot.Core;

namespace QaBot.Generation;

/// <summary>
/// Writes the retrieved passages into the prompt as numbered, fenced blocks of untrusted data. Passage n is
/// <c>retrieval.Passages[n - 1]</c>; the fence lines carry the number, so the model cites [n]. Fence marks
/// inside an article are defused so an article cannot close its own fence and speak as the instructions.
/// (Fence lines use no angle brackets: the template is parsed as Semantic Kernel's XML chat prompt.)
/// </summary>
public static class PassageFence
{
    public static string Format(IReadOnlyList<RetrievedPassage> passages)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var builder = new StringBuilder();
        for (var i = 0; i < passages.Count; i++)
        {
            var passage = passages[i];
            var number = i + 1;
            builder.Append("### passage ").Append(number).Append(": ").Append(Defuse(passage.CitationLabel)).Append(" — ").AppendLine(Defuse(passage.Chunk.Title));
            builder.AppendLine(Defuse(passage.Chunk.Text.Trim()));
            builder.Append("### end of passage ").Append(number).AppendLine();
            if (number < passages.Count)
            {
                builder.AppendLine();
            }
        }

        return builder.ToString().TrimEnd();
    }

    // "###" opens and closes fences; inside an article (a Markdown heading, or a forged fence) it becomes "# # #".
    private static string Defuse(string text) => text.Replace("###", "# # #", StringComparison.Ordinal);
}
