namespace QaBot.DiscordBot;

/// <summary>Splits text into Discord messages of at most 2,000 characters, preferring paragraph, then sentence, then word boundaries.</summary>
public static class AnswerMessageSplitter
{
    /// <summary>Discord's content limit.</summary>
    public const int MaxMessageLength = 2000;

    private static readonly string[] SentenceEnds = [". ", "! ", "? ", ".\n", "!\n", "?\n"];

    /// <summary>The parts, in order; none longer than <paramref name="maxLength"/> and none empty.</summary>
    public static IReadOnlyList<string> Split(string text, int maxLength = MaxMessageLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 10);
        var parts = new List<string>();
        var remaining = text.Trim();
        while (remaining.Length > maxLength)
        {
            var cut = FindCut(remaining, maxLength);
            parts.Add(remaining[..cut].TrimEnd());
            remaining = remaining[cut..].TrimStart();
        }

        if (remaining.Length > 0)
        {
            parts.Add(remaining);
        }

        return parts;
    }

    private static int FindCut(string text, int maxLength)
    {
        var window = text[..maxLength];
        var paragraph = window.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (paragraph >= maxLength / 2)
        {
            return paragraph;
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
