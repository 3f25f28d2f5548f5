using System.Text;
using System.Text.RegularExpressions;
using QaBot.Analysis;
using QaBot.Analysis.Translation;
using QaBot.Core;

namespace QaBot.Generation.Claims;

/// <summary>
/// Sits between the marker rewriter and the user: holds the streamed answer back sentence by sentence, checks each
/// finished sentence's claims against the passages its markers name (<see cref="ClaimChecker"/>; a sentence without
/// markers against those of the sentence before it in its paragraph), and passes it on, marked as unverified or
/// removed when it fails. Until a sentence passes (verified claims, or a citation without claims), failing and
/// neutral sentences are held, so an answer whose every sentence fails is never shown: it becomes a refusal.
/// </summary>
public sealed partial class ClaimCheckingFilter(
    ClaimChecker checker,
    TranslationTable? table,
    Func<IReadOnlyList<IReadOnlyList<RetrievedPassage>>> passagesByNumber,
    UnverifiedClaimHandling handling,
    string language)
{
    private readonly StringBuilder _pending = new();
    private readonly StringBuilder _held = new();
    private readonly StringBuilder _text = new();
    private readonly List<string> _unverified = [];
    private IReadOnlyList<int> _previousMarkers = [];
    private bool _passed;
    private bool _failed;

    /// <summary>Sentences that carried numbers, dates or names.</summary>
    public int CheckedSentences { get; private set; }

    /// <summary>Those whose every claim was found in a cited passage.</summary>
    public int VerifiedSentences { get; private set; }

    /// <summary>Each failing sentence with what was not found.</summary>
    public IReadOnlyList<string> Unverified => _unverified;

    /// <summary>Every sentence failed or said nothing cited: the answer must be a refusal.</summary>
    public bool AllFailed => !_passed && _failed;

    /// <summary>Everything passed on so far.</summary>
    public string Text => _text.ToString();

    public string Push(string piece)
    {
        ArgumentNullException.ThrowIfNull(piece);
        _pending.Append(piece);
        return Emit(Drain(final: false));
    }

    public string Complete()
    {
        var rest = Drain(final: true);
        if (!_passed && !_failed)
        {
            // Nothing to check either way (no claims, no citations): shown as written.
            rest = _held.ToString() + rest;
            _held.Clear();
        }

        return Emit(rest);
    }

    private string Emit(string text)
    {
        _text.Append(text);
        return text;
    }

    private string Drain(bool final)
    {
        var buffer = _pending.ToString();
        var spans = SentenceSplitter.SplitSpans(buffer);

        // A span of markers alone ("Revenue rose 12%. [1]") belongs to the sentence before it.
        var units = new List<(int Start, int End)>();
        foreach (var span in spans)
        {
            if (units.Count > 0 && MarkersOnly().IsMatch(buffer[span.Start..span.End]))
            {
                units[^1] = (units[^1].Start, span.End);
            }
            else
            {
                units.Add((span.Start, span.End));
            }
        }

        // The last sentence may still grow (or get its markers) until more text or the end arrives.
        var complete = final ? units.Count : Math.Max(0, units.Count - 1);
        var output = new StringBuilder();
        var consumed = 0;
        for (var i = 0; i < complete; i++)
        {
            var (start, end) = units[i];
            var lead = buffer[consumed..start];
            if (lead.Contains("\n\n", StringComparison.Ordinal))
            {
                _previousMarkers = [];
            }

            output.Append(Checked(lead, buffer[start..end]));
            consumed = end;
        }

        if (final)
        {
            output.Append(buffer[consumed..]);
            consumed = buffer.Length;
        }

        _pending.Clear().Append(buffer, consumed, buffer.Length - consumed);
        return output.ToString();
    }

    private string Checked(string lead, string sentence)
    {
        var markers = Markers().Matches(sentence).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var cites = markers.Count > 0 ? markers : _previousMarkers;
        if (markers.Count > 0)
        {
            _previousMarkers = markers;
        }

        var byNumber = passagesByNumber();
        var passages = cites.Where(n => n >= 1 && n <= byNumber.Count).SelectMany(n => byNumber[n - 1]).ToList();
        var check = checker.Check(sentence, passages, table);
        string shown;
        if (!check.HasClaims)
        {
            shown = lead + sentence;
            if (markers.Count == 0)
            {
                return Hold(shown);
            }
        }
        else
        {
            CheckedSentences++;
            if (check.IsVerified)
            {
                VerifiedSentences++;
                shown = lead + sentence;
            }
            else
            {
                _failed = true;
                _unverified.Add($"{sentence} — not in its passages: {string.Join(", ", check.Missing)}");
                shown = handling == UnverifiedClaimHandling.Remove ? string.Empty : $"{lead}{sentence} {AnswerTexts.Unverified(language)}";
                return Hold(shown);
            }
        }

        _passed = true;
        var released = _held + shown;
        _held.Clear();
        return released;
    }

    /// <summary>Nothing has passed yet: keep it back; once something passes it is shown in its place.</summary>
    private string Hold(string shown)
    {
        if (_passed)
        {
            return shown;
        }

        _held.Append(shown);
        return string.Empty;
    }

    [GeneratedRegex(@"^(\s*\[\d{1,3}\])+[\s.,;:。，；：]*$")]
    private static partial Regex MarkersOnly();

    [GeneratedRegex(@"\[(\d{1,3})\]")]
    private static partial Regex Markers();
}

/// <summary>What happens to a model's sentence whose numbers, dates or names are not in the passages it cites.</summary>
public enum UnverifiedClaimHandling
{
    /// <summary>Shown with an "(unverified)" mark in the question's language.</summary>
    Mark,

    /// <summary>Left out of the answer (still listed under /debug).</summary>
    Remove,
}
