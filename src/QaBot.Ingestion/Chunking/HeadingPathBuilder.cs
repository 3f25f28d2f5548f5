namespace QaBot.Ingestion.Chunking;

/// <summary>
/// The headings above the current point of a document, outermost first. A heading closes every open heading of
/// its level or deeper; a heading without a level (0, a reader that could not tell) is a sibling of the innermost one.
/// </summary>
internal sealed class HeadingPathBuilder
{
    private readonly List<(string Text, int Level)> _open = [];
    private string[]? _current = [];

    /// <summary>The open headings' texts, outermost first; the same instance until the next heading.</summary>
    public IReadOnlyList<string> Current => _current ??= _open.Select(h => h.Text).ToArray();

    public void Enter(string text, int level)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var effective = level > 0 ? level : _open.Count > 0 ? _open[^1].Level : 1;
        while (_open.Count > 0 && _open[^1].Level >= effective)
        {
            _open.RemoveAt(_open.Count - 1);
        }

        _open.Add((text, effective));
        _current = null;
    }
}
