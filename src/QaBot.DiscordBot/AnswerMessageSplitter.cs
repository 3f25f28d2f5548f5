namespace QaBot.DiscordBot;

/// <summary>
/// Splits text into Discord messages of at most 2,000 characters, preferring paragraph, then sentence, then word
/// boundaries. A cut inside a code block (<c>```</c>) closes the fence at the end of the part and opens it again,
/// with its language, at the start of the next, so every part renders as the block it belongs to.
/// </summary>
public static class AnswerMessageSplitter
{
    /// <summary>Discord's content limit.</summary>
    public const int MaxMessageLength = 2000;

    private const string Fence = "```";

    private static readonly string[] SentenceEnds = [". ", "! ", "? ", ".\n", "!\n", "?\n"];

    /// <summary>The parts, in order; none longer than <paramref name="maxLength"/> and none empty.</summary>
    public static IReadOnlyList<string> Split(string text, int maxLength = MaxMessageLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 40);
        var parts = new List<string>();
        var remaining = text.Trim();
        while (remaining.Length > maxLength)
        {
            // Room for the closing fence a cut inside a code block adds.
            var budget = remaining.Contains(Fence, StringComparison.Ordinal) ? maxLength - (Fence.Length + 1) : maxLength;
            var cut = FindCut(remaining, budget);
            var part = remaining[..cut].TrimEnd();
            var rest = remaining[cut..];
            if (OpenFence(part) is { } opening)
            {
                part += "\n" + Fence;
                rest = opening + "\n" + rest.TrimStart('\r', '\n');
            }
            else
            {
                rest = rest.TrimStart();
            }

            parts.Add(part);
            remaining = rest;
        }

        if (remaining.Trim().Length > 0)
        {
            parts.Add(remaining);
        }

        return parts;
    }

    /// <summary>The opening fence line (e.g. <c>```python</c>) of a code block left open at the end of <paramref name="text"/>.</summary>
    private static string? OpenFence(string text)
    {
        string? open = null;
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith(Fence, StringComparison.Ordinal))
            {
                open = open is null ? trimmed.TrimEnd('\r') : null;
            }
        }

        return open;
    }

    private static int FindCut(string text, int maxLength)
    {
        var window = text[..maxLength];
        var paragraph = window.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (paragraph >= maxLength / 2)
        {
            return paragraph;
        }

        // Inside a code block lines are the boundaries; a sentence mark there may sit in the middle of a line.
        if (OpenFence(window) is not null && window.LastIndexOf('\n') is var line and >= 0 && line >= maxLength / 4)
        {
            return line;
        }

        var sentence = SentenceEnds.Max(end => window.LastIndexOf(end, StringComparison.Ordinal) is var index and >= 0 ? index + 1 : -1);
        if (sentence >= maxLength / 4)
        {
            return sentence;
        }

        var space = window.LastIndexOfAny(' ', '\n');
        return space > 0 ? space : maxLength;
    }
}
