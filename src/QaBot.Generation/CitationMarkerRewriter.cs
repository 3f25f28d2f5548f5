using System.Globalization;
using System.Text;
using QaBot.Core;

namespace QaBot.Generation;

/// <summary>
/// Binds the model's [n] markers to the passages while the answer streams. A marker naming a passage that was
/// given is renumbered in order of first citation ([3] first cited becomes [1]), so the sources listed are
/// exactly the passages cited, numbered as the text shows them; a marker naming no passage is removed, with
/// the space before it, and recorded. Text that might still become a marker ("[1", or a space) is held back
/// until the next piece decides it.
/// </summary>
public sealed class CitationMarkerRewriter(IReadOnlyList<RetrievedPassage> passages)
{
    private const int MaxMarkerLength = 24;

    private readonly StringBuilder _pending = new();
    private readonly StringBuilder _text = new();
    private readonly Dictionary<int, int> _numberByPassage = [];
    private readonly List<RetrievedPassage> _cited = [];
    private readonly List<List<RetrievedPassage>> _passagesByNumber = [];
    private readonly List<string> _removed = [];

    /// <summary>The passages cited, in the order of their new numbers (marker n = Cited[n - 1]).</summary>
    public IReadOnlyList<RetrievedPassage> Cited => _cited;

    /// <summary>
    /// Every passage behind each output number (<c>[n]</c> = entry n - 1): more than one where the model cited
    /// two chunks of the same lines, which share one number and one source.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<RetrievedPassage>> PassagesByNumber => _passagesByNumber;

    /// <summary>Markers that pointed at no passage, as the model wrote them.</summary>
    public IReadOnlyList<string> Removed => _removed;

    /// <summary>Everything emitted so far.</summary>
    public string Text => _text.ToString();

    /// <summary>Takes the next piece of model output; returns the text that is final now.</summary>
    public string Push(string piece)
    {
        ArgumentNullException.ThrowIfNull(piece);
        _pending.Append(piece);
        return Emit(Drain(final: false));
    }

    /// <summary>The model is done: whatever was held back is decided now.</summary>
    public string Complete() => Emit(Drain(final: true));

    private string Emit(string text)
    {
        _text.Append(text);
        return text;
    }

    private string Drain(bool final)
    {
        var output = new StringBuilder();
        var buffer = _pending.ToString();
        var position = 0;
        var heldSpaceStart = -1;
        while (position < buffer.Length)
        {
            var c = buffer[position];
            if (char.IsWhiteSpace(c) && c != '\n')
            {
                heldSpaceStart = heldSpaceStart < 0 ? position : heldSpaceStart;
                position++;
                continue;
            }

            if (c == '[')
            {
                var (state, length, numbers) = ReadMarker(buffer, position);
                if (state == MarkerState.Incomplete && !final)
                {
                    break;
                }

                if (state == MarkerState.Complete)
                {
                    var replacement = Resolve(numbers);
                    if (EndsWith(output, replacement))
                    {
                        replacement = string.Empty; // "[1][2]" where both are one source: one marker.
                    }

                    if (replacement.Length > 0 && heldSpaceStart >= 0)
                    {
                        output.Append(buffer, heldSpaceStart, position - heldSpaceStart);
                    }

                    output.Append(replacement);
                    heldSpaceStart = -1;
                    position += length;
                    continue;
                }
            }

            if (heldSpaceStart >= 0)
            {
                output.Append(buffer, heldSpaceStart, position - heldSpaceStart);
                heldSpaceStart = -1;
            }

            output.Append(c);
            position++;
        }

        if (final && heldSpaceStart >= 0)
        {
            output.Append(buffer, heldSpaceStart, buffer.Length - heldSpaceStart);
            heldSpaceStart = -1;
        }

        var keepFrom = heldSpaceStart >= 0 ? heldSpaceStart : position;
        _pending.Clear().Append(buffer, keepFrom, buffer.Length - keepFrom);
        return output.ToString();
    }

    private bool EndsWith(StringBuilder output, string marker)
    {
        if (marker.Length == 0)
        {
            return false;
        }

        // What is written so far ends with the text already emitted, then this drain's output.
        var emittedTail = output.Length >= marker.Length ? string.Empty : _text.ToString(Math.Max(0, _text.Length - marker.Length), Math.Min(_text.Length, marker.Length));
        return string.Concat(emittedTail, output.ToString()).EndsWith(marker, StringComparison.Ordinal);
    }

    private string Resolve(List<int> numbers)
    {
        var kept = new StringBuilder();
        foreach (var number in numbers)
        {
            if (number < 1 || number > passages.Count)
            {
                _removed.Add(string.Create(CultureInfo.InvariantCulture, $"[{number}]"));
                continue;
            }

            if (!_numberByPassage.TryGetValue(number, out var renumbered))
            {
                // Two chunks of the same lines (an article written as one long line) share one number, so the
                // sources never list the same file:start-end twice.
                var passage = passages[number - 1];
                renumbered = _cited.FindIndex(c => c.CitationLabel == passage.CitationLabel) + 1;
                if (renumbered == 0)
                {
                    _cited.Add(passage);
                    _passagesByNumber.Add([]);
                    renumbered = _cited.Count;
                }

                _passagesByNumber[renumbered - 1].Add(passage);
                _numberByPassage[number] = renumbered;
            }

            var marker = string.Create(CultureInfo.InvariantCulture, $"[{renumbered}]");
            if (!kept.ToString().Contains(marker, StringComparison.Ordinal))
            {
                kept.Append(marker);
            }
        }

        return kept.ToString();
    }

    /// <summary>Reads "[1]", "[1, 3]" or "[1][2]"'s first part at <paramref name="start"/>.</summary>
    private static (MarkerState State, int Length, List<int> Numbers) ReadMarker(string text, int start)
    {
        var numbers = new List<int>();
        var digits = 0;
        var value = 0;
        for (var i = start + 1; i < text.Length; i++)
        {
            if (i - start > MaxMarkerLength)
            {
                return (MarkerState.NotAMarker, 0, numbers);
            }

            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                if (++digits > 3)
                {
                    return (MarkerState.NotAMarker, 0, numbers);
                }

                value = (value * 10) + (c - '0');
            }
            else if (c == ',' || c == ']')
            {
                if (digits == 0)
                {
                    return (MarkerState.NotAMarker, 0, numbers);
                }

                numbers.Add(value);
                digits = 0;
                value = 0;
                if (c == ']')
                {
                    return (MarkerState.Complete, i - start + 1, numbers);
                }
            }
            else if (c != ' ')
            {
                return (MarkerState.NotAMarker, 0, numbers);
            }
        }

        return (MarkerState.Incomplete, 0, numbers);
    }

    private enum MarkerState
    {
        NotAMarker,
        Incomplete,
        Complete,
    }
}
