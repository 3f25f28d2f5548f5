using System.Text;
using QaBot.Core;

namespace QaBot.Ingestion.Reading.Office;

/// <summary>
/// The text of a PDF block, lines joined by a space (a word hyphenated at a line end joined again), with the
/// page line and column of every character, so a sentence of a block can be cited by line and column.
/// </summary>
internal static class PdfBlockText
{
    public static (string Text, IReadOnlyList<SourcePosition> Positions) Build(PdfLayoutBlock block)
    {
        var text = new StringBuilder();
        var positions = new List<SourcePosition>();
        var lineNumber = block.FirstLine;
        foreach (var line in block.Block.TextLines)
        {
            var lineText = string.Join(' ', line.Words.Select(word => word.Text));
            if (text.Length > 0)
            {
                if (EndsWithHyphenatedWord(text) && lineText.Length > 0 && char.IsLower(lineText[0]))
                {
                    text.Length--;
                    positions.RemoveAt(positions.Count - 1);
                }
                else
                {
                    // The joining space stands for the line break: it is placed at the start of the next line.
                    text.Append(' ');
                    positions.Add(new SourcePosition(lineNumber, 1));
                }
            }

            for (var column = 0; column < lineText.Length; column++)
            {
                var c = lineText[column];
                if (char.IsControl(c) || c == '\uFFFD')
                {
                    continue;
                }

                text.Append(c);
                positions.Add(new SourcePosition(lineNumber, column + 1));
            }

            lineNumber++;
        }

        return (text.ToString(), positions);
    }

    private static bool EndsWithHyphenatedWord(StringBuilder text) =>
        text.Length >= 2 && text[^1] == '-' && char.IsLetter(text[^2]);
}
