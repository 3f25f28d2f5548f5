using QaBot.Core;

namespace QaBot.Ingestion.Reading;

/// <summary>
/// Maps character offsets of the decoded text to 1-based line numbers. Decoding keeps every line
/// break, so these are the line numbers of the original file (LF, CRLF and lone CR all end a line).
/// </summary>
internal sealed class LineMap
{
    private readonly int[] _lineStarts;

    public LineMap(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            if (c is '\r' or '\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = [.. starts];
    }

    /// <summary>Number of lines (a final line break does not open another line unless text follows).</summary>
    public int LineCount => _lineStarts.Length;

    /// <summary>The 1-based line that holds the character at <paramref name="offset"/>.</summary>
    public int LineAt(int offset)
    {
        var index = Array.BinarySearch(_lineStarts, offset);
        return index >= 0 ? index + 1 : ~index;
    }

    /// <summary>The 1-based line and column (UTF-16 code unit within the line) of the character at <paramref name="offset"/>.</summary>
    public SourcePosition PositionAt(int offset)
    {
        var line = LineAt(offset);
        return new SourcePosition(line, offset - _lineStarts[line - 1] + 1);
    }

    /// <summary>Offset of the first character of a 1-based line.</summary>
    public int StartOf(int line) => _lineStarts[line - 1];

    /// <summary>Offset just past the last character of a 1-based line, before its line break.</summary>
    public int EndOf(string text, int line)
    {
        var end = line < _lineStarts.Length ? _lineStarts[line] : text.Length;
        while (end > _lineStarts[line - 1] && text[end - 1] is '\r' or '\n')
        {
            end--;
        }

        return end;
    }
}
