using System.Text;
using QaBot.Core;

namespace QaBot.Ingestion.Reading;

/// <summary>
/// Collects the raw text of one block together with the source offset of every character, so the
/// block can later cite the exact line and column of each character it holds.
/// </summary>
internal sealed class SourceTextBuilder
{
    private readonly StringBuilder _text = new();
    private readonly List<int> _offsets = [];

    public int Length => _text.Length;

    public bool HasVisibleText { get; private set; }

    public void Append(char c, int offset)
    {
        _text.Append(c);
        _offsets.Add(offset);
        HasVisibleText |= !char.IsWhiteSpace(c);
    }

    /// <summary>Appends text whose characters stand at <paramref name="offsets"/> (same length).</summary>
    public void Append(string text, IReadOnlyList<int> offsets)
    {
        for (var i = 0; i < text.Length; i++)
        {
            Append(text[i], offsets[i]);
        }
    }

    /// <summary>Appends a separator that is not in the source (" | " between cells), placed at the last character's position.</summary>
    public void AppendSeparator(string separator)
    {
        var offset = _offsets.Count > 0 ? _offsets[^1] : 0;
        foreach (var c in separator)
        {
            _text.Append(c);
            _offsets.Add(offset);
        }
    }

    /// <summary>The collected text as a raw block (spans are fitted after normalization), or null when it holds no visible character.</summary>
    public TextBlock? ToBlock(LineMap lines, BlockKind kind, int level = 0, string? tableHeader = null)
    {
        if (!HasVisibleText)
        {
            return null;
        }

        var positions = _offsets.Select(lines.PositionAt).ToArray();
        return new TextBlock(_text.ToString(), positions[0].Line, positions[^1].Line, kind)
        {
            Level = level,
            TableHeader = tableHeader,
            Positions = positions,
        };
    }

    public void Clear()
    {
        _text.Clear();
        _offsets.Clear();
        HasVisibleText = false;
    }
}
